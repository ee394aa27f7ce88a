import type { PolicyLineFacts } from "../../../src/domain/policy/judge-merchant-policy.ts";
import type { ReturnPolicy } from "../../../src/domain/policy/return-policy.ts";

export const eur = (amount: number) => ({ amount, currency: "EUR" });

export function policy(over: Partial<ReturnPolicy> = {}): ReturnPolicy {
  return {
    id: "p",
    version: 1,
    name: "Test",
    active: true,
    scope: { countries: ["*"], vendors: [], categories: [], skus: [] },
    window: { days: 30, from: "delivery" },
    holidayWindows: [],
    nonReturnable: { categories: [], skus: [], attributes: [] },
    reasons: {},
    returnShipping: { paidBy: "customer", flatFee: { EUR: eur(495) }, freeAbove: {} },
    restockingFee: null,
    resolutions: ["refund", "store_credit", "exchange"],
    storeCreditBonusBasisPoints: 0,
    keepItBelow: {},
    shipByDays: 14,
    refundTrigger: "inspection",
    dutiesRefund: "proportional",
    refundOutboundShipping: false,
    feeRate: "original",
    requireReview: false,
    cancellation: null,
    ...over,
  };
}

export function facts(over: Partial<PolicyLineFacts> = {}): PolicyLineFacts {
  const delivered = over.lineDeliveredAt ?? new Date("2026-03-02T12:00:00Z");
  return {
    country: "DE",
    region: null,
    timeZone: "Europe/Berlin",
    placedAt: new Date("2026-02-27T10:00:00Z"),
    lineDeliveredAt: delivered,
    orderFullyDeliveredAt: delivered,
    returnTermsDisclosed: true,
    returnPolicyPosted: true,
    product: null,
    reason: "changed_mind",
    wholeOrderReturned: false,
    at: new Date("2026-03-05T10:00:00Z"),
    sku: "SKU-1",
    currency: "EUR",
    lineShippedAt: new Date("2026-02-28T10:00:00Z"),
    unitPaid: eur(4990),
    orderTotal: eur(9980),
    ...over,
  };
}
