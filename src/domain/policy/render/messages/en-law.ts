import type { LawMessages } from "./messages.ts";

// English: the statutory rights and the legal guarantee.
const EVENT = {
  order_fully_delivered: "you receive the last item of your order",
  line_delivered: "you receive the item",
  purchase: "you place your order",
} as const;
const NOT_INFORMED = "If the seller did not inform you about this right,";

export const enLaw: LawMessages = {
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
};
