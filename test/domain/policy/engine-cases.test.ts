import { describe, expect, it } from "vitest";
import { evaluateReturn } from "../../../src/domain/policy/evaluate-return.ts";
import { decideLine } from "../../../src/domain/policy/line-decision.ts";
import { eur, facts, order, policy, product } from "./policy-fixtures.ts";

const track = (d: ReturnType<typeof decideLine>, t: string) => d.tracks.find((x) => x.track === t);

describe("the engine on whole orders", () => {
  it("starts the EU withdrawal clock at the last item of a split delivery", () => {
    const o = order([
      ["A", "2026-03-02T10:00:00Z"],
      ["B", "2026-03-09T10:00:00Z"],
    ]);
    const r = evaluateReturn(
      o,
      [],
      [{ orderLineExternalId: "A", quantity: 1, reason: "changed_mind" }],
      new Map(),
      new Date("2026-03-20T10:00:00Z"),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    // Last item on Mon 9 March → 14 days → Mon 23 March (not 16 March for line A alone).
    expect(r.value.lines[0]?.returnBy).toBe("2026-03-23");
    expect(r.value.lines[0]?.track).toBe("statutory_withdrawal");
  });

  it("extends the EU withdrawal by 12 months when the shopper was not informed", () => {
    const o = order([["A", "2026-03-02T10:00:00Z"]], { returnTermsDisclosed: false });
    const r = evaluateReturn(
      o,
      [policy({ window: { days: 30, from: "delivery" } })],
      [{ orderLineExternalId: "A", quantity: 1, reason: "changed_mind" }],
      new Map(),
      new Date("2026-11-20T10:00:00Z"),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect([r.value.lines[0]?.track, r.value.lines[0]?.returnBy]).toEqual([
      "statutory_withdrawal",
      "2027-03-16",
    ]);
  });

  it("refuses quantities above what was delivered and not held by other returns", () => {
    const o = order([["A", "2026-03-02T10:00:00Z"]]);
    const r = evaluateReturn(
      o,
      [],
      [{ orderLineExternalId: "A", quantity: 1, reason: "defective" }],
      new Map([["A", 1]]),
      new Date("2026-03-05T10:00:00Z"),
    );
    expect(r.ok ? null : r.error).toMatchObject({ code: "quantity_exceeded", limit: 0 });
  });
});

describe("the merchant track", () => {
  it("extends the window for holiday purchases", () => {
    const p = policy({
      holidayWindows: [{ purchasedFrom: "2026-11-15", purchasedTo: "2026-12-24", returnBy: "2027-01-31" }],
    });
    const d = decideLine(
      "L",
      1,
      p,
      facts({
        placedAt: new Date("2026-12-01T10:00:00Z"),
        lineDeliveredAt: new Date("2026-12-03T10:00:00Z"),
        orderFullyDeliveredAt: new Date("2026-12-03T10:00:00Z"),
        at: new Date("2027-01-20T10:00:00Z"),
      }),
    );
    expect([d.track, track(d, "merchant_policy")?.returnBy]).toEqual(["merchant_policy", "2027-01-31"]);
  });

  it("counts days in the shopper's time zone at the day boundary", () => {
    const delivered = new Date("2026-03-02T23:30:00Z"); // 15:30 on 2 March in Los Angeles, 08:30 on 3 March in Tokyo
    const la = decideLine(
      "L",
      1,
      policy(),
      facts({
        country: "US",
        region: "TX",
        timeZone: "America/Los_Angeles",
        lineDeliveredAt: delivered,
        orderFullyDeliveredAt: delivered,
        currency: "USD",
      }),
    );
    const tokyo = decideLine(
      "L",
      1,
      policy(),
      facts({
        country: "JP",
        timeZone: "Asia/Tokyo",
        lineDeliveredAt: delivered,
        orderFullyDeliveredAt: delivered,
        currency: "JPY",
      }),
    );
    expect(track(la, "merchant_policy")?.returnBy).toBe("2026-04-01");
    expect(track(tokyo, "merchant_policy")?.returnBy).toBe("2026-04-02");
    // Valid until 23:59:59 local time on the last day, not a second longer.
    const lastSecond = new Date("2026-04-02T06:59:59Z"); // 23:59:59 PDT on 1 April
    const nextDay = new Date("2026-04-02T07:00:00Z");
    expect(
      decideLine(
        "L",
        1,
        policy(),
        facts({
          country: "US",
          region: "TX",
          timeZone: "America/Los_Angeles",
          lineDeliveredAt: delivered,
          orderFullyDeliveredAt: delivered,
          currency: "USD",
          at: lastSecond,
        }),
      ).eligible,
    ).toBe(true);
    expect(
      decideLine(
        "L",
        1,
        policy(),
        facts({
          country: "US",
          region: "TX",
          timeZone: "America/Los_Angeles",
          lineDeliveredAt: delivered,
          orderFullyDeliveredAt: delivered,
          currency: "USD",
          at: nextDay,
        }),
      ).eligible,
    ).toBe(false);
  });

  it("keeps exclusions off the legal guarantee and the statutory exceptions on the withdrawal", () => {
    const p = policy({
      nonReturnable: { categories: [], skus: [], attributes: ["finalSale", "sealedHygiene"] },
    });
    const finalSale = decideLine("L", 1, p, facts({ product: product({ finalSale: true }) }));
    // Final sale is not a statutory exception in the EU: the withdrawal still applies.
    expect([finalSale.eligible, finalSale.track]).toEqual([true, "statutory_withdrawal"]);
    expect(track(finalSale, "merchant_policy")?.eligible).toBe(false);
    const hygiene = decideLine("L", 1, p, facts({ product: product({ sealedHygiene: true }) }));
    expect(hygiene.eligible).toBe(true);
    expect(hygiene.conditions.map((c) => c.message).join(" ")).toMatch(/seal/i);
    const engraved = decideLine(
      "L",
      1,
      p,
      facts({
        product: product({ personalised: true }),
        reason: "defective",
        at: new Date("2027-01-10T10:00:00Z"),
      }),
    );
    expect([engraved.eligible, engraved.track, engraved.returnShippingPaidBy]).toEqual([
      true,
      "legal_guarantee",
      "merchant",
    ]);
  });

  it("charges a restocking fee only on the merchant track and offers keep-it below the threshold", () => {
    const p = policy({
      restockingFee: { basisPoints: 1500 },
      keepItBelow: { EUR: eur(1000) },
      resolutions: ["refund", "exchange"],
    });
    const late = decideLine("L", 2, p, facts({ at: new Date("2026-03-25T10:00:00Z"), unitPaid: eur(499) }));
    expect(late.track).toBe("merchant_policy");
    expect(late.fees).toEqual([
      { kind: "restocking", amount: eur(150), ruleId: "merchant.p.v1.restocking_fee" },
    ]);
    expect(late.resolutions).toEqual(["refund", "exchange", "keep_it"]);
    const early = decideLine("L", 2, p, facts({ unitPaid: eur(499) }));
    expect([early.track, early.fees]).toEqual(["statutory_withdrawal", []]);
  });

  it("follows the reason rules: refused reasons, offered resolutions and photos", () => {
    const p = policy({
      reasons: {
        changed_mind: { allowed: false, resolutions: null, photosRequired: false },
        defective: { allowed: true, resolutions: ["exchange"], photosRequired: true },
      },
    });
    const late = { at: new Date("2026-03-25T10:00:00Z") };
    expect(
      track(decideLine("L", 1, p, facts({ ...late })), "merchant_policy")?.blockedBy.map((b) => b.ruleId),
    ).toEqual(["merchant.p.v1.reasons.changed_mind"]);
    const defective = track(
      decideLine("L", 1, p, facts({ ...late, reason: "defective" })),
      "merchant_policy",
    );
    expect([defective?.eligible, defective?.resolutions, defective?.conditions.length]).toEqual([
      true,
      ["exchange"],
      1,
    ]);
  });
});
