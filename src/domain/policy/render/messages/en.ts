import { enLaw } from "./en-law.ts";
import type { Messages } from "./messages.ts";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const days = (n: number, kind: "calendar" | "business") =>
  kind === "business" ? plural(n, "business day", "business days") : plural(n, "day", "days");
const months = (n: number) => plural(n, "month", "months");

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

  ...enLaw,

  cancelFull: "Full refund",
  cancelNone: "No refund",
  cancelPart: (p) => `${p} refund`,
  cancelBefore: (r, t) => `${r} if you cancel a booking at least ${t} before it starts.`,
  cancelLater: (r) => `${r} if you cancel later.`,
  cancelAnytime: (r) => `${r} if you cancel before the booking starts.`,
  cancelGoods: "Orders of goods that have not shipped yet can be cancelled for a full refund.",
};
