import type { Messages } from "./messages.ts";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const days = (n: number, kind: "calendar" | "business") =>
  kind === "business" ? plural(n, "business day", "business days") : plural(n, "day", "days");
const months = (n: number) => plural(n, "month", "months");
const EVENT = {
  order_fully_delivered: "you receive the last item of your order",
  line_delivered: "you receive the item",
  purchase: "you place your order",
} as const;
const NOT_INFORMED = "If the seller did not inform you about this right,";

export const en: Messages = {
  titles: {
    window: "Return window",
    non_returnable: "Items that cannot be returned",
    how_to_return: "How to return",
    refunds: "Refunds",
    statutory_rights: "Your statutory rights",
    legal_guarantee: "Legal guarantee for faulty goods",
    cancellation: "Cancellation",
  },
  marker: { secondary: "(secondary source)", unverified: "(unverified)" },
  days,
  months,
  years: (n) => plural(n, "year", "years"),
  hours: (n) => plural(n, "hour", "hours"),

  window: (d, from) =>
    `You can return items within ${d} of ${{ delivery: "delivery", shipment: "shipment", order: "your order" }[from]}.`,
  noWindow: "This shop does not accept returns for a change of mind.",
  holiday: (from, to, by) => `Items bought between ${from} and ${to} can be returned until ${by}.`,
  statutoryLonger: (p) => `Your statutory withdrawal period of ${p} is longer and applies instead.`,
  statutoryAlso: (p) =>
    `Your statutory right of withdrawal (${p}) also applies; for each item, whichever period ends later counts.`,

  flags: {
    finalSale: "items sold as final sale",
    personalised: "personalised or made-to-order items",
    perishable: "perishable goods",
    sealedHygiene: "sealed health and hygiene products",
    sealedMedia: "sealed audio or video recordings and software",
    digital: "digital content",
  },
  nothingExcluded: "No items are excluded from returns.",
  excludedFlags: (l) => `The following cannot be returned: ${l}.`,
  excludedCategories: (l) => `Items in these categories cannot be returned: ${l}.`,
  excludedSkus: (l) => `These article numbers cannot be returned: ${l}.`,
  moreSkus: (n) => `${n} more`,
  lawAlsoExcludes: (l) => `The law also excludes these from the right of withdrawal: ${l}.`,
  lawSealedOnly: (l) => `By law, these can still be withdrawn as long as the seal is unbroken: ${l}.`,
  lawOverrides: (l, p) =>
    `Even so, because the law does not exclude them, you can withdraw from the purchase of these within the statutory period of ${p}: ${l}.`,
  lawOverridesListed: (p) =>
    `Items in excluded categories or with excluded article numbers can also be withdrawn within the statutory period of ${p}, unless a statutory exception applies to them.`,
  lawMayOverride:
    "If a statutory cancellation right applies to your purchase (see below), it takes precedence over these exclusions.",
  faultyAlwaysCovered:
    "Faulty, damaged or wrong items are always covered by the legal guarantee, even if they are excluded above.",

  shipBy: (d) => `Once your return is approved, send the items within ${d}.`,
  review: "We review every return request before approving it.",
  shippingFree: "Return shipping is free.",
  shippingFee: (f) => `Return shipping costs ${f}.`,
  shippingPaidByYou: "You pay the cost of return shipping.",
  shippingFreeAbove: (a) => `Return shipping is free for orders of ${a} or more.`,
  reasons: {
    changed_mind: "changed my mind",
    wrong_size: "wrong size",
    not_as_described: "not as described",
    defective: "defective",
    damaged_in_transit: "damaged in transit",
    wrong_item: "wrong item received",
    arrived_late: "arrived late",
    no_longer_needed: "no longer needed",
    other: "other reasons",
  },
  reasonsAccepted: (l) => `This policy accepts returns for these reasons: ${l}.`,
  reasonNotNeeded: "A withdrawal under your statutory right needs no reason.",
  photos: (l) => `Please include photos when the reason is: ${l}.`,

  resolutions: {
    refund: "a refund to your original payment method",
    store_credit: "store credit",
    exchange: "an exchange",
  },
  resolutionsOffered: (l) => `You can choose ${l}.`,
  storeCreditBonus: (p) => `If you choose store credit, you receive ${p} extra.`,
  keepItBelow: (a) => `For items worth less than ${a}, we may refund you without asking for the item back.`,
  restockingPercent: (p) =>
    `A restocking fee of ${p} of the item price is deducted from refunds under this policy.`,
  restockingFixed: (a) => `A restocking fee of ${a} is deducted from refunds under this policy.`,
  restockingExempt: (w) =>
    w
      ? "It never applies to a withdrawal under your statutory right or to faulty, damaged or wrong items."
      : "It never applies to faulty, damaged or wrong items.",
  refundTrigger: {
    approval: "We issue your refund as soon as your return is approved.",
    first_scan: "We issue your refund as soon as the carrier scans your return parcel.",
    hub_receipt: "We issue your refund as soon as your parcel arrives at our returns centre.",
    inspection: "We issue your refund once we have received and inspected the items.",
  },

  noPolicy:
    "No return policy of this shop covers your country. Only the statutory rights described here apply.",
  applicableLaw: (p) => `Applicable consumer law: ${p}.`,
  noRight: "There is no statutory right to return an online purchase just because you changed your mind.",
  noNationalRight:
    "There is no nationwide statutory right to return an online purchase because you changed your mind; a rule of your state or province applies instead.",
  changeOfMindByPolicy: "Returns for a change of mind follow this shop's policy described above.",
  rightAlways: (p) =>
    `You have a statutory right of withdrawal: you can withdraw from your purchase within ${p} without giving any reason.`,
  rightIfNoPolicy: (p) =>
    `If a shop does not display its own return policy, the law lets you return goods within ${p}.`,
  rightIfNotDisclosed: (p) =>
    `If the seller did not give you the information required by law before the sale, you can cancel the purchase within ${p}.`,
  defaultReplaced:
    "This shop displays its own return policy (above), so this statutory default does not apply; the shop's policy applies instead.",
  defaultApplies:
    "Because no return policy of this shop covers your country, this statutory default applies.",
  periodStart: (start, from) =>
    from === "day_after_event"
      ? `The period starts on the day after ${EVENT[start]}.`
      : `The period starts on the day ${EVENT[start]}, which counts as day 1.`,
  beforeStart: "You can also withdraw before the goods arrive.",
  rollForward: (on) =>
    on
      ? "If the last day is a Saturday, Sunday or public holiday, the period ends on the next working day."
      : "The period is not extended if its last day falls on a weekend or public holiday.",
  metBy: {
    dispatch: "It is enough to send your withdrawal notice before the period ends.",
    arrival: "Your notice must reach the seller before the period ends.",
  },
  notInformed: (kind, d) =>
    kind === "months_after_normal_end"
      ? `${NOT_INFORMED} the period is extended by ${d}.`
      : `${NOT_INFORMED} the period ends ${d} after it started.`,
  notInformedNotStarted: `${NOT_INFORMED} the period does not start until you are informed.`,
  lateInformation: (p) => `If you receive the information later, the period ends ${p} after you receive it.`,
  sendBackWithin: (p) => `After withdrawing, you must send the goods back within ${p}.`,
  withdrawalReturnCost: {
    customer: "You pay the direct cost of sending the goods back.",
    customer_if_informed:
      "You pay the direct cost of sending the goods back only if the seller told you so before the purchase; otherwise the seller pays it.",
    merchant: "The seller pays the cost of sending the goods back.",
  },
  triggers: {
    notice_received: "the seller receives your withdrawal notice",
    withdrawal: "you withdraw",
    goods_received: "the seller receives the goods back",
    goods_or_proof: "the seller receives the goods back or proof that you sent them, whichever comes first",
    carrier: "you hand the goods to the return carrier",
    agreed: "the seller agrees that you are entitled to a refund",
    demand: "you ask for the refund",
    other: "the date set by law",
  },
  withdrawalRefund: (p, t) =>
    p
      ? `After a withdrawal, the seller must refund all payments you made no later than ${p} after ${t}.`
      : `After a withdrawal, the seller must refund all payments you made as soon as ${t}.`,
  noRefundDeadline: "The law sets no fixed deadline for the refund after a withdrawal.",
  outbound: (kind, whole) =>
    `${whole ? "If you withdraw from the whole order, the" : "The"} refund includes the original delivery charge${kind === "cheapest_standard" ? ", up to the cost of the cheapest standard delivery" : ""}.`,
  withhold:
    "The seller may withhold the refund until it has received the goods back or you have shown that you sent them.",
  lawExcludes: (l) => `By law, the right of withdrawal does not cover: ${l}.`,
  sealedOnly: (l) => `These can be withdrawn only with the seal unbroken: ${l}.`,
  conditions: {
    intact: "The goods must be returned intact.",
    marketable_condition:
      "The goods must keep their marketable condition and properties, and you must keep proof of purchase.",
    original_package: "The goods must be returned in their original packaging.",
    unused: "The goods must be unused.",
  },

  guaranteePeriod: (d) =>
    d
      ? `The legal guarantee for faulty goods lasts ${d}.`
      : "The law sets no fixed guarantee period for faulty goods.",
  shortTermReject: (d) => `Within ${d} after delivery, you can reject faulty goods and get a full refund.`,
  shortTermOther: (d) => `Within ${d} after delivery, special rights apply to faulty goods.`,
  remedies: {
    consumer_choice: "You can choose between repair, replacement, a price reduction or a refund.",
    provincial_law_remedies: "Your remedies follow the law of your province.",
    refund: "You are entitled to a refund.",
    refund_or_replacement: "You can ask for a refund or a replacement.",
    refund_or_replacement_if_major_failure:
      "For a major failure you can ask for a refund or a replacement; otherwise the seller may repair the goods first.",
    repair_first:
      "The seller may repair the goods first; if that fails, you can ask for a replacement or a refund.",
    repair_or_replace_first:
      "You can first ask for repair or replacement; if that is impossible or fails, you can ask for a price reduction or end the contract for a refund.",
    repair_replace_or_refund: "You can ask for a repair, a replacement or a refund.",
    repair_within_30_days_then_consumer_choice:
      "The seller has 30 days to repair the goods; after that you can choose a replacement, a refund or a price reduction.",
    replace_or_repair: "You can ask for a replacement or a repair.",
    replacement_or_refund_plus_20pct_bonus:
      "You can ask for a replacement or a refund; a refund comes with compensation of at least 20%.",
    rescission_or_price_reduction: "You can cancel the purchase or ask for a price reduction.",
    state_law_remedies:
      "Your remedies follow the law of your state (for example rejection, revocation of acceptance or damages).",
    unspecified: "The law does not specify the remedies.",
    other: "Your remedies follow the applicable law.",
  },
  guaranteeReturnCost: {
    merchant: "The seller pays the cost of returning faulty goods.",
    customer: "You pay the cost of returning faulty goods.",
  },
  guaranteeRefund: (p, t) =>
    p
      ? `If you are entitled to a refund for faulty goods, it is due no later than ${p} after ${t}.`
      : `If you are entitled to a refund for faulty goods, it is due as soon as ${t}.`,

  cancelFull: "Full refund",
  cancelNone: "No refund",
  cancelPart: (p) => `${p} refund`,
  cancelBefore: (r, t) => `${r} if you cancel at least ${t} before the start date or shipment.`,
  cancelLater: (r) => `${r} if you cancel later.`,
  cancelAnytime: (r) => `${r} if you cancel before the start date or shipment.`,
};
