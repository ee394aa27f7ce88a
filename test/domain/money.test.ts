import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allCurrencyCodes, currencyOf } from "../../src/domain/currency.ts";
import { allocate, formatMoney, parseMoney, times, unitsShare } from "../../src/domain/money.ts";
import type { Tender } from "../../src/domain/order.ts";
import { allocateToTenders } from "../../src/domain/tender-allocation.ts";

describe("money", () => {
  it("multiplies through the checked constructor: a product beyond the safe integers throws, never rounds", () => {
    expect(times({ amount: 4_490, currency: "EUR" }, 3)).toEqual({ amount: 13_470, currency: "EUR" });
    expect(() => times({ amount: 2 ** 52, currency: "EUR" }, 3)).toThrow(/safe integer/);
  });

  it("parses decimal strings at each currency's real exponent", () => {
    expect(parseMoney("1990", "JPY")).toEqual({ ok: true, value: { amount: 1990, currency: "JPY" } });
    expect(parseMoney("19.90", "EUR")).toEqual({ ok: true, value: { amount: 1990, currency: "EUR" } });
    expect(parseMoney("19.9", "EUR")).toEqual({ ok: true, value: { amount: 1990, currency: "EUR" } });
    expect(parseMoney("1.250", "KWD")).toEqual({ ok: true, value: { amount: 1250, currency: "KWD" } });
    expect(parseMoney("89000", "KRW")).toEqual({ ok: true, value: { amount: 89000, currency: "KRW" } });
    expect(parseMoney("1990.5", "JPY").ok).toBe(false);
    expect(parseMoney("1.2345", "BHD").ok).toBe(false);
    expect(parseMoney("-1.00", "EUR").ok).toBe(false);
    expect(parseMoney("1e3", "EUR").ok).toBe(false);
    expect(parseMoney("10", "XXY").ok).toBe(false);
    expect(currencyOf("MGA")?.exponent).toBe(2);
  });

  it("formats and parses back every amount in every currency", () => {
    const codes = allCurrencyCodes();
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        (currency, amount) => {
          const text = formatMoney({ amount, currency });
          expect(parseMoney(text, currency)).toEqual({ ok: true, value: { amount, currency } });
        },
      ),
    );
  });

  it("allocates with largest remainder: parts sum exactly and follow the ratios within one unit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }),
        (amount, ratios) => {
          const parts = allocate({ amount, currency: "EUR" }, ratios);
          const total = ratios.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, p) => a + p.amount, 0)).toBe(total === 0 ? 0 : amount);
          if (total > 0)
            for (const [i, p] of parts.entries())
              expect(Math.abs(p.amount - (amount * (ratios[i] ?? 0)) / total)).toBeLessThan(1);
        },
      ),
    );
  });

  it("splits 9.98 by 15% / 85% as 1.50 / 8.48 and keeps the sign of negative amounts", () => {
    expect(allocate({ amount: 998, currency: "EUR" }, [1500, 8500]).map((p) => p.amount)).toEqual([150, 848]);
    expect(allocate({ amount: -100, currency: "EUR" }, [1, 1, 1]).map((p) => p.amount)).toEqual([
      -34, -33, -33,
    ]);
    expect(allocate({ amount: 100, currency: "JPY" }, [0, 0]).map((p) => p.amount)).toEqual([0, 0]);
  });

  it("takes unit shares exactly as a per-unit allocation would", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.integer({ min: 1, max: 30 }),
        fc.nat(30),
        fc.nat(30),
        (amount, units, a, b) => {
          const from = a % units;
          const count = b % (units - from + 1);
          const perUnit = allocate(
            { amount, currency: "EUR" },
            Array.from({ length: units }, () => 1),
          );
          const expected = perUnit.slice(from, from + count).reduce((n, p) => n + p.amount, 0);
          expect(unitsShare({ amount, currency: "EUR" }, units, from, count).amount).toBe(expected);
        },
      ),
    );
  });

  it("gives disjoint unit ranges shares that add up to the line total", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer({ min: 1, max: 5 })),
        (total, units, cuts) => {
          let from = 0;
          let sum = 0;
          for (const c of cuts) {
            const n = Math.min(c, units - from);
            if (n <= 0) break;
            sum += unitsShare({ amount: total, currency: "JPY" }, units, from, n).amount;
            from += n;
          }
          sum += unitsShare({ amount: total, currency: "JPY" }, units, from, units - from).amount;
          expect(sum).toBe(total);
        },
      ),
    );
  });
});

describe("tender allocation", () => {
  const tender = (id: string, kind: Tender["kind"], amount: number): Tender => ({
    id,
    kind,
    provider: null,
    reference: null,
    amount: { amount, currency: "EUR" },
    capturedAt: null,
  });

  it("refunds cards before gift cards and never more than captured minus refunded", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        (amount, card, gift, refunded) => {
          const tenders = [tender("g", "gift_card", gift), tender("c", "card", card)];
          const done = new Map([["c", Math.min(refunded, card)]]);
          const { shares, unallocated } = allocateToTenders({ amount, currency: "EUR" }, tenders, done);
          const byId = new Map(shares.map((s) => [s.tender.id, s.amount.amount]));
          expect(shares.reduce((a, s) => a + s.amount.amount, 0) + unallocated.amount).toBe(amount);
          expect(byId.get("c") ?? 0).toBeLessThanOrEqual(card - (done.get("c") ?? 0));
          expect(byId.get("g") ?? 0).toBeLessThanOrEqual(gift);
          if ((byId.get("g") ?? 0) > 0) expect(byId.get("c") ?? 0).toBe(card - (done.get("c") ?? 0));
          for (const s of shares) expect(s.amount.amount).toBeGreaterThan(0);
        },
      ),
    );
  });
});
