import { describe, expect, it } from "vitest";
import {
  ADYEN_CURRENCIES,
  STRIPE_CURRENCIES,
  toProviderAmount,
} from "../../../src/adapters/payments/provider-amounts.ts";

const m = (amount: number, currency: string) => ({ amount, currency });

describe("toProviderAmount", () => {
  it("passes ISO minor units through where the provider agrees (EUR, JPY, KWD)", () => {
    for (const rules of [STRIPE_CURRENCIES, ADYEN_CURRENCIES]) {
      expect(toProviderAmount(m(1_990, "EUR"), rules)).toEqual({ ok: true, value: 1_990 });
      expect(toProviderAmount(m(4_500, "JPY"), rules)).toEqual({ ok: true, value: 4_500 });
      expect(toProviderAmount(m(5_130, "KWD"), rules)).toEqual({ ok: true, value: 5_130 });
    }
  });

  it("Stripe: three-decimal amounts must end in 0, and the error says what to send instead", () => {
    const r = toProviderAmount(m(5_125, "KWD"), STRIPE_CURRENCIES);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/KWD.*end in 0.*Refund 5120 or 5130/);
    expect(toProviderAmount(m(5_125, "KWD"), ADYEN_CURRENCIES)).toEqual({ ok: true, value: 5_125 });
  });

  it("scales currencies whose provider exponent differs from ISO", () => {
    expect(toProviderAmount(m(499, "ISK"), STRIPE_CURRENCIES)).toEqual({ ok: true, value: 49_900 });
    expect(toProviderAmount(m(499, "ISK"), ADYEN_CURRENCIES)).toEqual({ ok: true, value: 49_900 });
    expect(toProviderAmount(m(1_500, "CLP"), ADYEN_CURRENCIES)).toEqual({ ok: true, value: 150_000 });
    expect(toProviderAmount(m(150_000, "IDR"), ADYEN_CURRENCIES)).toEqual({ ok: true, value: 1_500 });
    expect(toProviderAmount(m(150_050, "IDR"), ADYEN_CURRENCIES).ok).toBe(false);
    expect(toProviderAmount(m(2_000, "MGA"), STRIPE_CURRENCIES)).toEqual({ ok: true, value: 20 });
  });

  it("refuses unknown currencies and non-positive or fractional amounts", () => {
    expect(toProviderAmount(m(100, "XXQ"), STRIPE_CURRENCIES).ok).toBe(false);
    expect(toProviderAmount(m(0, "EUR"), STRIPE_CURRENCIES).ok).toBe(false);
    expect(toProviderAmount(m(-5, "EUR"), ADYEN_CURRENCIES).ok).toBe(false);
    expect(toProviderAmount(m(1.5, "EUR"), ADYEN_CURRENCIES).ok).toBe(false);
  });
});
