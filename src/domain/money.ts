import { currencyOf } from "./currency.ts";
import { err, ok, type Result } from "./result.ts";

/** An amount in integer minor units of its currency. Never a float, never without its currency. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export const money = (amount: number, currency: string): Money => {
  if (!Number.isSafeInteger(amount)) throw new Error(`money amount must be a safe integer, got ${amount}`);
  return { amount, currency };
};

export const zero = (currency: string): Money => ({ amount: 0, currency });

/** `m` times a whole count (units × unit price), checked like every amount. */
export const times = (m: Money, count: number): Money => money(m.amount * count, m.currency);

function exponentOf(currency: string): number {
  const c = currencyOf(currency);
  if (!c) throw new Error(`unknown currency ${currency}`);
  return c.exponent;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal string ("19.90", "1990", "1.250") in a currency into minor units.
 * Refuses negative amounts, unknown currencies and more decimals than the currency allows.
 */
export function parseMoney(text: string, currency: string): Result<Money, string> {
  const c = currencyOf(currency);
  if (!c) return err(`unknown currency "${currency}"`);
  const m = DECIMAL.exec(text);
  if (!m) return err(`must be a non-negative decimal string such as "${example(c.exponent)}"`);
  const whole = m[1] ?? "0";
  const frac = m[2] ?? "";
  if (frac.length > c.exponent) {
    return err(
      c.exponent === 0
        ? `${currency} has no minor unit: no decimals allowed (got "${text}")`
        : `${currency} allows at most ${c.exponent} decimals (got "${text}")`,
    );
  }
  const digits = whole + frac.padEnd(c.exponent, "0");
  const amount = Number(digits);
  if (!Number.isSafeInteger(amount)) return err(`amount "${text}" is too large`);
  return ok({ amount, currency });
}

function example(exponent: number): string {
  return exponent === 0 ? "1990" : `19.${"9".repeat(exponent)}`.slice(0, 3 + exponent);
}

/** Formats minor units as the API's decimal string at the currency's exponent. */
export function formatMoney(m: Money): string {
  const e = exponentOf(m.currency);
  const negative = m.amount < 0;
  const digits = Math.abs(m.amount)
    .toString()
    .padStart(e + 1, "0");
  const text = e === 0 ? digits : `${digits.slice(0, -e)}.${digits.slice(-e)}`;
  return negative ? `-${text}` : text;
}

function same(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new Error(`currency mismatch: ${a.currency} vs ${b.currency}`);
}

export function add(a: Money, b: Money): Money {
  same(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  same(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function sum(currency: string, items: readonly Money[]): Money {
  return items.reduce((acc, m) => add(acc, m), zero(currency));
}

export function minMoney(a: Money, b: Money): Money {
  same(a, b);
  return a.amount <= b.amount ? a : b;
}

/**
 * Splits an amount by integer ratios with largest-remainder (Hamilton) allocation: each part is its
 * exact quota rounded down, and the units left over go to the largest remainders (earlier parts
 * first on ties). The parts always sum exactly to the whole. All-zero ratios give all-zero parts.
 */
export function allocate(m: Money, ratios: readonly number[]): Money[] {
  if (ratios.length === 0) return [];
  if (ratios.some((r) => !Number.isSafeInteger(r) || r < 0))
    throw new Error("ratios must be non-negative integers");
  const total = ratios.reduce((a, r) => a + BigInt(r), 0n);
  if (total === 0n) return ratios.map(() => zero(m.currency));
  const sign = m.amount < 0 ? -1n : 1n;
  const whole = BigInt(m.amount) * sign;
  const quotas = ratios.map((r, index) => ({
    index,
    part: (whole * BigInt(r)) / total,
    rest: (whole * BigInt(r)) % total,
  }));
  let left = whole - quotas.reduce((a, q) => a + q.part, 0n);
  const byRest = [...quotas].sort((a, b) =>
    a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1,
  );
  for (const q of byRest) {
    if (left === 0n) break;
    q.part += 1n;
    left -= 1n;
  }
  return quotas.map((q) => money(Number(q.part * sign), m.currency));
}

/**
 * The amount paid for `count` units of a line starting at unit `from` (0-based), when `total` was
 * paid for `units` units: each unit's share comes from one largest-remainder split, so shares of
 * disjoint unit ranges always add up to the line total, whatever order they are taken in.
 */
export function unitsShare(total: Money, units: number, from: number, count: number): Money {
  if (!Number.isInteger(units) || units < 1) throw new Error("a line has at least one unit");
  if (from < 0 || count < 0 || from + count > units) throw new Error("unit range outside the line");
  // The same result as allocate(total, [1, 1, …]) in O(1): equal quotas, so every remainder ties and
  // the leftover minor units go to the first units.
  const sign = total.amount < 0 ? -1 : 1;
  const whole = BigInt(Math.abs(total.amount));
  const base = whole / BigInt(units);
  const extra = Number(whole - base * BigInt(units));
  const bonus = Math.max(0, Math.min(from + count, extra) - from);
  const share = Number(base) * count + bonus;
  return money(share === 0 ? 0 : sign * share, total.currency);
}
