import { z } from "zod";
import { currencyOf, isCurrencyCode } from "../../domain/currency.ts";
import { type Money, parseMoney } from "../../domain/money.ts";

/** Reusable field schemas: the API contract and the CSV importer validate with the same ones. */

export const moneyText = z
  .string()
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
      const name = regionNames.of(c);
      return name !== undefined && name !== c && !/unknown/i.test(name);
    },
    { message: "unknown country code" },
  );

export const timeZone = z.string().refine(
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

export const locale = z.string().refine(
  (l) => {
    try {
      return Intl.getCanonicalLocales(l).length === 1;
    } catch {
      return false;
    }
  },
  { message: "must be a BCP 47 language tag such as de-DE" },
);

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
