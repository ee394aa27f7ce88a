import { customsTerritory } from "./territories.ts";

/** The same calendar day `years` later (29 February falls to 1 March). */
export function addYears(at: Date, years: number): Date {
  const d = new Date(at.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

const LOW_VALUE_DUTY_FROM = "2026-07-01";
const LOW_VALUE_DUTY_UNTIL = "2028-07-01";
/** €3 per distinct tariff line, in euro cents. */
const FLAT_PER_LINE = 300;
const THRESHOLD_CENTS = 15_000;

/** EU customs duty on a low-value parcel (intrinsic value under €150) under the rules in force on `date`. */
export interface LowValueDuty {
  readonly applies: boolean;
  /** Euro cents; null when the table has no rule for that date. */
  readonly amountEurCents: number | null;
  readonly tariffLines: number;
  readonly rule: string;
  readonly citation: string;
}

export function euLowValueDuty(
  destination: string,
  valueEurCents: number,
  tariffLines: number,
  date: Date,
): LowValueDuty | null {
  if (customsTerritory(destination) !== "EU") return null;
  const day = date.toISOString().slice(0, 10);
  if (valueEurCents >= THRESHOLD_CENTS)
    return {
      applies: false,
      amountEurCents: null,
      tariffLines,
      rule: "not_low_value",
      citation: "Regulation (EU) No 952/2013; standard duty by tariff line (value ≥ €150)",
    };
  if (day < LOW_VALUE_DUTY_FROM)
    return {
      applies: true,
      amountEurCents: 0,
      tariffLines,
      rule: "negligible_value_relief",
      citation:
        "Council Regulation (EC) No 1186/2009 Art. 23: relief for consignments of negligible value (≤ €150)",
    };
  if (day < LOW_VALUE_DUTY_UNTIL)
    return {
      applies: true,
      amountEurCents: FLAT_PER_LINE * tariffLines,
      tariffLines,
      rule: "flat_3_eur_per_tariff_line",
      citation:
        "Council interim flat customs duty of €3 per distinct tariff line on parcels under €150 to EU consumers, 1 July 2026 – 1 July 2028",
    };
  return {
    applies: true,
    amountEurCents: null,
    tariffLines,
    rule: "unknown_after_interim",
    citation: "the interim €3 duty ends on 1 July 2028; the rule after it is not in this table",
  };
}

/** Returned goods relief: re-import into the territory the goods were exported from, in the same state. */
export interface ReliefEligibility {
  readonly eligible: boolean;
  readonly regime: string;
  readonly citation: string;
  readonly deadline: string | null;
  readonly reason: string;
}

const RELIEF: Readonly<Record<string, { regime: string; citation: string; years: number }>> = {
  EU: {
    regime: "EU returned goods relief",
    citation: "UCC (Reg. 952/2013) Art. 203 (exclusion: Art. 204)",
    years: 3,
  },
  GB: {
    regime: "UK Returned Goods Relief",
    citation: "HMRC Returned Goods Relief (re-import within 3 years, unaltered)",
    years: 3,
  },
  US: {
    regime: "HTSUS 9801.00.10",
    citation: "HTSUS 9801.00.10: goods returned within 3 years of export, not advanced in value",
    years: 3,
  },
};

export function returnedGoodsRelief(
  exportedFrom: string | null,
  destination: string,
  exportedAt: Date | null,
  date: Date,
): ReliefEligibility {
  const territory = customsTerritory(destination);
  const r = RELIEF[territory] ?? {
    regime: `${territory} returned goods relief`,
    citation: "national returned-goods relief (re-import within 3 years, unaltered)",
    years: 3,
  };
  const no = (reason: string, deadline: string | null = null): ReliefEligibility => ({
    eligible: false,
    regime: r.regime,
    citation: r.citation,
    deadline,
    reason,
  });
  if (!exportedFrom || !exportedAt) return no("the original export (origin and date) is not known");
  if (customsTerritory(exportedFrom) !== territory)
    return no(`the goods were exported from ${exportedFrom}, not from ${territory}: not a re-import`);
  const deadline = addYears(exportedAt, r.years);
  const iso = deadline.toISOString().slice(0, 10);
  if (date.getTime() > deadline.getTime()) return no(`more than ${r.years} years since export`, iso);
  return {
    eligible: true,
    regime: r.regime,
    citation: r.citation,
    deadline: iso,
    reason: `re-imported within ${r.years} years of export, in the state exported (claim on import with the export reference)`,
  };
}
