import table from "../../reference/currencies.json" with { type: "json" };

/** ISO 4217 currency: its code and how many decimals its minor unit has (JPY 0, EUR 2, KWD 3). */
export interface Currency {
  readonly code: string;
  readonly exponent: number;
  readonly name: string;
}

const currencies: ReadonlyMap<string, Currency> = new Map(
  Object.entries(table.currencies).map(([code, c]) => [code, { code, exponent: c.exponent, name: c.name }]),
);

export function currencyOf(code: string): Currency | undefined {
  return currencies.get(code);
}

export function isCurrencyCode(code: string): boolean {
  return currencies.has(code);
}

export function allCurrencyCodes(): string[] {
  return [...currencies.keys()];
}
