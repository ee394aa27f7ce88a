import { formatMoney, parseMoney } from "../../domain/money.ts";

/**
 * Platforms send decimals their own way ("1000.0" JPY, "12.5" EUR, "12.50000" from WooCommerce);
 * the order contract takes the currency's exponent. Trailing zeros are dropped; an amount that
 * does not parse is passed on as given, so the order check names it instead of guessing.
 */
export function decimal(text: string | number | null | undefined): string {
  const s = String(text ?? "0").trim();
  if (!/^\d+\.\d+$/.test(s)) return s || "0";
  const trimmed = s.replace(/0+$/, "").replace(/\.$/, "");
  return trimmed || "0";
}

/** The sum of decimal amounts in a currency, as a decimal string (integer minor units, no floats). */
export function sumDecimals(
  texts: readonly (string | number | null | undefined)[],
  currency: string,
): string {
  let total = 0;
  for (const t of texts) {
    const m = parseMoney(decimal(t), currency);
    if (!m.ok) return decimal(t);
    total += m.value.amount;
  }
  return formatMoney({ amount: total, currency });
}

/** The numeric id at the end of a Shopify GID (gid://shopify/LineItem/123 → "123"). */
export function legacyId(gid: string): string {
  return gid.slice(gid.lastIndexOf("/") + 1);
}
