import { convert, crossRate } from "../domain/fx.ts";
import type { Money } from "../domain/money.ts";
import type { Repos, SettlementFx } from "./ports/index.ts";

export const FX_SOURCE = "ECB";

async function rate(
  r: Repos,
  currency: string,
  date: string,
): Promise<{ date: string; rate: string } | null> {
  if (currency === "EUR") return { date, rate: "1" };
  return r.fx.rateOn(FX_SOURCE, currency, date);
}

/**
 * What a refund is worth in the merchant's settlement currency on the refund day, and what the same
 * money was worth on the capture day: the difference is the FX gain (positive) or loss.
 * Null when the rate table has no rate for the currencies (import ECB rates: `crossback fx import`).
 */
export async function settlementFx(
  r: Repos,
  amount: Money,
  settlementCurrency: string,
  refundedAt: Date,
  capturedAt: Date | null,
): Promise<SettlementFx | null> {
  const day = refundedAt.toISOString().slice(0, 10);
  const from = await rate(r, amount.currency, day);
  const to = await rate(r, settlementCurrency, day);
  if (!from || !to) return null;
  const value = convert(amount, settlementCurrency, from.rate, to.rate);
  let atCapture: number | null = null;
  if (capturedAt) {
    const cday = capturedAt.toISOString().slice(0, 10);
    const cf = await rate(r, amount.currency, cday);
    const ct = await rate(r, settlementCurrency, cday);
    if (cf && ct) atCapture = convert(amount, settlementCurrency, cf.rate, ct.rate).amount;
  }
  return {
    currency: settlementCurrency,
    amount: value.amount,
    rate: crossRate(from.rate, to.rate),
    rateDate: [from.date, to.date].sort()[0] ?? from.date,
    source: FX_SOURCE,
    amountAtCapture: atCapture,
    gainLoss: atCapture === null ? null : atCapture - value.amount,
  };
}
