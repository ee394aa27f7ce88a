import { convert } from "../fx.ts";
import { allocate, type Money, money, sum, times, zero } from "../money.ts";
import type { ReturnReason } from "../return-reasons.ts";
import { type LaneEstimate, laneDays } from "./lanes.ts";
import type { RoutingSettings } from "./routing-settings.ts";

/**
 * Where an approved return goes: an accepting location (hub, warehouse, vendor) or — when bringing it
 * back costs more than the goods recover — keep-it, donate or liquidate. Pure: every cost arrives as
 * input, and the decision lists every option with its numbers, so it can be shown and frozen.
 */
export interface RouteCandidate {
  readonly code: string;
  readonly kind: "warehouse" | "hub" | "vendor";
  readonly country: string;
  /** Countries it takes returns from ("*": all). */
  readonly accepts: readonly string[];
  /** Handling cost per unit at this location. */
  readonly handling: Money;
  readonly lane: LaneEstimate;
  /** Import duty the return parcel would pay at this destination (case currency). */
  readonly duties: Money;
}

export interface RouteLine {
  readonly lineId: string;
  readonly quantity: number;
  /** What the shopper paid for these units (case currency). */
  readonly value: Money;
  readonly reason: ReturnReason;
}

export interface RoutingInput {
  readonly shopperCountry: string;
  readonly currency: string;
  readonly lines: readonly RouteLine[];
  readonly candidates: readonly RouteCandidate[];
  readonly settings: RoutingSettings;
  /** Units per EUR for each currency the costs use ("1" for EUR); a missing rate rules a cost out. */
  readonly rates: Readonly<Record<string, string>>;
  /** The goods must come back (evidence for a claim, or the merchant wants them): no disposal option. */
  readonly mustReturn: boolean;
}

export type Destination =
  | {
      readonly type: "location";
      readonly code: string;
      readonly kind: RouteCandidate["kind"];
      readonly country: string;
    }
  | { readonly type: "keep_it" | "donate" | "liquidate" }
  /** No accepting location: the goods still have to come back once one exists. */
  | { readonly type: "none" };

export interface RouteOption {
  readonly destination: Destination;
  readonly label: Money;
  readonly duties: Money;
  readonly handling: Money;
  readonly recovery: Money;
  /** recovery − label − duties − handling. */
  readonly net: Money;
  readonly days: number | null;
  /** Why it cannot be chosen, when it cannot. */
  readonly excluded: string | null;
}

export interface RoutingDecision {
  readonly destination: Destination;
  readonly rule: string;
  readonly explanation: string;
  readonly currency: string;
  readonly chosen: RouteOption | null;
  readonly options: readonly RouteOption[];
}

const accepts = (c: RouteCandidate, country: string) =>
  c.accepts.includes("*") || c.accepts.includes(country);

function toCase(m: Money, currency: string, rates: RoutingInput["rates"]): Money | null {
  if (m.currency === currency) return m;
  const from = m.currency === "EUR" ? "1" : rates[m.currency];
  const to = currency === "EUR" ? "1" : rates[currency];
  return from && to ? convert(m, currency, from, to) : null;
}

/** A percentage of an amount without division: the first part of a largest-remainder split. */
export function percentOf(m: Money, percent: number): Money {
  const p = Math.max(0, Math.min(100, Math.round(percent)));
  return allocate(m, [p, 100 - p])[0] ?? zero(m.currency);
}

/** What the goods are expected to recover if they come back (by reason → disposition → share). */
export function expectedRecovery(input: Pick<RoutingInput, "lines" | "settings" | "currency">): Money {
  const s = input.settings;
  return sum(
    input.currency,
    input.lines.map((l) => percentOf(l.value, s.recoveryPercent[s.expectedDisposition[l.reason]])),
  );
}

const minus = (a: Money, ...bs: Money[]): Money =>
  money(
    bs.reduce((x, b) => x - b.amount, a.amount),
    a.currency,
  );

export function locationOption(input: RoutingInput, c: RouteCandidate, recovery: Money): RouteOption {
  const cur = input.currency;
  const units = input.lines.reduce((n, l) => n + l.quantity, 0);
  const destination: Destination = { type: "location", code: c.code, kind: c.kind, country: c.country };
  const label = toCase(money(c.lane.labelCost, c.lane.labelCurrency), cur, input.rates);
  const perUnit = toCase(c.handling, cur, input.rates);
  const duties = toCase(c.duties, cur, input.rates);
  const z = zero(cur);
  if (!accepts(c, input.shopperCountry)) {
    const excluded = `does not accept returns from ${input.shopperCountry}`;
    return {
      destination,
      label: label ?? z,
      duties: duties ?? z,
      handling: z,
      recovery,
      net: z,
      days: laneDays(c.lane),
      excluded,
    };
  }
  if (!label || !perUnit || !duties) {
    const missing = [c.lane.labelCurrency, c.handling.currency, c.duties.currency].filter((x) => x !== cur);
    const excluded = `no exchange rate for ${[...new Set(missing)].join(", ")} → ${cur}`;
    return {
      destination,
      label: z,
      duties: z,
      handling: z,
      recovery,
      net: z,
      days: laneDays(c.lane),
      excluded,
    };
  }
  const handling = { ...times(perUnit, units), currency: cur };
  const excluded = accepts(c, input.shopperCountry)
    ? null
    : `does not accept returns from ${input.shopperCountry}`;
  const net = minus(recovery, label, duties, handling);
  return { destination, label, duties, handling, recovery, net, days: laneDays(c.lane), excluded };
}

export function disposalOptions(input: RoutingInput): RouteOption[] {
  const cur = input.currency;
  const z = zero(cur);
  const s = input.settings;
  const blocked = input.mustReturn ? "the goods must come back" : null;
  const option = (
    type: "keep_it" | "donate" | "liquidate",
    cost: Money | null,
    rec: Money,
    why: string | null,
  ) => {
    const c = cost ?? z;
    return {
      destination: { type },
      label: z,
      duties: z,
      handling: c,
      recovery: rec,
      net: minus(rec, c),
      days: null,
      excluded: blocked ?? why ?? (cost === null ? "no exchange rate for its cost" : null),
    } satisfies RouteOption;
  };
  const out: RouteOption[] = [
    option("keep_it", z, z, s.keepIt ? null : "the merchant does not offer keep-it"),
  ];
  if (s.donate) out.push(option("donate", toCase(s.donate.cost, cur, input.rates), z, null));
  const l = s.liquidate;
  if (l) {
    const why = l.countries.includes(input.shopperCountry)
      ? null
      : `no liquidation partner in ${input.shopperCountry}`;
    const value = sum(
      cur,
      input.lines.map((x) => x.value),
    );
    out.push(option("liquidate", toCase(l.cost, cur, input.rates), percentOf(value, l.percent), why));
  }
  return out;
}
