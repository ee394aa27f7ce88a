import { z } from "zod";
import { currencyOf, isCurrencyCode } from "../../domain/currency.ts";
import { type Money, parseMoney } from "../../domain/money.ts";

/** Reusable field schemas: the API contract and the CSV importer validate with the same ones. */

/** Longest money string: a safe integer (16 digits) with a decimal point and up to 4 decimals, and room. */
export const MONEY_TEXT_MAX = 32;

export const moneyText = z
  .string()
  .max(MONEY_TEXT_MAX, `must be at most ${MONEY_TEXT_MAX} characters`)
  .regex(/^\d+(\.\d+)?$/, 'must be a non-negative decimal string such as "19.90" (JPY "1990", KWD "1.250")');

export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as EUR")
  .refine(isCurrencyCode, { message: "unknown currency" });

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as DE")
  .refine(
    (c) => {
      // zod runs every check, so this one also sees what the regex refused; Intl throws on those.
      if (!/^[A-Z]{2}$/.test(c)) return true;
      const name = regionNames.of(c);
      return name !== undefined && name !== c && !/unknown/i.test(name);
    },
    { message: "unknown country code" },
  );

export const timeZone = z
  .string()
  .max(64, "must be at most 64 characters")
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: "must be an IANA time zone such as Europe/Berlin" },
  );

export const locale = z
  .string()
  .max(35, "must be at most 35 characters")
  .refine(
    (l) => {
      try {
        return Intl.getCanonicalLocales(l).length === 1;
      } catch {
        return false;
      }
    },
    { message: "must be a BCP 47 language tag such as de-DE" },
  );

/** Versions are PostgreSQL integers: anything beyond is no version we ever stored. */
export const MAX_VERSION = 2_147_483_647;
export const versionNumber = z.int().min(1).max(MAX_VERSION);

/** A map keyed by codes (currencies, countries…): bounded like an array. */
export function boundedRecord<K extends z.core.$ZodRecordKey, V extends z.ZodType>(
  key: K,
  value: V,
  max = 300,
) {
  return z
    .record(key, value)
    .refine((r) => Object.keys(r).length <= max, { message: `must have at most ${max} entries` })
    .meta({ maxProperties: max });
}

export const instant = z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time with offset" });

/** Adds an issue for every money string with more decimals than `currency` allows. */
export function checkMoneyFields(
  currency: string,
  fields: readonly (readonly [readonly (string | number)[], string | undefined | null])[],
  ctx: z.RefinementCtx,
): void {
  if (!currencyOf(currency)) return;
  for (const [path, text] of fields) {
    if (text == null) continue;
    const r = parseMoney(text, currency);
    if (!r.ok) ctx.addIssue({ code: "custom", path: [...path], message: r.error });
  }
}

/** Minor units of a money string already checked by the schema. */
export function toMoney(text: string, currency: string): Money {
  const r = parseMoney(text, currency);
  if (!r.ok) throw new Error(`unchecked money ${text}: ${r.error}`);
  return r.value;
}
