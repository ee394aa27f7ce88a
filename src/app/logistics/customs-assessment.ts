import { convert } from "../../domain/fx.ts";
import {
  euLowValueDuty,
  type LowValueDuty,
  type ReliefEligibility,
  returnedGoodsRelief,
} from "../../domain/logistics/customs-duty.ts";
import { type CustomsPapers, distinctTariffLines } from "../../domain/logistics/customs-papers.ts";
import { formatMoney, sum } from "../../domain/money.ts";
import { FX_SOURCE } from "../fx-values.ts";
import type { Repos } from "../ports/index.ts";

export interface CustomsAssessment {
  /** EU duty on the low-value parcel under the rules in force on the parcel's date (null outside the EU). */
  readonly lowValueDuty: LowValueDuty | null;
  readonly valueEur: string | null;
  readonly relief: ReliefEligibility;
  readonly dutyNote: string;
  readonly reliefNote: string;
}

/** What the return parcel faces at the border: the EU low-value duty exposure and returned-goods relief. */
export async function assessCustoms(
  r: Repos,
  p: CustomsPapers,
  exportedFrom: string | null,
): Promise<CustomsAssessment> {
  const value = sum(
    p.currency,
    p.lines.map((l) => l.value),
  );
  const rate =
    p.currency === "EUR"
      ? "1"
      : (await r.fx.rateOn(FX_SOURCE, p.currency, p.date.toISOString().slice(0, 10)))?.rate;
  const eur = rate ? convert(value, "EUR", rate, "1") : null;
  const lowValueDuty = eur
    ? euLowValueDuty(p.recipient.country, eur.amount, distinctTariffLines(p), p.date)
    : null;
  const relief = returnedGoodsRelief(exportedFrom, p.recipient.country, p.exportReference.exportedAt, p.date);
  const duty =
    lowValueDuty === null
      ? eur === null && p.recipient.country
        ? `no ${p.currency}→EUR rate on record to value the parcel`
        : "no EU low-value duty rule applies at this destination"
      : lowValueDuty.amountEurCents === null
        ? `${lowValueDuty.rule.replaceAll("_", " ")} — ${lowValueDuty.citation}`
        : `EUR ${formatMoney({ amount: lowValueDuty.amountEurCents, currency: "EUR" })} (${lowValueDuty.tariffLines} tariff line(s)) — ${lowValueDuty.citation}`;
  return {
    lowValueDuty,
    valueEur: eur ? formatMoney(eur) : null,
    relief,
    dutyNote:
      relief.eligible && lowValueDuty?.amountEurCents
        ? `${duty}; relieved on application as returned goods`
        : duty,
    reliefNote: `${relief.eligible ? "eligible" : "not eligible"} — ${relief.reason} (${relief.citation}${relief.deadline ? `, until ${relief.deadline}` : ""})`,
  };
}
