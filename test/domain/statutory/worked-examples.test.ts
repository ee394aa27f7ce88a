/** The worked examples of the facts pack, Part C §4.2 (2026 calendar; 1 March 2026 is a Sunday). */
import { describe, expect, test } from "vitest";
import { statutoryPackFor } from "../../../src/domain/statutory/evaluate-statutory.ts";
import { statutoryRefundDeadline } from "../../../src/domain/statutory/refund-deadline.ts";
import { facts, guarantee, noon, withdrawal } from "./facts.ts";

describe("§4.2 worked examples", () => {
  test.each([
    ["EU normal (DE)", "DE", "2026-03-02", {}, "2026-03-16"],
    ["EU normal (FR)", "FR", "2026-03-02", {}, "2026-03-16"],
    ["EU normal (AT, baseline only)", "AT", "2026-03-02", {}, "2026-03-16"],
    ["EU weekend end (DE): Sat 7 Mar → day 14 Sat 21 Mar → Mon 23 Mar", "DE", "2026-03-07", {}, "2026-03-23"],
    ["EU weekend end (FR)", "FR", "2026-03-07", {}, "2026-03-23"],
    [
      "EU not informed: 16 Mar 2026 → 16 Mar 2027",
      "DE",
      "2026-03-02",
      { returnTermsDisclosed: false },
      "2027-03-16",
    ],
    [
      "Japan: delivered Mon 2 Mar → Mon 9 Mar",
      "JP",
      "2026-03-02",
      { returnTermsDisclosed: false },
      "2026-03-09",
    ],
    ["Mexico: business days 3, 4, 5, 6, 9 Mar", "MX", "2026-03-02", {}, "2026-03-09"],
    ["Colombia: business days 3, 4, 5, 6, 9 Mar", "CO", "2026-03-02", {}, "2026-03-09"],
  ])("%s", (_name, country, delivered, over, returnBy) => {
    const w = withdrawal(facts(country, delivered, delivered, over));
    expect(w.returnBy).toBe(returnBy);
    expect(w.eligible).toBe(true);
  });

  test("California: purchased 2 Mar, no policy posted → on or before 1 Apr", () => {
    const f = facts("US", "2026-03-05", "2026-03-20", {
      region: "CA",
      placedAt: noon("2026-03-02"),
      returnTermsDisclosed: false,
    });
    const w = withdrawal(f);
    expect(w.jurisdiction).toBe("US-CA");
    expect(w.returnBy).toBe("2026-04-01");
    expect(w.eligible).toBe(true);
  });

  test("UK CRA short-term right to reject: delivered 2 Mar → 30 days beginning 3 Mar → 1 Apr", () => {
    const g = guarantee(facts("GB", "2026-03-02", "2026-03-20", { reason: "defective" }));
    expect(g.returnBy).toBe("2026-04-01");
    expect(g.remedy).toBe("refund");
    expect(g.ruleId).toBe("gb.cra2015.guarantee.short_term_reject");
    expect(g.confidence).toBe("verified");
  });

  test("EU refund: trader told on Tue 10 Mar → refund due by Tue 24 Mar, may be withheld", () => {
    const d = statutoryRefundDeadline(statutoryPackFor("DE", null), new Date("2026-03-10T09:00:00Z"), {
      country: "DE",
      region: null,
      timeZone: null,
    });
    expect(d?.dueBy).toBe("2026-03-24");
    expect(d?.mayWithholdUntilGoodsOrProof).toBe(true);
    expect(d?.deadlineDayKind).toBe("calendar");
  });

  test("EU: the consumer must send the withdrawal by the last day (dispatch); Japan: it must arrive", () => {
    expect(withdrawal(facts("DE", "2026-03-02", "2026-03-02")).deadlineMetBy).toBe("dispatch");
    expect(
      withdrawal(facts("JP", "2026-03-02", "2026-03-02", { returnTermsDisclosed: false })).deadlineMetBy,
    ).toBe("arrival");
  });
});
