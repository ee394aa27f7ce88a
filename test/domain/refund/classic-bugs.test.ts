import { describe, expect, it } from "vitest";
import { calculateRefund, type RefundInput } from "../../../src/domain/refund/calculate-refund.ts";
import type { RefundCalculation, RefundUnits } from "../../../src/domain/refund/refund-calculation.ts";
import { line, money, NOTHING_BEFORE, order, TERMS } from "./refund-fixtures.ts";

const units = (
  orderLineId: string,
  quantity: number,
  resolution: RefundUnits["resolution"] = "refund",
  track: RefundUnits["track"] = "statutory_withdrawal",
): RefundUnits => ({ caseLineId: `c-${orderLineId}`, orderLineId, quantity, resolution, track });

function calc(over: Partial<RefundInput> & Pick<RefundInput, "order" | "units">): RefundCalculation {
  const r = calculateRefund({
    id: "r1",
    caseId: "case",
    version: 1,
    terms: TERMS,
    prior: NOTHING_BEFORE(over.order.currency),
    at: new Date(),
    ...over,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
const byType = (c: RefundCalculation) => Object.fromEntries(c.lines.map((l) => [l.type, l.amount.amount]));

describe("refund calculation: the classic bugs", () => {
  it("tax-inclusive price with a discount: refund what was paid, split into net, discount share and tax", () => {
    // 3 × 19.99 incl. 19% VAT, 5.00 off the line → paid 54.97, of which tax 8.78.
    const o = order([line("A", 3, 1999, 878, 500)]);
    const c = calc({ order: o, units: [units("A", 2)] });
    // Two of three units: discount share 3.34 (largest remainder: 1.67, 1.67, 1.66), tax share 5.86 (2.93 each, …).
    expect(byType(c)).toEqual({ item_net: 2 * 1999 - 586, discount_reversal: -334, item_tax: 586 });
    expect(c.total.amount).toBe(2 * 1999 - 334);
    const rest = calc({
      order: o,
      units: [units("A", 1)],
      prior: { ...NOTHING_BEFORE(), unitsByOrderLine: new Map([["A", 2]]) },
    });
    expect(c.total.amount + rest.total.amount).toBe(3 * 1999 - 500); // never more than was paid
  });

  it("tax-exclusive discount: the tax is on the discounted price and comes back with it", () => {
    // US: 2 × 50.00, 10.00 off, 8.25 % tax on 90.00 = 7.43 → paid 97.43.
    const o = order([line("A", 2, 5000, 743, 1000, "USD")], { taxesIncluded: false, currency: "USD" });
    const c = calc({ order: o, units: [units("A", 1)] });
    expect(byType(c)).toEqual({ item_net: 5000, discount_reversal: -500, item_tax: 372 });
    const second = calc({
      order: o,
      units: [units("A", 1)],
      prior: { ...NOTHING_BEFORE("USD"), unitsByOrderLine: new Map([["A", 1]]) },
    });
    expect(c.total.amount + second.total.amount).toBe(9743);
  });

  it("refunds outbound shipping on a whole withdrawal only, and at most once", () => {
    const o = order([line("A", 1, 4990, 797, 0), line("B", 1, 2990, 477, 0)], {
      shipping: {
        amount: money(990),
        tax: money(158),
        method: "express",
        cheapestStandardAmount: money(490),
      },
    });
    const terms = {
      ...TERMS,
      outboundShipping: "cheapest_standard" as const,
      outboundRuleId: "eu.crd.refund.outbound",
    };
    const partial = calc({ order: o, units: [units("A", 1)], terms });
    expect(byType(partial).outbound_shipping).toBeUndefined();
    const rest = calc({
      order: o,
      units: [units("B", 1)],
      terms,
      prior: { ...NOTHING_BEFORE(), unitsByOrderLine: new Map([["A", 1]]) },
    });
    expect(byType(rest).outbound_shipping).toBe(490); // the cheapest standard option, not the express paid
    const again = calc({
      order: o,
      units: [units("B", 1)],
      terms,
      prior: { ...NOTHING_BEFORE(), unitsByOrderLine: new Map([["A", 1]]), shippingRefunded: money(490) },
    });
    expect(byType(again).outbound_shipping).toBeUndefined();
  });

  it("exchange difference both ways: refund when cheaper, a payment request when dearer", () => {
    const o = order([line("A", 1, 5000, 798, 0)]);
    const cheaper = calc({ order: o, units: [units("A", 1, "exchange")], replacementTotal: money(3500) });
    expect(cheaper.byDestination.exchange.amount).toBe(1500);
    const dearer = calc({ order: o, units: [units("A", 1, "exchange")], replacementTotal: money(6500) });
    expect(dearer.byDestination.exchange.amount).toBe(-1500);
    expect(dearer.lines.find((l) => l.type === "exchange_difference")?.amount.amount).toBe(-6500);
  });

  it("JPY has no minor unit and KWD three: shares stay whole units of each", () => {
    const jpy = order([line("A", 3, 1990, 543, 100, "JPY")], { currency: "JPY" });
    const j = calc({ order: jpy, units: [units("A", 1)] });
    expect(j.total).toEqual({ amount: 1990 - 34, currency: "JPY" }); // 100 yen discount over 3 units: 34, 33, 33
    const kwd = order([line("A", 3, 12_345, 0, 1_000, "KWD")], { currency: "KWD" });
    const k = calc({ order: kwd, units: [units("A", 2)] });
    expect(k.total).toEqual({ amount: 2 * 12_345 - 667, currency: "KWD" }); // 1.000 KWD off: 0.334 + 0.333
  });

  it("refunds DDP duties in full once, or in proportion to the lines returned", () => {
    const o = order([line("A", 2, 10_000, 0, 0, "GBP"), line("B", 1, 5_000, 0, 0, "GBP")], {
      currency: "GBP",
      duties: { amount: money(2_501, "GBP"), paidBy: "customer", incoterm: "DDP" },
    });
    const full = calc({ order: o, units: [units("A", 1)], terms: { ...TERMS, dutiesRefund: "full" } });
    expect(byType(full).duties).toBe(2_501);
    const proportional = calc({
      order: o,
      units: [units("A", 1)],
      terms: { ...TERMS, dutiesRefund: "proportional" },
    });
    // A paid 200.00 of 250.00 → 20.01 of the duties; one of its two units → 10.01.
    expect(byType(proportional).duties).toBe(1_001);
    const none = calc({ order: o, units: [units("A", 1)], terms: { ...TERMS, dutiesRefund: "none" } });
    expect(byType(none).duties).toBeUndefined();
    const merchantPaid = calc({
      order: { ...o, duties: { amount: money(2_501, "GBP"), paidBy: "merchant", incoterm: "DDP" } },
      units: [units("A", 1)],
      terms: { ...TERMS, dutiesRefund: "full" },
    });
    expect(byType(merchantPaid).duties).toBeUndefined();
  });

  it("never charges a restocking fee on a statutory withdrawal or a guarantee claim", () => {
    const o = order([line("A", 1, 10_000, 0, 0)]);
    const terms = { ...TERMS, restocking: { basisPoints: 1_500 } };
    expect(
      byType(calc({ order: o, units: [units("A", 1, "refund", "statutory_withdrawal")], terms }))
        .restocking_fee,
    ).toBeUndefined();
    expect(
      byType(calc({ order: o, units: [units("A", 1, "refund", "legal_guarantee")], terms })).restocking_fee,
    ).toBeUndefined();
    expect(
      byType(calc({ order: o, units: [units("A", 1, "refund", "merchant_policy")], terms })).restocking_fee,
    ).toBe(-1_500);
  });

  it("adds the store-credit bonus to store credit only, and caps fees at the refund", () => {
    const o = order([line("A", 1, 1_000, 0, 0)]);
    const c = calc({
      order: o,
      units: [units("A", 1, "store_credit")],
      terms: { ...TERMS, storeCreditBonusBasisPoints: 1_000 },
    });
    expect([c.byDestination.store_credit.amount, c.byDestination.original_payment.amount]).toEqual([
      1_100, 0,
    ]);
    const tiny = calc({
      order: o,
      units: [units("A", 1)],
      terms: { ...TERMS, returnShippingFee: money(1_500) },
    });
    expect(tiny.total.amount).toBe(0);
    expect(tiny.lines.map((l) => l.type)).toEqual(["item_net", "return_shipping_fee", "rounding"]);
  });
});
