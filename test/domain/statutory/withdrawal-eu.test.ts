/** EU/EEA withdrawal: roll-forward over holidays, split deliveries, missing information, exceptions. */
import { describe, expect, test } from "vitest";
import { endOfLocalDay } from "../../../src/domain/calendar/time-zone.ts";
import { facts, noon, product, withdrawal } from "./facts.ts";

describe("roll-forward of a last day on a public holiday (shopper's country/region)", () => {
  test.each([
    ["DE Christi Himmelfahrt Thu 14 May → Fri 15 May", "DE", null, "2026-04-30", "2026-05-15"],
    ["DE Pfingstmontag Mon 25 May → Tue 26 May", "DE", null, "2026-05-11", "2026-05-26"],
    [
      "DE Karfreitag Fri 3 Apr, weekend, Ostermontag Mon 6 Apr → Tue 7 Apr",
      "DE",
      null,
      "2026-03-20",
      "2026-04-07",
    ],
    ["DE national: Tue 6 Jan 2026 is a working day", "DE", null, "2025-12-23", "2026-01-06"],
    ["DE-BY: Heilige Drei Könige Tue 6 Jan 2026 → Wed 7 Jan", "DE", "BY", "2025-12-23", "2026-01-07"],
    ["FR Fête nationale Tue 14 Jul → Wed 15 Jul", "FR", null, "2026-06-30", "2026-07-15"],
    ["FR Victoire 1945 Fri 8 May, then weekend → Mon 11 May", "FR", null, "2026-04-24", "2026-05-11"],
    ["AT (baseline) Mariä Empfängnis Tue 8 Dec → Wed 9 Dec", "AT", null, "2026-11-24", "2026-12-09"],
  ])("%s", (_name, country, region, delivered, returnBy) => {
    const w = withdrawal(facts(country, delivered, delivered, { region }));
    expect(w.returnBy).toBe(returnBy);
  });

  test("a holiday roll-forward cites the calendar rule and carries its (unverified) confidence", () => {
    const w = withdrawal(facts("DE", "2026-05-11", "2026-05-12"));
    expect(w.rulesApplied.map((r) => r.ruleId)).toEqual(
      expect.arrayContaining(["de.bgb.withdrawal.roll_forward", "de.bgb.non_working_days"]),
    );
    expect(withdrawal(facts("DE", "2026-03-07", "2026-03-08")).confidence).toBe("verified");
  });

  test("GB does not roll forward (UK left Reg. 1182/71): Sat 7 Mar → Sat 21 Mar", () => {
    const w = withdrawal(facts("GB", "2026-03-07", "2026-03-07"));
    expect(w.returnBy).toBe("2026-03-21");
    expect(w.confidence).toBe("unverified"); // no roll-forward in the CCR is itself unverified
    expect(withdrawal(facts("GB", "2026-03-02", "2026-03-02")).confidence).toBe("secondary");
  });

  test("Norway (EEA) rolls forward like the EU", () => {
    expect(withdrawal(facts("NO", "2026-03-07", "2026-03-07")).returnBy).toBe("2026-03-23");
  });
});

describe("split deliveries: the EU clock runs from the last item of the order", () => {
  test("line delivered 2 Mar, order completed 9 Mar → 23 Mar", () => {
    const w = withdrawal(
      facts("DE", "2026-03-02", "2026-03-20", { orderFullyDeliveredAt: noon("2026-03-09") }),
    );
    expect(w.returnBy).toBe("2026-03-23");
    expect(w.periodStartsOn).toBe("2026-03-09");
  });

  test("order not complete yet: eligible with no end date (withdrawal is possible before delivery)", () => {
    const w = withdrawal(facts("FR", "2026-03-02", "2026-03-30", { orderFullyDeliveredAt: null }));
    expect(w).toMatchObject({ eligible: true, returnBy: null, periodStartsOn: null });
    expect(w.explanation).toMatch(/last item of the order/);
  });

  test("a delivery after `at` has not happened yet", () => {
    const w = withdrawal(facts("DE", "2026-03-10", "2026-03-05"));
    expect(w.returnBy).toBeNull();
    expect(w.eligible).toBe(true);
  });

  test("countries that count per line (RU) use the line's own delivery", () => {
    const w = withdrawal(
      facts("RU", "2026-03-02", "2026-03-05", { orderFullyDeliveredAt: noon("2026-03-20") }),
    );
    expect(w.returnBy).toBe("2026-03-09");
  });
});

describe("missing withdrawal information", () => {
  test("EU: 12 months after the normal end, rolled forward (Sat 7 Mar → 23 Mar 2026 → Tue 23 Mar 2027)", () => {
    const w = withdrawal(facts("IT", "2026-03-07", "2026-09-01", { returnTermsDisclosed: false }));
    expect(w.returnBy).toBe("2027-03-23");
    expect(w.eligible).toBe(true);
    expect(w.explanation).toMatch(/extended/);
  });

  test("EU: information given late → 14 days after it was received", () => {
    const w = withdrawal(
      facts("DE", "2026-03-02", "2026-05-01", {
        returnTermsDisclosed: false,
        withdrawalInfoGivenAt: noon("2026-04-20"),
      }),
    );
    expect(w.returnBy).toBe("2026-05-04");
    expect(w.explanation).toMatch(/14 days after the missing information was given late/);
  });

  test("EU: information given late but before `at` only counts once it was given", () => {
    const f = facts("DE", "2026-03-02", "2026-04-10", {
      returnTermsDisclosed: false,
      withdrawalInfoGivenAt: noon("2026-04-20"),
    });
    expect(withdrawal(f).returnBy).toBe("2027-03-16");
  });

  test("EU: after the extension the right is gone", () => {
    const w = withdrawal(facts("ES", "2026-03-02", "2027-03-17", { returnTermsDisclosed: false }));
    expect(w.eligible).toBe(false);
    expect(w.blockedBy[0]?.message).toMatch(/ended on 2027-03-16/);
  });

  test("return shipping: customer if informed, merchant if not", () => {
    expect(withdrawal(facts("DE", "2026-03-02", "2026-03-03")).returnShippingPaidBy).toBe("customer");
    const uninformed = facts("DE", "2026-03-02", "2026-03-03", { returnTermsDisclosed: false });
    expect(withdrawal(uninformed).returnShippingPaidBy).toBe("merchant");
  });
});

describe("exceptions (CRD Art. 16)", () => {
  test.each([
    ["personalised", { personalised: true }, "de.bgb.withdrawal.exception.personalised"],
    ["perishable", { perishable: true }, "de.bgb.withdrawal.exception.perishable"],
    ["digital", { digital: true }, "de.bgb.withdrawal.exception.digital"],
  ])("%s goods are blocked", (_name, attrs, ruleId) => {
    const w = withdrawal(facts("DE", "2026-03-02", "2026-03-03", { product: product(attrs) }));
    expect(w.eligible).toBe(false);
    expect(w.blockedBy.map((b) => b.ruleId)).toEqual([ruleId]);
  });

  test.each([
    ["sealed hygiene", { sealedHygiene: true }, "eu.crd.withdrawal.exception.sealed_hygiene"],
    ["sealed media", { sealedMedia: true }, "eu.crd.withdrawal.exception.sealed_media"],
  ])("%s goods stay eligible on condition they come back sealed", (_name, attrs, ruleId) => {
    const w = withdrawal(facts("PT", "2026-03-02", "2026-03-03", { product: product(attrs) }));
    expect(w.eligible).toBe(true);
    expect(w.conditions).toEqual([{ ruleId, message: expect.stringMatching(/seal unbroken/) }]);
  });

  test("final sale does not remove the statutory right", () => {
    expect(
      withdrawal(facts("FR", "2026-03-02", "2026-03-03", { product: product({ finalSale: true }) })).eligible,
    ).toBe(true);
  });
});

describe("refund terms", () => {
  test("the cheapest standard outbound delivery is refunded only when the whole order is withdrawn", () => {
    const part = withdrawal(facts("DE", "2026-03-02", "2026-03-03"));
    const whole = withdrawal(facts("DE", "2026-03-02", "2026-03-03", { wholeOrderReturned: true }));
    expect(part.refund?.includesOutboundShipping).toBe("none");
    expect(whole.refund).toEqual({
      includesOutboundShipping: "cheapest_standard",
      deadlineDays: 14,
      deadlineDayKind: "calendar",
      deadlineTrigger: "receipt_of_withdrawal_by_trader",
      mayWithholdUntilGoodsOrProof: true,
    });
  });
});

describe("time zones at the day boundary", () => {
  test("Berlin: 23:30 local counts for that day, 00:30 local for the next", () => {
    const late = withdrawal(
      facts("DE", "2026-03-02", "2026-03-03", {
        lineDeliveredAt: new Date("2026-03-02T22:30:00Z"),
        orderFullyDeliveredAt: new Date("2026-03-02T22:30:00Z"),
      }),
    );
    const early = withdrawal(
      facts("DE", "2026-03-02", "2026-03-03", {
        lineDeliveredAt: new Date("2026-03-02T23:30:00Z"),
        orderFullyDeliveredAt: new Date("2026-03-02T23:30:00Z"),
      }),
    );
    expect(late.returnBy).toBe("2026-03-16");
    expect(early.returnBy).toBe("2026-03-17");
  });

  test("the deadline holds until 23:59:59 local time on the last day", () => {
    const base = facts("DE", "2026-03-02", "2026-03-02");
    const end = endOfLocalDay("2026-03-16", "Europe/Berlin");
    expect(end.toISOString()).toBe("2026-03-16T22:59:59.999Z");
    expect(withdrawal({ ...base, at: new Date("2026-03-16T22:59:59Z") }).eligible).toBe(true);
    expect(withdrawal({ ...base, at: new Date("2026-03-16T23:00:00Z") }).eligible).toBe(false);
  });

  test("the shopper's own zone wins over the country's main zone", () => {
    const f = facts("ES", "2026-03-02", "2026-03-03", {
      lineDeliveredAt: new Date("2026-03-02T23:30:00Z"),
      orderFullyDeliveredAt: new Date("2026-03-02T23:30:00Z"),
    });
    expect(withdrawal(f).returnBy).toBe("2026-03-17");
    expect(withdrawal({ ...f, timeZone: "Atlantic/Canary" }).returnBy).toBe("2026-03-16");
    expect(withdrawal({ ...f, timeZone: "Not/AZone" }).timeZone).toBe("Europe/Madrid");
  });
});
