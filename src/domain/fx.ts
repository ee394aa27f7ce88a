import { currencyOf } from "./currency.ts";
import type { Money } from "./money.ts";
import { err, ok, type Result } from "./result.ts";

/** A reference rate: units of `currency` per 1 EUR on `date` (the ECB convention), as an exact decimal string. */
export interface FxRate {
  readonly date: string;
  readonly currency: string;
  readonly rate: string;
}

const CUBE_DAY = /<Cube\s+time=['"](\d{4}-\d{2}-\d{2})['"]\s*>([\s\S]*?)<\/Cube>/g;
const CUBE_RATE = /<Cube\s+currency=['"]([A-Z]{3})['"]\s+rate=['"](\d+(?:\.\d+)?)['"]\s*\/>/g;

/** Parses the ECB euro foreign exchange reference rates XML (daily, 90-day or full history file). */
export function parseEcbXml(xml: string): Result<FxRate[], string> {
  if (!xml.includes("gesmes:Envelope") && !xml.includes("<Cube")) return err("not an ECB eurofxref XML file");
  const out: FxRate[] = [];
  for (const day of xml.matchAll(CUBE_DAY)) {
    const date = day[1] ?? "";
    for (const r of (day[2] ?? "").matchAll(CUBE_RATE))
      out.push({ date, currency: r[1] ?? "", rate: r[2] ?? "" });
  }
  return out.length > 0 ? ok(out) : err("the file holds no rates");
}

/** A decimal string as an exact fraction num / 10^scale. */
function decimal(text: string): { num: bigint; scale: number } {
  const [whole = "0", frac = ""] = text.split(".");
  return { num: BigInt(whole + frac), scale: frac.length };
}

/** Rounds num/den to an integer, half to even (banker's rounding), for positive and negative values. */
function roundHalfEven(num: bigint, den: bigint): bigint {
  const sign = num < 0n !== den < 0n ? -1n : 1n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const q = n / d;
  const r = n % d;
  const twice = 2n * r;
  const up = twice > d || (twice === d && q % 2n === 1n);
  return sign * (up ? q + 1n : q);
}

/**
 * Converts money between currencies through EUR with exact decimal arithmetic and one explicit
 * rounding (half even) to the target currency's minor unit. `rateFrom`/`rateTo` are units per EUR
 * ("1" for EUR itself).
 */
export function convert(m: Money, to: string, rateFrom: string, rateTo: string): Money {
  const fromExp = currencyOf(m.currency)?.exponent;
  const toExp = currencyOf(to)?.exponent;
  if (fromExp === undefined || toExp === undefined)
    throw new Error(`unknown currency ${m.currency} or ${to}`);
  const f = decimal(rateFrom);
  const t = decimal(rateTo);
  // amount_to = amount_from / 10^fromExp × (t.num / 10^t.scale) / (f.num / 10^f.scale) × 10^toExp
  const num = BigInt(m.amount) * t.num * 10n ** BigInt(f.scale + toExp);
  const den = f.num * 10n ** BigInt(t.scale + fromExp);
  return { amount: Number(roundHalfEven(num, den)), currency: to };
}

/** The effective rate from → to (units of `to` per unit of `from`), as a decimal string for records. */
export function crossRate(rateFrom: string, rateTo: string, digits = 8): string {
  const f = decimal(rateFrom);
  const t = decimal(rateTo);
  const scaled = roundHalfEven(t.num * 10n ** BigInt(f.scale + digits), f.num * 10n ** BigInt(t.scale));
  const s = scaled.toString().padStart(digits + 1, "0");
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`.replace(/\.?0+$/, "") || "0";
}
