import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideRoute } from "../../../src/domain/logistics/route-choice.ts";
import type { RouteCandidate, RoutingInput } from "../../../src/domain/logistics/routing.ts";
import { DEFAULT_ROUTING } from "../../../src/domain/logistics/routing-settings.ts";
import { RETURN_REASONS } from "../../../src/domain/return-reasons.ts";

const COUNTRIES = ["DE", "AT", "FR", "GB", "US", "JP"] as const;
const eur = (amount: number) => ({ amount, currency: "EUR" });

const candidate: fc.Arbitrary<RouteCandidate> = fc.record({
  code: fc.stringMatching(/^[A-Z]{2}-[A-Z0-9]{1,4}$/),
  kind: fc.constantFrom("warehouse" as const, "hub" as const),
  country: fc.constantFrom(...COUNTRIES),
  accepts: fc.oneof(fc.constant(["*"]), fc.subarray([...COUNTRIES], { minLength: 0 })),
  handling: fc.integer({ min: 0, max: 2_000 }).map(eur),
  duties: fc.integer({ min: 0, max: 3_000 }).map(eur),
  lane: fc.record({
    transitDays: fc.integer({ min: 1, max: 20 }),
    clearanceDays: fc.integer({ min: 0, max: 5 }),
    labelCost: fc.integer({ min: 0, max: 8_000 }),
    labelCurrency: fc.constantFrom("EUR", "GBP"),
    source: fc.constant("reference:test"),
  }),
});

const input: fc.Arbitrary<RoutingInput> = fc
  .record({
    shopperCountry: fc.constantFrom(...COUNTRIES),
    currency: fc.constantFrom("EUR", "GBP"),
    lines: fc.array(
      fc.record({
        lineId: fc.uuid(),
        quantity: fc.integer({ min: 1, max: 4 }),
        value: fc.integer({ min: 0, max: 40_000 }).map(eur),
        reason: fc.constantFrom(...RETURN_REASONS),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    candidates: fc.uniqueArray(candidate, { selector: (c) => c.code, maxLength: 6 }),
    settings: fc
      .record({
        prefer: fc.constantFrom("cheapest" as const, "fastest" as const),
        keepIt: fc.boolean(),
        donate: fc.option(fc.record({ cost: fc.integer({ min: 0, max: 500 }).map(eur) }), { nil: null }),
        liquidate: fc.option(
          fc.record({
            percent: fc.integer({ min: 0, max: 60 }),
            cost: fc.integer({ min: 0, max: 1500 }).map(eur),
            countries: fc.subarray([...COUNTRIES], { minLength: 1 }),
          }),
          { nil: null },
        ),
      })
      .map((s) => ({ ...DEFAULT_ROUTING, ...s })),
    rates: fc.constantFrom<Record<string, string>>({ EUR: "1", GBP: "0.85" }, { EUR: "1" }),
    mustReturn: fc.boolean(),
  })
  .map((i) => ({ ...i, lines: i.lines.map((l) => ({ ...l, value: { ...l.value, currency: i.currency } })) }));

const accepts = (c: RouteCandidate, country: string) =>
  c.accepts.includes("*") || c.accepts.includes(country);

describe("routing (property)", () => {
  it("never sends goods to a location that does not accept the shopper's country", () => {
    fc.assert(
      fc.property(input, (i) => {
        const d = decideRoute(i);
        if (d.destination.type !== "location") return;
        const code = d.destination.code;
        const c = i.candidates.find((x) => x.code === code);
        expect(c && accepts(c, i.shopperCountry)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("chooses keep-it, donate or liquidate only when it leaves the merchant better off than every accepting location", () => {
    fc.assert(
      fc.property(input, (i) => {
        const d = decideRoute(i);
        const t = d.destination.type;
        if (t !== "keep_it" && t !== "donate" && t !== "liquidate") return;
        expect(i.mustReturn).toBe(false);
        const chosen = d.chosen;
        if (!chosen) throw new Error("a disposal is always chosen with its numbers");
        const places = d.options.filter((o) => o.destination.type === "location" && o.excluded === null);
        expect(places.length).toBeGreaterThan(0);
        for (const p of places) expect(chosen.net.amount).toBeGreaterThan(p.net.amount);
        if (t === "keep_it") for (const p of places) expect(p.net.amount).toBeLessThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it("each option's net is its recovery minus label, duties and handling, in the case currency", () => {
    fc.assert(
      fc.property(input, (i) => {
        for (const o of decideRoute(i).options) {
          if (o.excluded !== null) continue;
          expect(o.net.amount).toBe(o.recovery.amount - o.label.amount - o.duties.amount - o.handling.amount);
          expect([o.net.currency, o.label.currency, o.handling.currency]).toEqual([
            i.currency,
            i.currency,
            i.currency,
          ]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("with no accepting location, the goods wait for one (no silent disposal)", () => {
    fc.assert(
      fc.property(input, (i) => {
        const open = i.candidates.filter((c) => accepts(c, i.shopperCountry));
        if (open.length > 0) return;
        expect(decideRoute(i)).toMatchObject({
          destination: { type: "none" },
          rule: "no_accepting_location",
        });
      }),
      { numRuns: 200 },
    );
  });
});
