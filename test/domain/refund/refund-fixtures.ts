import type { Order, OrderLine } from "../../../src/domain/order.ts";
import type { RefundInput } from "../../../src/domain/refund/calculate-refund.ts";
import type {
  PriorRefunds,
  RefundTerms,
  RefundUnits,
} from "../../../src/domain/refund/refund-calculation.ts";

export const money = (amount: number, currency = "EUR") => ({ amount, currency });

export function line(
  id: string,
  quantity: number,
  unitPrice: number,
  tax: number,
  discount: number,
  currency = "EUR",
): OrderLine {
  return {
    id,
    externalId: id,
    sku: id,
    title: `Item ${id}`,
    quantity,
    unitPrice: money(unitPrice, currency),
    tax: money(tax, currency),
    discount: money(discount, currency),
    product: null,
  };
}

export function order(lines: OrderLine[], over: Partial<Order> = {}): Order {
  const currency = over.currency ?? lines[0]?.unitPrice.currency ?? "EUR";
  return {
    id: "o1",
    merchantId: "m",
    externalId: "O-1",
    customerId: "c",
    customerTimeZone: null,
    customerLocale: null,
    placedAt: new Date("2026-03-01T00:00:00Z"),
    currency,
    taxesIncluded: true,
    shippingAddress: { country: "DE", region: null, postalCode: null, city: null, line1: null },
    lines,
    shipping: {
      amount: money(0, currency),
      tax: money(0, currency),
      method: null,
      cheapestStandardAmount: null,
    },
    duties: null,
    tenders: [],
    fulfilments: [],
    returnTermsDisclosed: true,
    ...over,
  };
}

export const TERMS: RefundTerms = {
  policyRef: "merchant.p.v1",
  restocking: null,
  returnShippingFee: null,
  storeCreditBonusBasisPoints: 0,
  outboundShipping: "none",
  outboundRuleId: "none",
  dutiesRefund: "none",
};

export const NOTHING_BEFORE = (currency = "EUR"): PriorRefunds => ({
  unitsByOrderLine: new Map(),
  shippingRefunded: money(0, currency),
  dutiesRefunded: money(0, currency),
  returnFeeCharged: false,
});

/** The k-th calculation of a sequence over one order, after what earlier ones refunded. */
export function nextCalculation(
  o: Order,
  k: number,
  units: RefundUnits[],
  terms: RefundTerms,
  before: { refunded: ReadonlyMap<string, number>; shipping: number; duties: number },
): RefundInput {
  return {
    id: `r${k}`,
    caseId: `c${k}`,
    version: 1,
    order: o,
    units,
    terms,
    prior: {
      unitsByOrderLine: new Map(before.refunded),
      shippingRefunded: money(before.shipping, o.currency),
      dutiesRefunded: money(before.duties, o.currency),
      returnFeeCharged: false,
    },
    at: new Date(0),
  };
}
