/** The legal-guarantee track, and both tracks side by side. */
import { describe, expect, test } from "vitest";
import { CONFORMITY_REASONS, RETURN_REASONS } from "../../../src/domain/return-reasons.ts";
import { facts, guarantee, product, tracks } from "./facts.ts";

describe("legal guarantee", () => {
  test.each(CONFORMITY_REASONS)("%s opens the guarantee track at the merchant's cost", (reason) => {
    const g = guarantee(facts("DE", "2026-03-02", "2026-06-01", { reason }));
    expect(g).toMatchObject({
      track: "legal_guarantee",
      eligible: true,
      returnBy: "2028-03-02",
      remedy: "repair_or_replace_first",
      returnShippingPaidBy: "merchant",
      guaranteeEndsOn: "2028-03-02",
    });
  });

  test.each(RETURN_REASONS.filter((r) => !CONFORMITY_REASONS.includes(r)))(
    "%s does not open it",
    (reason) => {
      const g = guarantee(facts("DE", "2026-03-02", "2026-03-05", { reason }));
      expect(g.eligible).toBe(false);
      expect(g.blockedBy[0]?.ruleId).toBe("crossback.guarantee.conformity_reasons");
    },
  );

  test("final sale, personalised, perishable, hygiene and digital goods never block it", () => {
    const everything = product({
      finalSale: true,
      personalised: true,
      perishable: true,
      sealedHygiene: true,
      digital: true,
    });
    for (const country of ["DE", "GB", "US", "AU", "CH", "JP"]) {
      const { withdrawal, guarantee: g } = tracks(
        facts(country, "2026-03-02", "2026-03-05", {
          reason: "defective",
          product: everything,
          region: country === "US" ? "CA" : null,
        }),
      );
      expect(withdrawal.eligible).toBe(false);
      expect(g.eligible).toBe(true);
      expect(g.blockedBy).toEqual([]);
    }
  });

  test.each([
    ["ES 3 years", "ES", "2029-03-02"],
    ["SE 3-year complaint period", "SE", "2029-03-02"],
    ["IE 6 years", "IE", "2032-03-02"],
    ["AR 6 months", "AR", "2026-09-02"],
    ["ZA 6 months (CPA s.56)", "ZA", "2026-09-02"],
    ["MX 90 days", "MX", "2026-05-31"],
    ["CO 1 year", "CO", "2027-03-02"],
  ])("%s", (_name, country, end) => {
    expect(
      guarantee(facts(country, "2026-03-02", "2026-05-01", { reason: "defective" })).guaranteeEndsOn,
    ).toBe(end);
  });

  test("after the period the guarantee is gone", () => {
    const g = guarantee(facts("AR", "2026-03-02", "2026-09-03", { reason: "defective" }));
    expect(g.eligible).toBe(false);
    expect(g.blockedBy[0]?.message).toMatch(/ended on 2026-09-02/);
  });

  test.each(["NL", "AU", "NZ", "US", "GB", "TH"])(
    "%s: no fixed period → eligible, no end date, with a note",
    (country) => {
      const g = guarantee(facts(country, "2026-03-02", "2030-01-01", { reason: "not_as_described" }));
      expect(g).toMatchObject({ eligible: true, returnBy: null, guaranteeEndsOn: null });
      expect(g.explanation).toMatch(/no fixed period/);
    },
  );

  test("goods not delivered yet are not covered", () => {
    const g = guarantee(
      facts("FR", "2026-03-02", "2026-03-05", { reason: "defective", lineDeliveredAt: null }),
    );
    expect(g.blockedBy[0]?.ruleId).toBe("crossback.guarantee.not_delivered");
  });
});

describe("short-term rejection rights give a refund first", () => {
  test("GB: within 30 days → refund; afterwards repair or replacement first", () => {
    const within = guarantee(facts("GB", "2026-03-02", "2026-04-01", { reason: "defective" }));
    expect(within).toMatchObject({ remedy: "refund", returnBy: "2026-04-01", eligible: true });
    expect(within.refund).toMatchObject({
      deadlineDays: 14,
      deadlineTrigger: "trader_agrees_consumer_is_entitled",
    });
    const after = guarantee(facts("GB", "2026-03-02", "2026-04-02", { reason: "defective" }));
    expect(after).toMatchObject({ remedy: "repair_or_replace_first", returnBy: null, eligible: true });
  });

  test("IE: 30-day short-term right to terminate, then remedies up to 6 years", () => {
    const g = guarantee(facts("IE", "2026-03-02", "2026-03-10", { reason: "wrong_item" }));
    expect(g).toMatchObject({
      remedy: "refund",
      returnBy: "2026-04-01",
      guaranteeEndsOn: "2032-03-02",
      confidence: "verified",
    });
  });

  test("CN: quality problems may be returned within 7 days (art. 24)", () => {
    expect(guarantee(facts("CN", "2026-03-02", "2026-03-05", { reason: "defective" }))).toMatchObject({
      remedy: "refund",
      returnBy: "2026-03-09",
    });
  });

  test("AU: no fixed period; a major failure gives refund or replacement", () => {
    const g = guarantee(facts("AU", "2026-03-02", "2027-03-05", { reason: "defective" }));
    expect(g).toMatchObject({
      remedy: "refund_or_replacement_if_major_failure",
      confidence: "verified",
      eligible: true,
    });
  });
});

describe("both tracks", () => {
  test("judgeStatutory returns exactly [statutory_withdrawal, legal_guarantee]", () => {
    const { withdrawal, guarantee: g } = tracks(
      facts("DE", "2026-03-02", "2026-03-05", { reason: "defective" }),
    );
    expect([withdrawal.track, g.track]).toEqual(["statutory_withdrawal", "legal_guarantee"]);
    expect(withdrawal.eligible && g.eligible).toBe(true);
  });

  test.each(["US", "AU", "CH"])("%s: no withdrawal right, but a guarantee for faulty goods", (country) => {
    const { withdrawal, guarantee: g } = tracks(
      facts(country, "2026-03-02", "2026-03-05", { reason: "damaged_in_transit" }),
    );
    expect(withdrawal.eligible).toBe(false);
    expect(g.eligible).toBe(true);
    expect(g.returnShippingPaidBy).toBe("merchant");
  });

  test("[S]/[U] facts are flagged: Turkey's withdrawal is secondary, Germany's guarantee unverified", () => {
    expect(tracks(facts("TR", "2026-03-02", "2026-03-05")).withdrawal.confidence).toBe("secondary");
    expect(
      tracks(facts("DE", "2026-03-02", "2026-03-05", { reason: "defective" })).guarantee.confidence,
    ).toBe("unverified");
  });

  test("every judgement cites its rules", () => {
    const { withdrawal, guarantee: g } = tracks(
      facts("FR", "2026-03-02", "2026-03-05", { reason: "defective" }),
    );
    for (const j of [withdrawal, g]) {
      expect(j.rulesApplied.length).toBeGreaterThan(0);
      expect(j.rulesApplied.map((r) => r.ruleId)).toContain(j.ruleId);
      expect(j.citation.length).toBeGreaterThan(3);
      expect(j.explanation).toMatch(/\.$/);
    }
  });
});
