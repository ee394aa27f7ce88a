import type { Money } from "../money.ts";
import type { Resolution, ReturnReason } from "../return-reasons.ts";

/** A merchant's return policy document, as stored (one version) and as the engine reads it. */

export const PRODUCT_FLAGS = [
  "finalSale",
  "personalised",
  "perishable",
  "sealedHygiene",
  "sealedMedia",
  "digital",
] as const;
export type ProductFlag = (typeof PRODUCT_FLAGS)[number];

export const REFUND_TRIGGERS = ["approval", "first_scan", "hub_receipt", "inspection"] as const;
export type RefundTrigger = (typeof REFUND_TRIGGERS)[number];

/** Amounts set per currency: `{ EUR: 4.95 €, GBP: 3.95 £ }`. */
export type MoneyByCurrency = Readonly<Record<string, Money>>;

export interface PolicyScope {
  /** ISO country codes, or ["*"] for every country. */
  readonly countries: readonly string[];
  readonly vendors: readonly string[];
  readonly categories: readonly string[];
  readonly skus: readonly string[];
}

export interface ReasonRule {
  readonly allowed: boolean;
  readonly resolutions: readonly Resolution[] | null;
  readonly photosRequired: boolean;
}

export interface CancellationTier {
  /** The refund applies when cancelling at least this many hours before the start (or before shipment). */
  readonly hoursBefore: number;
  /** Refund in basis points of what was paid (10000 = 100%). */
  readonly refundBasisPoints: number;
}

export interface CancellationSchedule {
  readonly preset: "flexible" | "moderate" | "strict" | "custom";
  /** Sorted by hoursBefore, largest first; the first tier the cancellation qualifies for applies. */
  readonly tiers: readonly CancellationTier[];
}

export interface ReturnPolicy {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly active: boolean;
  readonly scope: PolicyScope;
  readonly window: { readonly days: number; readonly from: "delivery" | "shipment" | "order" };
  readonly holidayWindows: readonly {
    readonly purchasedFrom: string;
    readonly purchasedTo: string;
    readonly returnBy: string;
  }[];
  readonly nonReturnable: {
    readonly categories: readonly string[];
    readonly skus: readonly string[];
    readonly attributes: readonly ProductFlag[];
  };
  readonly reasons: Readonly<Partial<Record<ReturnReason, ReasonRule>>>;
  readonly returnShipping: {
    readonly paidBy: "customer" | "merchant";
    readonly flatFee: MoneyByCurrency;
    readonly freeAbove: MoneyByCurrency;
  };
  readonly restockingFee: { readonly basisPoints: number } | { readonly fixed: MoneyByCurrency } | null;
  readonly resolutions: readonly Resolution[];
  readonly storeCreditBonusBasisPoints: number;
  readonly keepItBelow: MoneyByCurrency;
  readonly shipByDays: number;
  readonly refundTrigger: RefundTrigger;
  /** DDP duties the shopper paid: none back, all back on the first refund, or in proportion to the lines. */
  readonly dutiesRefund: "none" | "full" | "proportional";
  /** Outbound delivery refunded by policy when the whole order comes back (the law may require it anyway). */
  readonly refundOutboundShipping: boolean;
  /** Fees set in another currency are converted at the order's capture-day rate, or today's. */
  readonly feeRate: "original" | "current";
  readonly requireReview: boolean;
  readonly cancellation: CancellationSchedule | null;
}

export const PRESET_SCHEDULES: Readonly<
  Record<"flexible" | "moderate" | "strict", readonly CancellationTier[]>
> = {
  // Full refund until 24 h before; nothing after.
  flexible: [
    { hoursBefore: 24, refundBasisPoints: 10_000 },
    { hoursBefore: 0, refundBasisPoints: 0 },
  ],
  // Full refund until 5 days before, half until 24 h before, nothing after.
  moderate: [
    { hoursBefore: 5 * 24, refundBasisPoints: 10_000 },
    { hoursBefore: 24, refundBasisPoints: 5_000 },
    { hoursBefore: 0, refundBasisPoints: 0 },
  ],
  // Full refund until 14 days before, half until 7 days before, nothing after.
  strict: [
    { hoursBefore: 14 * 24, refundBasisPoints: 10_000 },
    { hoursBefore: 7 * 24, refundBasisPoints: 5_000 },
    { hoursBefore: 0, refundBasisPoints: 0 },
  ],
};
