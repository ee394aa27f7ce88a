/** The statutory refund deadline (for the money engine) and the rights listing (for the policy page). */
import { describe, expect, test } from "vitest";
import { statutoryPackFor } from "../../../src/domain/statutory/evaluate-statutory.ts";
import { statutoryRefundDeadline } from "../../../src/domain/statutory/refund-deadline.ts";
import { statutoryRightsOf } from "../../../src/domain/statutory/statutory-rights.ts";

const at = (iso: string) => new Date(iso);
const place = (country: string, region: string | null = null, timeZone: string | null = null) => ({
  country,
  region,
  timeZone,
});
const due = (country: string, iso: string, region: string | null = null, timeZone: string | null = null) =>
  statutoryRefundDeadline(statutoryPackFor(country, region), at(iso), place(country, region, timeZone));

describe("statutory refund deadline", () => {
  test.each([
    ["DE: 14 calendar days from receipt of the withdrawal", "DE", "2026-03-10T09:00:00Z", "2026-03-24"],
    ["FR: no roll-forward for the trader (day 14 is Sat 21 Mar)", "FR", "2026-03-07T09:00:00Z", "2026-03-21"],
    ["CO: 30 calendar days", "CO", "2026-03-02T15:00:00Z", "2026-04-01"],
    ["ZA: 30 days from cancellation", "ZA", "2026-03-02T09:00:00Z", "2026-04-01"],
    ["CN: 7 days from receiving the goods", "CN", "2026-03-02T09:00:00Z", "2026-03-09"],
    ["BR: immediately", "BR", "2026-03-02T15:00:00Z", "2026-03-02"],
    ["CA-QC: 15 days", "CA", "2026-03-02T15:00:00Z", "2026-03-17"],
  ])("%s", (_name, country, iso, dueBy) => {
    const region = country === "CA" ? "QC" : null;
    expect(due(country, iso, region)?.dueBy).toBe(dueBy);
  });

  test("KR: 3 business days, skipping the weekend and Samiljeol (Sun 1 Mar → substitute Mon 2 Mar)", () => {
    const d = due("KR", "2026-02-27T03:00:00Z"); // Fri 27 Feb, 12:00 in Seoul
    expect(d).toMatchObject({ deadlineDayKind: "business", deadlineTrigger: "receipt_of_returned_goods" });
    expect(d?.dueBy).toBe("2026-03-05");
    expect(d?.confidence).toBe("unverified");
  });

  test("counted in the shopper's zone: 23:30 vs 00:30 in Berlin", () => {
    expect(due("DE", "2026-03-10T22:30:00Z")?.dueBy).toBe("2026-03-24");
    expect(due("DE", "2026-03-10T23:30:00Z")?.dueBy).toBe("2026-03-25");
  });

  test("no day limit or no right → null", () => {
    for (const c of ["MX", "US", "AU", "JP"]) expect(due(c, "2026-03-10T09:00:00Z"), c).toBeNull();
  });

  test("legal guarantee refunds: IE 14 days after the trader receives the item", () => {
    const d = statutoryRefundDeadline(
      statutoryPackFor("IE", null),
      at("2026-03-10T09:00:00Z"),
      place("IE"),
      "legal_guarantee",
    );
    expect(d).toMatchObject({ dueBy: "2026-03-24", deadlineTrigger: "trader_received_returned_item" });
  });
});

describe("statutory rights of a country", () => {
  test("Germany: 14 days, roll-forward, exceptions, refund and guarantee, each with its citation", () => {
    const r = statutoryRightsOf("DE", null);
    expect(r.jurisdiction).toBe("DE");
    expect(r.withdrawal.availability).toBe("always");
    expect(r.withdrawal.period).toMatchObject({
      days: 14,
      dayKind: "calendar",
      start: "order_fully_delivered",
    });
    expect(r.withdrawal.period?.rule.ruleId).toBe("de.bgb.withdrawal.period");
    expect(r.withdrawal.rollForward?.enabled).toBe(true);
    expect(r.withdrawal.exceptions.map((e) => [e.attribute, e.effect])).toEqual([
      ["personalised", "blocks"],
      ["perishable", "blocks"],
      ["sealedHygiene", "must_be_sealed"],
      ["sealedMedia", "must_be_sealed"],
      ["digital", "blocks"],
    ]);
    expect(r.guarantee.period).toMatchObject({ kind: "months", amount: 24 });
    expect(r.guarantee.returnCostPaidBy).toBe("merchant");
  });

  test("Australia: no withdrawal right, guarantee with no fixed period", () => {
    const r = statutoryRightsOf("AU", null);
    expect(r.withdrawal).toMatchObject({ availability: "none", period: null, exceptions: [] });
    expect(r.withdrawal.rule.confidence).toBe("verified");
    expect(r.guarantee.period.kind).toBe("no_fixed_period");
  });

  test("UK: the short-term right to reject is listed", () => {
    expect(statutoryRightsOf("GB", null).guarantee.shortTermReject).toMatchObject({
      amount: 30,
      unit: "days",
      remedy: "refund",
    });
  });

  test("every pack can be listed", () => {
    for (const [country, region] of [
      ["US", "CA"],
      ["CA", "ON"],
      ["JP", null],
      ["TH", null],
      ["IS", null],
    ] as const) {
      const r = statutoryRightsOf(country, region);
      expect(r.guarantee.remedy.rule.citation.length).toBeGreaterThan(3);
    }
  });
});
