import type { Order } from "../src/domain/order.ts";
import { calculateRefund } from "../src/domain/refund/calculate-refund.ts";
import type { RefundTerms, RefundUnits } from "../src/domain/refund/refund-calculation.ts";
import { planSettlements } from "../src/domain/refund/settlement-plan.ts";

const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 15), 5);
const eur = (amount: number) => ({ amount, currency: "EUR" });

const order: Order = {
  id: "o",
  merchantId: "m",
  externalId: "O",
  customerId: "c",
  customerTimeZone: null,
  customerLocale: null,
  placedAt: new Date("2026-03-01T00:00:00Z"),
  currency: "EUR",
  taxesIncluded: true,
  shippingAddress: { country: "DE", region: null, postalCode: null, city: null, line1: null },
  lines: [1, 2, 3].map((i) => ({
    id: `l${i}`,
    externalId: `L${i}`,
    sku: `S${i}`,
    title: `Item ${i}`,
    quantity: 3,
    unitPrice: eur(1999 * i),
    tax: eur(957 * i),
    discount: eur(300 * i),
    product: null,
  })),
  shipping: { amount: eur(990), tax: eur(158), method: "std", cheapestStandardAmount: eur(490) },
  duties: { amount: eur(1234), paidBy: "customer", incoterm: "DDP" },
  tenders: [
    { id: "t1", kind: "card", provider: "stripe", reference: "pi", amount: eur(30_000), capturedAt: null },
    { id: "t2", kind: "gift_card", provider: null, reference: "gc", amount: eur(5_000), capturedAt: null },
  ],
  fulfilments: [],
  returnTermsDisclosed: true,
};
const terms: RefundTerms = {
  policyRef: "merchant.p.v1",
  restocking: { basisPoints: 1000 },
  returnShippingFee: eur(495),
  storeCreditBonusBasisPoints: 1000,
  outboundShipping: "cheapest_standard",
  outboundRuleId: "eu",
  dutiesRefund: "proportional",
};
const units: RefundUnits[] = [
  { caseLineId: "c1", orderLineId: "l1", quantity: 2, resolution: "refund", track: "statutory_withdrawal" },
  { caseLineId: "c2", orderLineId: "l2", quantity: 1, resolution: "store_credit", track: "merchant_policy" },
  { caseLineId: "c3", orderLineId: "l3", quantity: 3, resolution: "refund", track: "merchant_policy" },
];
const prior = {
  unitsByOrderLine: new Map<string, number>(),
  shippingRefunded: eur(0),
  dutiesRefunded: eur(0),
  returnFeeCharged: false,
};

/** Refund calculations (3 lines, fees, duties, bonus) plus their settlement plan, per second on one core. */
export function benchRefundCalculations(): string {
  const at = new Date();
  let n = 0;
  const start = performance.now();
  const end = start + SECONDS * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 1000; i++) {
      const r = calculateRefund({ id: "r", caseId: "c", version: 1, order, units, terms, prior, at });
      if (!r.ok) throw new Error("calculation failed");
      planSettlements(r.value, order, new Map());
    }
    n += 1000;
  }
  const rate = n / ((performance.now() - start) / 1000);
  return `refund calculations + settlement plans (pure, one core, 3 lines with fees, duties, bonus): ${Math.round(rate).toLocaleString("en")}/s`;
}
