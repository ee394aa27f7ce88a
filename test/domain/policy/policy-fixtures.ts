import type { Order } from "../../../src/domain/order.ts";
import type { PolicyLineFacts } from "../../../src/domain/policy/judge-merchant-policy.ts";
import type { ReturnPolicy } from "../../../src/domain/policy/return-policy.ts";
import { PLAIN } from "../statutory/facts.ts";

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
    merchantPolicyCovers: true,
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

export const product = (
  flags: Partial<
    Record<"finalSale" | "personalised" | "perishable" | "sealedHygiene" | "sealedMedia" | "digital", boolean>
  > = {},
  category: string | null = null,
) => ({ ...PLAIN, category, ...flags });

/** An EUR order shipped to Germany with one unit per line, each delivered at its time. */
export function order(deliveries: [string, string][], over: Partial<Order> = {}): Order {
  return {
    id: "o",
    merchantId: "m",
    externalId: "O-1",
    customerId: "c",
    customerTimeZone: "Europe/Berlin",
    customerLocale: "de-DE",
    placedAt: new Date("2026-02-27T10:00:00Z"),
    currency: "EUR",
    taxesIncluded: true,
    shippingAddress: { country: "DE", region: null, postalCode: null, city: null, line1: null },
    lines: deliveries.map(([id]) => ({
      id,
      externalId: id,
      sku: id,
      title: id,
      quantity: 1,
      unitPrice: eur(5000),
      tax: eur(0),
      discount: eur(0),
      product: product(),
    })),
    shipping: { amount: eur(0), tax: eur(0), method: null, cheapestStandardAmount: null },
    duties: null,
    tenders: [],
    fulfilments: deliveries.map(([id, at], i) => ({
      id: `f${i}`,
      externalId: `F${i}`,
      lines: [{ orderLineId: id, quantity: 1 }],
      shippedAt: new Date("2026-02-28T10:00:00Z"),
      deliveredAt: new Date(at),
      carrier: null,
      trackingNumber: null,
    })),
    returnTermsDisclosed: true,
    ...over,
  };
}
