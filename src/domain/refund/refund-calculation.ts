import type { Money } from "../money.ts";
import type { Resolution } from "../return-reasons.ts";
import type { Track } from "../statutory/statutory-facts.ts";

/** Where the money of a calculation line goes. */
export type Destination = "original_payment" | "store_credit" | "exchange";

export const REFUND_LINE_TYPES = [
  "item_net",
  "item_tax",
  "discount_reversal",
  "outbound_shipping",
  "duties",
  "return_shipping_fee",
  "restocking_fee",
  "store_credit_bonus",
  "goodwill",
  "exchange_difference",
  "rounding",
] as const;
export type RefundLineType = (typeof REFUND_LINE_TYPES)[number];

/** One typed line of a refund calculation, pointing at its case line and the rule that produced it. */
export interface RefundLine {
  readonly type: RefundLineType;
  readonly caseLineId: string | null;
  readonly orderLineExternalId: string | null;
  readonly quantity: number | null;
  /** Positive: owed to the shopper; negative: a fee or deduction. */
  readonly amount: Money;
  readonly destination: Destination;
  readonly ruleId: string;
  readonly description: string;
}

/** Units of a case line being refunded now, with the resolution and the frozen track they were decided on. */
export interface RefundUnits {
  readonly caseLineId: string;
  readonly orderLineId: string;
  readonly quantity: number;
  readonly resolution: Resolution;
  readonly track: Track | null;
}

/** The refund-relevant terms, taken from the case's frozen policy version and statutory decision. */
export interface RefundTerms {
  readonly policyRef: string;
  readonly restocking: { readonly basisPoints: number } | { readonly perUnit: Money } | null;
  readonly returnShippingFee: Money | null;
  readonly storeCreditBonusBasisPoints: number;
  /** Outbound delivery refunded when the whole order comes back (statute or policy). */
  readonly outboundShipping: "none" | "cheapest_standard" | "full";
  readonly outboundRuleId: string;
  readonly dutiesRefund: "none" | "full" | "proportional";
}

/** What earlier calculations of the same order already gave back. */
export interface PriorRefunds {
  /** Per order line id: units already refunded (all cases of the order). */
  readonly unitsByOrderLine: ReadonlyMap<string, number>;
  readonly shippingRefunded: Money;
  readonly dutiesRefunded: Money;
  /** This case already charged its return-shipping fee. */
  readonly returnFeeCharged: boolean;
  /** Goodwill already given on the order (all cases); absent: none. */
  readonly goodwillGiven?: Money;
}

/** Immutable, itemised, versioned: a recalculation is a new version. */
export interface RefundCalculation {
  readonly id: string;
  readonly caseId: string;
  readonly version: number;
  readonly currency: string;
  readonly units: readonly RefundUnits[];
  readonly lines: readonly RefundLine[];
  readonly total: Money;
  /** Sums of the lines per destination; exchange < 0 means the shopper owes the difference. */
  readonly byDestination: Readonly<Record<Destination, Money>>;
  readonly createdAt: Date;
}
