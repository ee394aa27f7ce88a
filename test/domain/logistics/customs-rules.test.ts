import { describe, expect, it } from "vitest";
import { chooseRate } from "../../../src/domain/logistics/carrier-choice.ts";
import { euLowValueDuty, returnedGoodsRelief } from "../../../src/domain/logistics/customs-duty.ts";
import { assessRecovery, dutyRegimeFor } from "../../../src/domain/logistics/duty-recovery.ts";
import { reconcile } from "../../../src/domain/logistics/hub.ts";
import { type LaneRow, laneEstimate } from "../../../src/domain/logistics/lanes.ts";

const d = (s: string) => new Date(`${s}T12:00:00Z`);

describe("EU low-value duty by the parcel's date", () => {
  it("is zero under the negligible-value relief before 1 July 2026", () => {
    expect(euLowValueDuty("DE", 9_990, 2, d("2026-06-30"))).toMatchObject({
      applies: true,
      amountEurCents: 0,
      rule: "negligible_value_relief",
    });
  });
  it("is €3 per distinct tariff line from 1 July 2026 until 1 July 2028", () => {
    expect(euLowValueDuty("FR", 14_999, 3, d("2026-07-01"))).toMatchObject({
      amountEurCents: 900,
      rule: "flat_3_eur_per_tariff_line",
    });
    expect(euLowValueDuty("FR", 14_999, 1, d("2028-06-30"))?.amountEurCents).toBe(300);
    expect(euLowValueDuty("FR", 14_999, 1, d("2028-07-01"))).toMatchObject({
      amountEurCents: null,
      rule: "unknown_after_interim",
    });
  });
  it("does not apply at €150 or more, nor outside the EU", () => {
    expect(euLowValueDuty("NL", 15_000, 1, d("2026-09-01"))).toMatchObject({ applies: false });
    expect(euLowValueDuty("GB", 1_000, 1, d("2026-09-01"))).toBeNull();
  });
});

describe("returned goods relief (UCC Art. 203 and national equivalents)", () => {
  it("needs a re-import into the territory of export within 3 years", () => {
    expect(returnedGoodsRelief("NL", "DE", d("2026-01-10"), d("2028-12-01"))).toMatchObject({
      eligible: true,
      deadline: "2029-01-10",
    });
    expect(returnedGoodsRelief("NL", "DE", d("2026-01-10"), d("2029-01-11"))).toMatchObject({
      eligible: false,
    });
    expect(returnedGoodsRelief("US", "DE", d("2026-01-10"), d("2026-03-01")).eligible).toBe(false);
    expect(returnedGoodsRelief(null, "DE", null, d("2026-03-01")).eligible).toBe(false);
    expect(returnedGoodsRelief("GB", "GB", d("2026-01-10"), d("2026-03-01")).citation).toContain(
      "Returned Goods Relief",
    );
  });
});

describe("duty recovery regimes", () => {
  const paid = { amount: 1_000, currency: "USD" };
  it("US drawback: 99 % within 5 years, for any retail return", () => {
    expect(dutyRegimeFor("US")).toBe("US_DRAWBACK");
    expect(assessRecovery("US_DRAWBACK", paid, "changed_mind", d("2026-03-01"))).toMatchObject({
      recoverable: { amount: 990 },
      state: "recoverable",
      deadline: "2031-03-01",
    });
  });
  it("EU Art. 118 and UK C285 repay only defective or non-conforming goods, within 1 year", () => {
    expect(assessRecovery("EU_UCC_118", paid, "changed_mind", d("2026-03-01"))).toMatchObject({
      recoverable: { amount: 0 },
      state: "lost",
    });
    expect(assessRecovery("UK_C285", paid, "defective", d("2026-03-01"))).toMatchObject({
      recoverable: { amount: 1_000 },
      state: "recoverable",
      deadline: "2027-03-01",
    });
  });
});

describe("lanes", () => {
  const rows: LaneRow[] = [
    { from: "=", to: "=", transitDays: 2, clearanceDays: 0, labelCost: 550, labelCurrency: "EUR" },
    { from: "EU", to: "EU", transitDays: 4, clearanceDays: 0, labelCost: 1190, labelCurrency: "EUR" },
    { from: "GB", to: "EU", transitDays: 5, clearanceDays: 2, labelCost: 1990, labelCurrency: "EUR" },
    { from: "*", to: "*", transitDays: 12, clearanceDays: 4, labelCost: 5990, labelCurrency: "EUR" },
  ];
  it("prefers exact countries, then the customs union, then any; domestic lanes stay domestic", () => {
    expect(laneEstimate(rows, "DE", "DE")).toMatchObject({ transitDays: 2, source: "reference:=>=" });
    expect(laneEstimate(rows, "AT", "NL")).toMatchObject({ transitDays: 4, clearanceDays: 0 });
    expect(laneEstimate(rows, "GB", "NL")).toMatchObject({ transitDays: 5, clearanceDays: 2 });
    expect(laneEstimate(rows, "JP", "NL")).toMatchObject({ transitDays: 12, clearanceDays: 4 });
    expect(laneEstimate(rows, "GB", "NL", { transitDays: 3 })).toMatchObject({
      transitDays: 3,
      clearanceDays: 2,
      source: "merchant",
    });
  });
});

describe("carrier rules", () => {
  const rates = [
    { carrier: "UPS", service: "Standard", amount: 1840, currency: "EUR", days: 5, rateId: "a" },
    { carrier: "DHLExpress", service: "Express", amount: 3120, currency: "EUR", days: 2, rateId: "b" },
  ];
  it("picks cheapest, fastest, or the preferred carrier (falling back to cheapest, saying so)", () => {
    expect(chooseRate(rates, { rule: "cheapest" })?.rate.rateId).toBe("a");
    expect(chooseRate(rates, { rule: "fastest" })?.rate.rateId).toBe("b");
    expect(chooseRate(rates, { rule: "preferred", carrier: "dhlexpress" })).toMatchObject({
      rate: { rateId: "b" },
      applied: "preferred:dhlexpress",
    });
    expect(chooseRate(rates, { rule: "preferred", carrier: "FedEx" })?.applied).toContain(
      "no rate from preferred FedEx",
    );
  });
});

describe("receipt reconciliation", () => {
  const u = (plate: string, bag: string) => ({
    licencePlate: plate,
    bag,
    pallet: "P1",
    rmaNumber: "R-1",
    caseId: "c",
    lineId: "l",
    sku: "S",
    title: "T",
    shopperCountry: "DE",
  });
  const manifest = [u("LP-1", "B1"), u("LP-2", "B1"), u("LP-3", "B2")];
  it("flags missing bags, missing units and unexpected units", () => {
    expect(reconcile(manifest, [{ bag: "B1" }, { bag: "B2" }])).toMatchObject({
      complete: true,
      unitsReceived: 3,
    });
    expect(reconcile(manifest, [{ bag: "B1", licencePlates: ["LP-1", "LP-9"] }])).toMatchObject({
      complete: false,
      missingBags: ["B2"],
      shortages: [{ licencePlate: "LP-2" }, { licencePlate: "LP-3" }],
      unexpected: [{ bag: "B1", licencePlate: "LP-9" }],
    });
  });
});
