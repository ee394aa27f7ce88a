import { customsTerritory } from "./territories.ts";

/**
 * Lanes: how long a return parcel takes from the shopper's country to a location, and what its label
 * costs, from the reference table (reference/logistics/lanes.json), overridable per merchant and location.
 */
export interface LaneEstimate {
  /** Carrier transit time in days. */
  readonly transitDays: number;
  /** Customs clearance time in days (0 inside one customs territory). */
  readonly clearanceDays: number;
  /** Estimated label cost, in minor units of `labelCurrency`. */
  readonly labelCost: number;
  readonly labelCurrency: string;
  /** Where the numbers come from: "merchant" override or the reference row's key. */
  readonly source: string;
}

/** One row of the reference table: `from`/`to` are countries, "EU" (the customs union) or "*". */
export interface LaneRow {
  readonly from: string;
  readonly to: string;
  readonly transitDays: number;
  readonly clearanceDays: number;
  readonly labelCost: number;
  readonly labelCurrency: string;
}

export type LaneOverride = Partial<Omit<LaneEstimate, "source">>;

const keyOf = (r: Pick<LaneRow, "from" | "to">) => `${r.from}>${r.to}`;

/** How well a row matches a lane: exact countries beat the customs union, which beats "*". */
function score(row: LaneRow, from: string, to: string): number {
  const part = (pattern: string, country: string): number =>
    pattern === country
      ? 4
      : pattern === "EU" && customsTerritory(country) === "EU"
        ? 2
        : pattern === "*"
          ? 1
          : 0;
  const a = part(row.from, from);
  const b = part(row.to, to);
  if (a === 0 || b === 0) return 0;
  // A domestic row ("=") applies only inside one country.
  return a * 8 + b;
}

/**
 * The estimate for a parcel from `from` (shopper's country) to `to` (location's country): the best
 * matching reference row, with the merchant's override for this location and shopper country on top.
 * Null when no row matches (the table always has a "*>*" row, so only for a broken table).
 */
export function laneEstimate(
  rows: readonly LaneRow[],
  from: string,
  to: string,
  override?: LaneOverride | null,
): LaneEstimate | null {
  let best: LaneRow | null = null;
  let bestScore = 0;
  for (const row of rows) {
    if (row.from === "=" || row.to === "=") continue;
    const s = score(row, from, to);
    if (s > bestScore) {
      best = row;
      bestScore = s;
    }
  }
  const domestic = from === to ? rows.find((r) => r.from === "=" && r.to === "=") : undefined;
  const base = domestic && bestScore < 4 * 8 + 4 ? domestic : best;
  if (!base) return null;
  const estimate: LaneEstimate = {
    transitDays: base.transitDays,
    clearanceDays: customsTerritory(from) === customsTerritory(to) ? 0 : base.clearanceDays,
    labelCost: base.labelCost,
    labelCurrency: base.labelCurrency,
    source: `reference:${keyOf(base)}`,
  };
  if (!override || Object.keys(override).length === 0) return estimate;
  return { ...estimate, ...override, source: "merchant" };
}

/** Days a parcel on this lane should take end to end. */
export const laneDays = (l: Pick<LaneEstimate, "transitDays" | "clearanceDays">): number =>
  l.transitDays + l.clearanceDays;
