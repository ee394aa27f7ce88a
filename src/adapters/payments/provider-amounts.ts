import { currencyOf } from "../../domain/currency.ts";
import { type Money, money } from "../../domain/money.ts";
import { err, ok, type Result } from "../../domain/result.ts";

/**
 * Crossback keeps money in ISO 4217 minor units. Payment providers mostly do too, but not always:
 * each one lists currencies whose "minor unit" in its API differs from ISO. Sending ISO minor units
 * for those would refund 100× too much or too little, so every amount goes through here.
 */
export interface ProviderCurrencyRules {
  readonly provider: string;
  /** Decimals the provider's API uses where they differ from ISO 4217. */
  readonly exponents: Readonly<Record<string, number>>;
  /** Amounts (in the provider's minor units) must be a multiple of this, per currency. */
  readonly multipleOf?: Readonly<Record<string, number>>;
}

/**
 * https://docs.stripe.com/currencies ("Zero-decimal currencies", "Three-decimal currencies",
 * "Special cases"): zero-decimal BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF;
 * ISK is sent with two decimals for backwards compatibility (5 ISK = 500); BHD JOD KWD OMR TND
 * have three decimals and "these API calls require the least-significant (last) digit to be 0.
 * Your integration must round amounts to the nearest ten."
 */
export const STRIPE_CURRENCIES: ProviderCurrencyRules = {
  provider: "Stripe",
  exponents: { ISK: 2, MGA: 0 },
  multipleOf: { BHD: 10, JOD: 10, KWD: 10, OMR: 10, TND: 10 },
};

/**
 * https://docs.adyen.com/development-resources/currency-codes: values in minor units; the table
 * marks CLP (2), CVE (0), IDR (0) and ISK (2) as "differs from standard"; KWD, BHD, JOD, OMR, TND
 * have 3 decimals as in ISO, with no last-digit rule.
 */
export const ADYEN_CURRENCIES: ProviderCurrencyRules = {
  provider: "Adyen",
  exponents: { CLP: 2, CVE: 0, IDR: 0, ISK: 2 },
};

/**
 * The provider's integer amount for `m`, or why it cannot be sent as it is. Never rounds: a
 * refund of a different amount than the ledger recorded must be decided upstream, not here.
 */
export function toProviderAmount(m: Money, rules: ProviderCurrencyRules): Result<number, string> {
  const iso = currencyOf(m.currency);
  if (!iso) return err(`unknown currency ${m.currency}`);
  if (!Number.isSafeInteger(m.amount) || m.amount <= 0) {
    return err(`refund amount must be a positive integer of minor units, got ${m.amount}`);
  }
  const exponent = rules.exponents[m.currency] ?? iso.exponent;
  let amount = m.amount;
  if (exponent > iso.exponent) amount = m.amount * 10 ** (exponent - iso.exponent);
  if (exponent < iso.exponent) {
    const factor = 10 ** (iso.exponent - exponent);
    if (m.amount % factor !== 0) {
      return err(
        `${rules.provider} takes ${m.currency} with ${exponent} decimals: ${m.amount} minor units ` +
          `is not a whole multiple of ${factor}`,
      );
    }
    amount = m.amount / factor;
  }
  const step = rules.multipleOf?.[m.currency];
  if (step && amount % step !== 0) {
    const down = amount - (amount % step);
    return err(
      `${rules.provider} requires ${m.currency} amounts to end in 0 (multiples of ${step} minor units); ` +
        `${m.amount} does not. Refund ${down} or ${down + step} instead`,
    );
  }
  if (!Number.isSafeInteger(amount)) return err(`amount ${m.amount} ${m.currency} is too large`);
  return ok(amount);
}

/**
 * Our money for a provider's integer amount (the reverse of `toProviderAmount`), or null when the
 * currency is unknown or the amount does not fit ISO minor units (e.g. 5 ISK sent as 550).
 */
export function fromProviderAmount(
  value: unknown,
  currency: unknown,
  rules: ProviderCurrencyRules,
): Money | null {
  if (typeof currency !== "string" || typeof value !== "number" || !Number.isSafeInteger(value)) return null;
  const code = currency.toUpperCase();
  const iso = currencyOf(code);
  if (!iso) return null;
  const v = value;
  const exponent = rules.exponents[code] ?? iso.exponent;
  if (exponent === iso.exponent) return money(v, code);
  if (exponent < iso.exponent) return money(v * 10 ** (iso.exponent - exponent), code);
  const factor = 10 ** (exponent - iso.exponent);
  return v % factor === 0 ? money(v / factor, code) : null;
}
