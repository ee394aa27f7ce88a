import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { linePaid } from "../../../src/domain/order.ts";
import { calculateRefund } from "../../../src/domain/refund/calculate-refund.ts";
import type { RefundUnits } from "../../../src/domain/refund/refund-calculation.ts";
import { planSettlements } from "../../../src/domain/refund/settlement-plan.ts";
import { orderArb } from "./refund-arbitraries.ts";
import { nextCalculation, TERMS } from "./refund-fixtures.ts";

describe("refund calculation properties", () => {
  it("over several cases: never more than paid per line and per tender, lines and settlements sum exactly, shipping once", () => {
    fc.assert(
      fc.property(
        orderArb,
        fc.array(
          fc.record({
            picks: fc.array(fc.nat(5), { minLength: 1, maxLength: 4 }),
            resolution: fc.constantFrom("refund", "store_credit", "keep_it" as const),
            duties: fc.constantFrom("none", "full", "proportional" as const),
            outbound: fc.constantFrom("none", "cheapest_standard", "full" as const),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        (o, cases) => {
          const refunded = new Map<string, number>();
          const byTender = new Map<string, number>();
          const paidBack = new Map<string, number>();
          let shipping = 0;
          let duties = 0;
          for (const [k, step] of cases.entries()) {
            const units: RefundUnits[] = [];
            for (const [i, l] of o.lines.entries()) {
              const left = l.quantity - (refunded.get(l.id) ?? 0);
              const n = Math.min(left, step.picks[i % step.picks.length] ?? 0);
              if (n > 0)
                units.push({
                  caseLineId: `c${k}-${l.id}`,
                  orderLineId: l.id,
                  quantity: n,
                  resolution: step.resolution,
                  track: "statutory_withdrawal",
                });
            }
            if (units.length === 0) continue;
            const r = calculateRefund(
              nextCalculation(
                o,
                k,
                units,
                { ...TERMS, dutiesRefund: step.duties, outboundShipping: step.outbound },
                { refunded, shipping, duties },
              ),
            );
            if (!r.ok) throw new Error(JSON.stringify(r.error));
            const c = r.value;
            expect(c.lines.reduce((n, l) => n + l.amount.amount, 0)).toBe(c.total.amount);
            for (const l of c.lines) expect(Number.isSafeInteger(l.amount.amount)).toBe(true);
            const plan = planSettlements(c, o, byTender);
            expect(plan.reduce((n, s) => n + s.amount.amount, 0)).toBe(c.total.amount);
            for (const s of plan) {
              expect(s.amount.amount).toBeGreaterThan(0);
              if (s.tenderId) byTender.set(s.tenderId, (byTender.get(s.tenderId) ?? 0) + s.amount.amount);
            }
            for (const u of units)
              refunded.set(u.orderLineId, (refunded.get(u.orderLineId) ?? 0) + u.quantity);
            for (const l of c.lines) {
              if (l.type === "outbound_shipping") shipping += l.amount.amount;
              if (l.type === "duties") duties += l.amount.amount;
              if (l.orderLineExternalId && ["item_net", "item_tax", "discount_reversal"].includes(l.type)) {
                paidBack.set(
                  l.orderLineExternalId,
                  (paidBack.get(l.orderLineExternalId) ?? 0) + l.amount.amount,
                );
              }
            }
          }
          for (const l of o.lines)
            expect(paidBack.get(l.externalId) ?? 0).toBeLessThanOrEqual(linePaid(o, l).amount);
          for (const t of o.tenders) expect(byTender.get(t.id) ?? 0).toBeLessThanOrEqual(t.amount.amount);
          expect(shipping).toBeLessThanOrEqual(o.shipping.amount.amount);
          expect(duties).toBeLessThanOrEqual(o.duties?.amount.amount ?? 0);
          // Everything returned: each line got back exactly what it paid.
          if (o.lines.every((l) => refunded.get(l.id) === l.quantity))
            for (const l of o.lines) expect(paidBack.get(l.externalId)).toBe(linePaid(o, l).amount);
        },
      ),
      { numRuns: 500 },
    );
  });
});
