import { convert, crossRate } from "../domain/fx.ts";
import type { Order } from "../domain/order.ts";
import type { FeeConversion } from "../domain/policy/evaluate-return.ts";
import type { MoneyByCurrency, ReturnPolicy } from "../domain/policy/return-policy.ts";
import { FX_SOURCE } from "./fx-values.ts";
import type { Repos } from "./ports/index.ts";

async function rateOn(
  r: Repos,
  currency: string,
  date: string,
): Promise<{ date: string; rate: string } | null> {
  return currency === "EUR" ? { date, rate: "1" } : r.fx.rateOn(FX_SOURCE, currency, date);
}

/**
 * Gives every policy amount a value in the order's currency: amounts set only in the merchant's
 * currency (or another) are converted at the policy's rule — the order day's rate (`original`) or
 * today's (`current`). Without a rate the amount stays unconverted and does not apply.
 */
export async function localizePolicies(
  r: Repos,
  policies: readonly ReturnPolicy[],
  order: Order,
  settlementCurrency: string,
  at: Date,
): Promise<{ policies: ReturnPolicy[]; conversions: FeeConversion[] }> {
  const conversions: FeeConversion[] = [];
  const out: ReturnPolicy[] = [];
  for (const p of policies) {
    const date = (p.feeRate === "original" ? order.placedAt : at).toISOString().slice(0, 10);
    const local = async (field: string, map: MoneyByCurrency): Promise<MoneyByCurrency> => {
      if (map[order.currency] || Object.keys(map).length === 0) return map;
      const from = map[settlementCurrency] ?? Object.values(map)[0];
      if (!from) return map;
      const a = await rateOn(r, from.currency, date);
      const b = await rateOn(r, order.currency, date);
      if (!a || !b) return map;
      const to = convert(from, order.currency, a.rate, b.rate);
      conversions.push({
        policy: { id: p.id, version: p.version },
        field,
        from,
        to,
        rate: crossRate(a.rate, b.rate),
        rateDate: [a.date, b.date].sort()[0] ?? date,
        rule: p.feeRate,
        source: FX_SOURCE,
      });
      return { ...map, [order.currency]: to };
    };
    const rs = p.restockingFee;
    out.push({
      ...p,
      returnShipping: {
        ...p.returnShipping,
        flatFee: await local("returnShipping.flatFee", p.returnShipping.flatFee),
        freeAbove: await local("returnShipping.freeAbove", p.returnShipping.freeAbove),
      },
      keepItBelow: await local("keepItBelow", p.keepItBelow),
      restockingFee: rs && "fixed" in rs ? { fixed: await local("restockingFee.fixed", rs.fixed) } : rs,
    });
  }
  return { policies: out, conversions };
}
