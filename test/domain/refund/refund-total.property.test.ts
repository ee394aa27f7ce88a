/**
 * The refund total re-derived without the calculation's lines: from the order's own fields, with an
 * independent equal split of a line's discount and tax over its units, and from the order total
 * (what the tenders covered) when everything has come back.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Order, orderTotal } from "../../../src/domain/order.ts";
import { calculateRefund } from "../../../src/domain/refund/calculate-refund.ts";
import type { RefundTerms, RefundUnits } from "../../../src/domain/refund/refund-calculation.ts";
import { orderArb } from "./refund-arbitraries.ts";
import { nextCalculation, TERMS } from "./refund-fixtures.ts";

/**
 * Units `from`..`from + count - 1` of `units` equal shares of `total`: each unit gets the quotient,
 * the first `total mod units` units one minor unit more (written here from the rule, not the code).
 */
function share(total: number, units: number, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) n += Math.floor(total / units) + (i < total % units ? 1 : 0);
  return n;
}

/** What `count` units bought after `from` others cost the shopper, straight from the order line. */
function paidFor(o: Order, lineId: string, from: number, count: number): number {
  const l = o.lines.find((x) => x.id === lineId);
  if (!l) throw new Error(`no line ${lineId}`);
  const tax = o.taxesIncluded ? 0 : share(l.tax.amount, l.quantity, from, count);
  return l.unitPrice.amount * count - share(l.discount.amount, l.quantity, from, count) + tax;
}

const stepsArb = fc.array(fc.array(fc.nat(4), { minLength: 1, maxLength: 4 }), {
  minLength: 1,
  maxLength: 4,
});

/** Returns units of `o` in steps (the last step takes what is left); checks each total as it goes. */
function returnAll(
  o: Order,
  steps: number[][],
  terms: RefundTerms,
  check: (total: number, expected: number) => void,
) {
  const refunded = new Map<string, number>();
  let shipping = 0;
  let duties = 0;
  let sum = 0;
  for (const [k, picks] of [...steps, [Number.MAX_SAFE_INTEGER]].entries()) {
    const units: RefundUnits[] = [];
    let items = 0;
    for (const [i, l] of o.lines.entries()) {
      const before = refunded.get(l.id) ?? 0;
      const n = Math.min(l.quantity - before, picks[i % picks.length] ?? 0);
      if (n <= 0) continue;
      units.push({
        caseLineId: `c${k}-${l.id}`,
        orderLineId: l.id,
        quantity: n,
        resolution: "refund",
        track: "statutory_withdrawal",
      });
      items += paidFor(o, l.id, before, n);
    }
    if (units.length === 0) continue;
    const r = calculateRefund(nextCalculation(o, k, units, terms, { refunded, shipping, duties }));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    for (const u of units) refunded.set(u.orderLineId, (refunded.get(u.orderLineId) ?? 0) + u.quantity);
    for (const l of r.value.lines) {
      if (l.type === "outbound_shipping") shipping += l.amount.amount;
      if (l.type === "duties") duties += l.amount.amount;
    }
    check(
      r.value.total.amount -
        r.value.lines
          .filter((l) => l.type === "outbound_shipping" || l.type === "duties")
          .reduce((n, l) => n + l.amount.amount, 0),
      items,
    );
    sum += r.value.total.amount;
  }
  return sum;
}

describe("refund totals re-derived independently", () => {
  it("each calculation's items come to what those units cost; everything back gives the order total", () => {
    fc.assert(
      fc.property(
        orderArb,
        stepsArb,
        fc.constantFrom("full", "proportional" as const),
        (o, steps, dutiesRefund) => {
          const terms = { ...TERMS, outboundShipping: "full" as const, dutiesRefund };
          const total = returnAll(o, steps, terms, (got, expected) => expect(got).toBe(expected));
          expect(total).toBe(orderTotal(o).amount);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("without shipping and duties refunds, everything back gives the order total minus them", () => {
    fc.assert(
      fc.property(orderArb, stepsArb, (o, steps) => {
        const total = returnAll(o, steps, TERMS, (got, expected) => expect(got).toBe(expected));
        const kept =
          o.shipping.amount.amount + (o.duties?.paidBy === "customer" ? o.duties.amount.amount : 0);
        expect(total).toBe(orderTotal(o).amount - kept);
      }),
      { numRuns: 200 },
    );
  });
});
