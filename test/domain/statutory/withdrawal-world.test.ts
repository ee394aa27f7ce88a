/** Withdrawal outside the EU: business days, default rights, purchase-based windows, extensions. */
import { describe, expect, test } from "vitest";
import { facts, noon, product, withdrawal } from "./facts.ts";

describe("business days (MX, CO): Saturdays, Sundays and the shopper's public holidays excluded", () => {
  test("MX across Natalicio de Benito Juárez (Mon 16 Mar): delivered Tue 10 Mar → Wed 18 Mar", () => {
    const w = withdrawal(facts("MX", "2026-03-10", "2026-03-18"));
    expect(w.returnBy).toBe("2026-03-18");
    expect(w.eligible).toBe(true);
    expect(w.confidence).toBe("unverified"); // the holiday list is unverified (facts pack §6 q.10)
    expect(w.rulesApplied.map((r) => r.ruleId)).toContain("mx.lfpc.non_working_days");
  });

  test("CO across San José (Mon 23 Mar): delivered Wed 18 Mar → Thu 26 Mar", () => {
    expect(withdrawal(facts("CO", "2026-03-18", "2026-03-19")).returnBy).toBe("2026-03-26");
  });

  test("CO across Holy Thursday and Good Friday: delivered Mon 30 Mar → 31 Mar, 1, 6, 7, 8 Apr", () => {
    expect(withdrawal(facts("CO", "2026-03-30", "2026-03-31")).returnBy).toBe("2026-04-08");
  });

  test("MX with no holiday in the window is verified; the day after the deadline is refused", () => {
    expect(withdrawal(facts("MX", "2026-03-02", "2026-03-09")).confidence).toBe("verified");
    const late = withdrawal(facts("MX", "2026-03-02", "2026-03-10"));
    expect(late.eligible).toBe(false);
    expect(late.returnShippingPaidBy).toBe("customer");
  });

  test("CO: goods for personal use are excluded", () => {
    const w = withdrawal(
      facts("CO", "2026-03-02", "2026-03-03", { product: product({ sealedHygiene: true }) }),
    );
    expect(w.eligible).toBe(false);
  });
});

describe("Japan: an 8-day default, delivery day is day 1, only without a displayed policy", () => {
  test("policy displayed → no statutory right", () => {
    const w = withdrawal(facts("JP", "2026-03-02", "2026-03-03", { returnTermsDisclosed: true }));
    expect(w.eligible).toBe(false);
    expect(w.blockedBy[0]?.ruleId).toBe("jp.scta.withdrawal.right");
  });

  test("delivery at 23:30 vs 00:30 Tokyo time (UTC timestamps) moves the deadline by a day", () => {
    const at = (iso: string) => ({ lineDeliveredAt: new Date(iso), orderFullyDeliveredAt: new Date(iso) });
    const f = (iso: string) =>
      facts("JP", "2026-03-02", "2026-03-04", { returnTermsDisclosed: false, ...at(iso) });
    expect(withdrawal(f("2026-03-02T14:30:00Z")).returnBy).toBe("2026-03-09"); // 23:30 JST on 2 Mar
    expect(withdrawal(f("2026-03-02T15:30:00Z")).returnBy).toBe("2026-03-10"); // 00:30 JST on 3 Mar
  });

  test("the buyer pays the return", () => {
    expect(
      withdrawal(facts("JP", "2026-03-02", "2026-03-03", { returnTermsDisclosed: false }))
        .returnShippingPaidBy,
    ).toBe("customer");
  });
});

describe("US: no federal right; California and New York only without a posted policy", () => {
  test("US federal: no right, verified", () => {
    const w = withdrawal(
      facts("US", "2026-03-02", "2026-03-03", { region: "TX", returnTermsDisclosed: false }),
    );
    expect(w).toMatchObject({ eligible: false, jurisdiction: "US", returnBy: null, confidence: "verified" });
  });

  test.each([
    ["CA", "US-CA"],
    ["NY", "US-NY"],
  ])("US-%s with a posted policy → no statutory right", (region, id) => {
    const w = withdrawal(facts("US", "2026-03-02", "2026-03-03", { region, returnTermsDisclosed: true }));
    expect(w).toMatchObject({ eligible: false, jurisdiction: id });
  });

  test("US-NY without a posted policy: 30 days from purchase, goods unused", () => {
    const w = withdrawal(
      facts("US", "2026-03-05", "2026-03-20", {
        region: "NY",
        placedAt: noon("2026-03-02"),
        returnTermsDisclosed: false,
      }),
    );
    expect(w.returnBy).toBe("2026-04-01");
    expect(w.conditions.map((c) => c.ruleId)).toEqual(["us-ny.gbl218a.withdrawal.condition.unused"]);
  });

  test("US-CA: a purchase at 23:30 vs 00:30 Pacific time (UTC timestamps) moves the deadline", () => {
    const f = (iso: string) =>
      facts("US", "2026-03-05", "2026-03-20", {
        region: "CA",
        placedAt: new Date(iso),
        returnTermsDisclosed: false,
      });
    expect(withdrawal(f("2026-03-03T07:30:00Z")).returnBy).toBe("2026-04-01"); // 23:30 PST on 2 Mar
    expect(withdrawal(f("2026-03-03T08:30:00Z")).returnBy).toBe("2026-04-02"); // 00:30 PST on 3 Mar
    expect(withdrawal(f("2026-03-03T08:30:00Z")).timeZone).toBe("America/Los_Angeles");
  });

  test("US-CA exemptions: final sale and food are blocked; hygiene goods must come back sealed", () => {
    const base = { region: "CA", returnTermsDisclosed: false };
    const finalSale = withdrawal(
      facts("US", "2026-03-02", "2026-03-03", { ...base, product: product({ finalSale: true }) }),
    );
    expect(finalSale.blockedBy.map((b) => b.ruleId)).toEqual([
      "us-ca.civ1723.withdrawal.exception.final_sale",
    ]);
    const hygiene = withdrawal(
      facts("US", "2026-03-02", "2026-03-03", { ...base, product: product({ sealedHygiene: true }) }),
    );
    expect(hygiene.eligible).toBe(true);
    expect(hygiene.conditions.map((c) => c.ruleId)).toContain(
      "us-ca.civ1723.withdrawal.exception.sealed_hygiene",
    );
  });
});

describe("extensions when the return information was missing", () => {
  test("RU: 7 days, or 3 months from transfer without written return information", () => {
    expect(withdrawal(facts("RU", "2026-03-02", "2026-03-03")).returnBy).toBe("2026-03-09");
    const w = withdrawal(facts("RU", "2026-03-02", "2026-05-01", { returnTermsDisclosed: false }));
    expect(w).toMatchObject({ returnBy: "2026-06-02", eligible: true, confidence: "secondary" });
  });

  test("TR: 14 days from the last item, 1 year without pre-contract information", () => {
    expect(withdrawal(facts("TR", "2026-03-02", "2026-03-03")).returnBy).toBe("2026-03-16");
    expect(
      withdrawal(facts("TR", "2026-03-02", "2026-03-03", { returnTermsDisclosed: false })).returnBy,
    ).toBe("2027-03-02");
  });

  test("CL: 10 days, 90 days without the written confirmation", () => {
    expect(
      withdrawal(facts("CL", "2026-03-02", "2026-03-03", { returnTermsDisclosed: false })).returnBy,
    ).toBe("2026-05-31");
  });

  test("KR and IL: without the information the period does not start (eligible, no end date)", () => {
    for (const country of ["KR", "IL"]) {
      const w = withdrawal(facts(country, "2026-03-02", "2026-09-01", { returnTermsDisclosed: false }));
      expect(w).toMatchObject({ eligible: true, returnBy: null });
    }
  });

  test("CA-QC: cancellation only on merchant default, 7 days, merchant pays the return", () => {
    expect(withdrawal(facts("CA", "2026-03-02", "2026-03-03", { region: "QC" })).eligible).toBe(false);
    const w = withdrawal(
      facts("CA", "2026-03-02", "2026-03-03", { region: "QC", returnTermsDisclosed: false }),
    );
    expect(w).toMatchObject({
      eligible: true,
      jurisdiction: "CA-QC",
      returnBy: "2026-03-06",
      returnShippingPaidBy: "merchant",
    });
    expect(w.refund?.includesOutboundShipping).toBe("full");
  });
});

describe("other jurisdictions", () => {
  test.each([
    ["BR", "2026-03-09", "merchant"],
    ["AR", "2026-03-12", "merchant"],
    ["CN", "2026-03-09", "customer"],
    ["KR", "2026-03-09", "customer"],
    ["ZA", "2026-03-09", "customer"],
    ["SA", "2026-03-09", "customer"],
    ["IL", "2026-03-16", "customer"],
  ])("%s: delivered 2 Mar → %s, return paid by %s", (country, returnBy, paidBy) => {
    const w = withdrawal(facts(country, "2026-03-02", "2026-03-03"));
    expect(w).toMatchObject({ eligible: true, returnBy, returnShippingPaidBy: paidBy });
  });

  test("CN: the returned goods must be intact; personalised goods are excluded", () => {
    expect(withdrawal(facts("CN", "2026-03-02", "2026-03-03")).conditions.map((c) => c.ruleId)).toEqual([
      "cn.crpl.withdrawal.condition.intact",
    ]);
    expect(
      withdrawal(facts("CN", "2026-03-02", "2026-03-03", { product: product({ personalised: true }) }))
        .eligible,
    ).toBe(false);
  });

  test("BR: no statutory exceptions — personalised goods stay withdrawable; refund immediately", () => {
    const w = withdrawal(
      facts("BR", "2026-03-02", "2026-03-03", { product: product({ personalised: true }) }),
    );
    expect(w.eligible).toBe(true);
    expect(w.refund).toMatchObject({ deadlineDays: 0, includesOutboundShipping: "full" });
  });

  test.each(["CH", "AU", "NZ", "IN", "SG", "AE", "CA", "TH"])(
    "%s: no statutory withdrawal right",
    (country) => {
      const w = withdrawal(
        facts(country, "2026-03-02", "2026-03-03", {
          returnTermsDisclosed: false,
          merchantPolicyCovers: false,
        }),
      );
      expect(w.eligible).toBe(false);
      expect(w.blockedBy).toHaveLength(1);
      expect(w.refund).toBeNull();
    },
  );
});
