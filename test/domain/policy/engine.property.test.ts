import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideLine } from "../../../src/domain/policy/line-decision.ts";
import { PRODUCT_FLAGS, type ReturnPolicy } from "../../../src/domain/policy/return-policy.ts";
import { RESOLUTIONS, RETURN_REASONS } from "../../../src/domain/return-reasons.ts";
import { judgeStatutory } from "../../../src/domain/statutory/evaluate-statutory.ts";
import { eur, facts, policy } from "./policy-fixtures.ts";

const PLACES: readonly [string, string | null, string][] = [
  ["DE", null, "EUR"],
  ["FR", null, "EUR"],
  ["GB", null, "GBP"],
  ["US", "CA", "USD"],
  ["US", "NY", "USD"],
  ["US", "TX", "USD"],
  ["JP", null, "JPY"],
  ["MX", null, "MXN"],
  ["CO", null, "COP"],
  ["BR", null, "BRL"],
  ["AU", null, "AUD"],
  ["CN", null, "CNY"],
  ["KR", null, "KRW"],
  ["CA", "QC", "CAD"],
  ["TR", null, "TRY"],
  ["RU", null, "RUB"],
  ["ZA", null, "ZAR"],
  ["IN", null, "INR"],
  ["CH", null, "CHF"],
];

const policyArb: fc.Arbitrary<ReturnPolicy> = fc
  .record({
    days: fc.integer({ min: 0, max: 90 }),
    from: fc.constantFrom("delivery", "shipment", "order" as const),
    flags: fc.subarray([...PRODUCT_FLAGS]),
    reasons: fc.subarray([...RETURN_REASONS]),
    restock: fc.option(fc.integer({ min: 0, max: 10_000 })),
    paidBy: fc.constantFrom("customer", "merchant" as const),
    resolutions: fc.subarray([...RESOLUTIONS], { minLength: 1 }),
  })
  .map((r) =>
    policy({
      window: { days: r.days, from: r.from },
      nonReturnable: { categories: ["any"], skus: ["SKU-1"], attributes: r.flags },
      reasons: Object.fromEntries(
        r.reasons.map((x) => [x, { allowed: false, resolutions: null, photosRequired: false }]),
      ),
      restockingFee: r.restock === null ? null : { basisPoints: r.restock },
      returnShipping: { paidBy: r.paidBy, flatFee: { EUR: eur(495) }, freeAbove: {} },
      resolutions: r.resolutions,
    }),
  );

const factsArb = fc
  .record({
    place: fc.constantFrom(...PLACES),
    deliveredDaysAfterOrder: fc.integer({ min: 0, max: 20 }),
    atDaysAfterDelivery: fc.integer({ min: -2, max: 400 }),
    hour: fc.integer({ min: 0, max: 23 }),
    reason: fc.constantFrom(...RETURN_REASONS),
    flags: fc.subarray([...PRODUCT_FLAGS]),
    disclosed: fc.boolean(),
    whole: fc.boolean(),
  })
  .map((r) => {
    const placed = new Date(Date.UTC(2026, 2, 1, r.hour));
    const delivered = new Date(placed.getTime() + r.deliveredDaysAfterOrder * 86_400_000 + 3_600_000);
    const at = new Date(delivered.getTime() + r.atDaysAfterDelivery * 86_400_000);
    const [country, region] = r.place;
    const product = {
      category: "any",
      vendor: null,
      hsCode: null,
      originCountry: null,
      weightGrams: null,
      finalSale: r.flags.includes("finalSale"),
      personalised: r.flags.includes("personalised"),
      perishable: r.flags.includes("perishable"),
      sealedHygiene: r.flags.includes("sealedHygiene"),
      sealedMedia: r.flags.includes("sealedMedia"),
      digital: r.flags.includes("digital"),
    };
    return facts({
      country,
      region,
      timeZone: null,
      placedAt: placed,
      lineDeliveredAt: delivered,
      orderFullyDeliveredAt: delivered,
      lineShippedAt: placed,
      returnTermsDisclosed: r.disclosed,
      reason: r.reason,
      wholeOrderReturned: r.whole,
      product,
      at,
    });
  });

describe("policy engine properties", () => {
  it("never lets a merchant policy cut a line below the statutory floor", () => {
    fc.assert(
      fc.property(policyArb, factsArb, (p, f) => {
        const statutory = judgeStatutory(f);
        const d = decideLine("L1", 1, p, f);
        for (const j of statutory) {
          if (!j.eligible) continue;
          expect(d.eligible).toBe(true);
          if (j.returnBy === null) expect(d.returnBy).toBeNull();
          else if (d.returnBy !== null) expect(d.returnBy >= j.returnBy).toBe(true);
          // The statutory track itself is never charged a restocking fee.
          const track = d.tracks.find((t) => t.track === j.track);
          expect(track?.fees).toEqual([]);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("is deterministic for a given moment", () => {
    fc.assert(
      fc.property(policyArb, factsArb, (p, f) => {
        expect(decideLine("L1", 2, p, f)).toEqual(decideLine("L1", 2, p, { ...f }));
      }),
      { numRuns: 300 },
    );
  });
});
