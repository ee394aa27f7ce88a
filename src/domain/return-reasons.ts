/** Why the shopper returns a line. Each reason is either the shopper's choice or the merchant's fault. */
export const RETURN_REASONS = [
  "changed_mind",
  "wrong_size",
  "not_as_described",
  "defective",
  "damaged_in_transit",
  "wrong_item",
  "arrived_late",
  "no_longer_needed",
  "other",
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

export type Fault = "shopper" | "merchant";

const MERCHANT_FAULT: ReadonlySet<ReturnReason> = new Set([
  "not_as_described",
  "defective",
  "damaged_in_transit",
  "wrong_item",
  "arrived_late",
]);

export function faultOf(reason: ReturnReason): Fault {
  return MERCHANT_FAULT.has(reason) ? "merchant" : "shopper";
}

/** Reasons that open the legal-guarantee (conformity) track rather than a change of mind. */
export const CONFORMITY_REASONS: readonly ReturnReason[] = [
  "defective",
  "damaged_in_transit",
  "wrong_item",
  "not_as_described",
];

export const RESOLUTIONS = ["refund", "store_credit", "exchange", "keep_it"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const CONDITION_GRADES = ["sealed", "like_new", "good", "damaged", "unusable", "unknown"] as const;
export type ConditionGrade = (typeof CONDITION_GRADES)[number];

export const DISPOSITIONS = [
  "restock",
  "restock_b_grade",
  "refurbish",
  "quarantine",
  "scrap",
  "return_to_vendor",
  "return_to_shopper",
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/**
 * What did not arrive as expected: a wrong item, fewer units (short), more units than approved
 * (extra), units the carrier lost. Only lost units change the case's counters.
 */
export const RECEIPT_EXCEPTIONS = ["wrong_item", "short", "extra", "lost"] as const;
export type ReceiptException = (typeof RECEIPT_EXCEPTIONS)[number];
