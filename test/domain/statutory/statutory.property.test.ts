/** Properties of judgeStatutory over random facts, in every jurisdiction. */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isLocalDate } from "../../../src/domain/calendar/local-date.ts";
import { resolveTimeZone } from "../../../src/domain/calendar/main-time-zones.ts";
import { endOfLocalDay, localDateOf } from "../../../src/domain/calendar/time-zone.ts";
import { RETURN_REASONS } from "../../../src/domain/return-reasons.ts";
import { judgeStatutory, statutoryPackFor } from "../../../src/domain/statutory/evaluate-statutory.ts";
import { REGISTRY } from "../../../src/domain/statutory/pack-loader.ts";
import type { StatutoryLineFacts } from "../../../src/domain/statutory/statutory-facts.ts";

const DAY = 86_400_000;
const places: [string, string | null][] = [
  ...[...REGISTRY.byCode.keys()].map((code): [string, string | null] => {
    const [country, region] = code.split("-");
    return [country as string, region ?? null];
  }),
  ["DE", "BY"],
  ["GB", "SCT"],
  ["US", "TX"],
  ["TH", null],
];
const zones = [
  null,
  "UTC",
  "America/Los_Angeles",
  "Asia/Tokyo",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "Bogus/Zone",
];

const factsArb: fc.Arbitrary<StatutoryLineFacts> = fc
  .record({
    place: fc.constantFrom(...places),
    timeZone: fc.constantFrom(...zones),
    placedMs: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 11, 31) }),
    lineAfter: fc.option(fc.integer({ min: 0, max: 60 * DAY }), { nil: null }),
    orderAfter: fc.option(fc.integer({ min: 0, max: 15 * DAY }), { nil: null }),
    atAfter: fc.integer({ min: 0, max: 900 * DAY }),
    returnTermsDisclosed: fc.boolean(),
    merchantPolicyCovers: fc.boolean(),
    flags: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    reason: fc.constantFrom(...RETURN_REASONS),
    wholeOrderReturned: fc.boolean(),
    infoAfter: fc.option(fc.integer({ min: 0, max: 400 * DAY }), { nil: null }),
  })
  .map((r) => {
    const line = r.lineAfter === null ? null : r.placedMs + r.lineAfter;
    const order = line === null || r.orderAfter === null ? null : line + r.orderAfter;
    const [finalSale, personalised, perishable, sealedHygiene, sealedMedia, digital] = r.flags as boolean[];
    return {
      country: r.place[0],
      region: r.place[1],
      timeZone: r.timeZone,
      placedAt: new Date(r.placedMs),
      lineDeliveredAt: line === null ? null : new Date(line),
      orderFullyDeliveredAt: order === null ? null : new Date(order),
      returnTermsDisclosed: r.returnTermsDisclosed,
      merchantPolicyCovers: r.merchantPolicyCovers,
      product: {
        category: null,
        vendor: null,
        hsCode: null,
        originCountry: null,
        weightGrams: null,
        finalSale: !!finalSale,
        personalised: !!personalised,
        perishable: !!perishable,
        sealedHygiene: !!sealedHygiene,
        sealedMedia: !!sealedMedia,
        digital: !!digital,
      },
      reason: r.reason,
      wholeOrderReturned: r.wholeOrderReturned,
      at: new Date(r.placedMs + r.atAfter),
      withdrawalInfoGivenAt: r.infoAfter === null ? null : new Date(r.placedMs + r.infoAfter),
    };
  });

describe("judgeStatutory properties", () => {
  test("deterministic, two tracks, blockedBy iff not eligible, dates well-formed", () => {
    fc.assert(
      fc.property(factsArb, (f) => {
        const first = judgeStatutory(f);
        const again = judgeStatutory(structuredClone(f));
        expect(again).toEqual(first);
        expect(first.map((j) => j.track)).toEqual(["statutory_withdrawal", "legal_guarantee"]);
        for (const j of first) {
          expect(j.eligible).toBe(j.blockedBy.length === 0);
          if (j.returnBy !== null) expect(isLocalDate(j.returnBy)).toBe(true);
          expect(j.jurisdiction).toBe(statutoryPackFor(f.country, f.region).id);
        }
      }),
      { numRuns: 1500 },
    );
  });

  test("returnBy is never before the local delivery date (purchase date for purchase-based windows)", () => {
    fc.assert(
      fc.property(factsArb, (f) => {
        const zone = resolveTimeZone(f.timeZone, f.country, f.region);
        const delivered =
          f.lineDeliveredAt && f.lineDeliveredAt <= f.at ? localDateOf(f.lineDeliveredAt, zone) : null;
        const purchased = localDateOf(f.placedAt, zone);
        const start = statutoryPackFor(f.country, f.region).withdrawal.period?.start;
        for (const j of judgeStatutory(f)) {
          if (j.returnBy === null) continue;
          const fromPurchase = j.track === "statutory_withdrawal" && start === "purchase";
          // A purchase-based window (US-CA/NY, CA provinces) can lapse before a very late delivery.
          const floor = fromPurchase ? purchased : delivered;
          if (floor !== null) expect(j.returnBy >= floor, `${j.jurisdiction} ${j.track}`).toBe(true);
          if (j.periodStartsOn !== null) expect(j.returnBy >= j.periodStartsOn).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });

  test("a dated window holds until 23:59:59.999 local on returnBy and ends one millisecond later", () => {
    fc.assert(
      fc.property(factsArb, (generated) => {
        const f = { ...generated, withdrawalInfoGivenAt: null };
        const [w, g] = judgeStatutory(f);
        const zone = resolveTimeZone(f.timeZone, f.country, f.region);
        for (const j of [w, g]) {
          if (!j || j.returnBy === null || j.periodStartsOn === null) continue;
          const end = endOfLocalDay(j.returnBy, zone).getTime();
          const ended = (at: number) => {
            const again = judgeStatutory({ ...f, at: new Date(at) }).find((x) => x.track === j.track);
            return again?.blockedBy.some((b) => b.message.includes("ended on")) ?? false;
          };
          expect(ended(end), `${j.jurisdiction} ${j.track} at end`).toBe(false);
          if (j.track === "statutory_withdrawal")
            expect(ended(end + 1), `${j.jurisdiction} after end`).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
