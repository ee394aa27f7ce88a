import type { PolicyLineFacts } from "../src/domain/policy/judge-merchant-policy.ts";
import { decideLine } from "../src/domain/policy/line-decision.ts";
import type { ReturnPolicy } from "../src/domain/policy/return-policy.ts";
import { RETURN_REASONS } from "../src/domain/return-reasons.ts";

const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 15), 5);
const PLACES: [string, string | null, string][] = [
  ["DE", null, "EUR"],
  ["FR", null, "EUR"],
  ["GB", null, "GBP"],
  ["US", "CA", "USD"],
  ["JP", null, "JPY"],
  ["MX", null, "MXN"],
  ["BR", null, "BRL"],
  ["AU", null, "AUD"],
  ["KR", null, "KRW"],
  ["CO", null, "COP"],
];

const policy: ReturnPolicy = {
  id: "bench",
  version: 1,
  name: "Bench",
  active: true,
  scope: { countries: ["*"], vendors: [], categories: [], skus: [] },
  window: { days: 30, from: "delivery" },
  holidayWindows: [{ purchasedFrom: "2026-11-15", purchasedTo: "2026-12-24", returnBy: "2027-01-31" }],
  nonReturnable: { categories: ["gift-cards"], skus: [], attributes: ["finalSale", "personalised"] },
  reasons: {},
  returnShipping: { paidBy: "customer", flatFee: { EUR: { amount: 495, currency: "EUR" } }, freeAbove: {} },
  restockingFee: { basisPoints: 1000 },
  resolutions: ["refund", "store_credit", "exchange"],
  storeCreditBonusBasisPoints: 1000,
  keepItBelow: { EUR: { amount: 1000, currency: "EUR" } },
  shipByDays: 14,
  refundTrigger: "inspection",
  dutiesRefund: "proportional",
  refundOutboundShipping: false,
  feeRate: "original",
  requireReview: false,
  cancellation: null,
};

/** Pure line decisions (all three tracks, best one chosen) per second on one core, over varied facts. */
export function benchLineDecisions(): string {
  const facts: PolicyLineFacts[] = [];
  for (let i = 0; i < 1000; i++) {
    const [country, region, currency] = PLACES[i % PLACES.length] as [string, string | null, string];
    const delivered = new Date(Date.UTC(2026, 0, 1 + (i % 300), i % 24));
    facts.push({
      country,
      region,
      timeZone: null,
      placedAt: new Date(delivered.getTime() - 3 * 86_400_000),
      lineDeliveredAt: delivered,
      orderFullyDeliveredAt: delivered,
      returnTermsDisclosed: i % 7 !== 0,
      merchantPolicyCovers: true,
      product: null,
      reason: RETURN_REASONS[i % RETURN_REASONS.length] ?? "changed_mind",
      wholeOrderReturned: i % 3 === 0,
      at: new Date(delivered.getTime() + (i % 40) * 86_400_000),
      sku: `SKU-${i % 50}`,
      currency,
      lineShippedAt: delivered,
      unitPaid: { amount: 4990, currency },
      orderTotal: { amount: 9980, currency },
    });
  }
  for (const f of facts) decideLine("L", 1, policy, f); // warm the caches (packs, holidays, zones)
  let n = 0;
  const start = performance.now();
  const end = start + SECONDS * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < facts.length; i++) decideLine("L", 1, policy, facts[i] as PolicyLineFacts);
    n += facts.length;
  }
  const rate = n / ((performance.now() - start) / 1000);
  return `line decisions (pure, one core, 10 jurisdictions, 3 tracks each): ${Math.round(rate).toLocaleString("en")}/s over ${n.toLocaleString("en")} decisions`;
}
