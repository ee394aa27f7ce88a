/**
 * The managers' dashboard's figures (issue 10 point 7), pure: the dimensions a return rate is broken
 * down by, the steps a case's processing time is measured over, and the rate of a row.
 */

export const RATE_DIMENSIONS = ["product", "category", "market", "vendor", "reason"] as const;
export type RateDimension = (typeof RATE_DIMENSIONS)[number];

/** Ordered units of orders placed in the period, and how many of them came (or are coming) back. */
export interface UnitCount {
  /** The product's SKU, category, vendor code, shipping country or return reason; null: none recorded. */
  readonly key: string | null;
  /** A readable name where one exists (the product's title). */
  readonly label: string | null;
  readonly units: number;
}

export interface ReturnRateRow {
  readonly key: string | null;
  readonly label: string | null;
  readonly orderedUnits: number;
  readonly returnedUnits: number;
  /** returnedUnits / orderedUnits, rounded to 4 decimals (0.1234 = 12.34 %); null without orders. */
  readonly rate: number | null;
}

export const rateOf = (returned: number, ordered: number): number | null =>
  ordered > 0 ? Math.round((returned * 10_000) / ordered) / 10_000 : null;

/**
 * Joins ordered and returned units per key. For `reason` every row's denominator is every unit
 * ordered in the period (`totalOrdered`): a reason has no orders of its own.
 */
export function returnRates(
  ordered: readonly UnitCount[],
  returned: readonly UnitCount[],
  totalOrdered?: number,
): ReturnRateRow[] {
  const rows = new Map<string | null, { label: string | null; ordered: number; returned: number }>();
  const row = (c: UnitCount) => {
    const found = rows.get(c.key);
    if (found) {
      found.label ??= c.label;
      return found;
    }
    const r = { label: c.label, ordered: totalOrdered ?? 0, returned: 0 };
    rows.set(c.key, r);
    return r;
  };
  if (totalOrdered === undefined) for (const c of ordered) row(c).ordered += c.units;
  for (const c of returned) row(c).returned += c.units;
  return [...rows.entries()]
    .map(([key, r]) => ({
      key,
      label: r.label,
      orderedUnits: r.ordered,
      returnedUnits: r.returned,
      rate: rateOf(r.returned, r.ordered),
    }))
    .sort(
      (a, b) =>
        (b.rate ?? -1) - (a.rate ?? -1) ||
        b.returnedUnits - a.returnedUnits ||
        String(a.key ?? "").localeCompare(String(b.key ?? "")),
    );
}

/** The case events whose first occurrence marks each milestone of a case. */
export const MILESTONES = {
  created: "return.requested",
  approved: "return.approved",
  shipped: "return.shipped",
  received: "return.received",
  inspected: "return.inspected",
  refunded: "refund.issued",
} as const;
export type Milestone = keyof typeof MILESTONES;

/** Each step runs from one milestone to the next; `total` from the request to the first refund. */
export const STEPS = [
  { step: "approval", from: "created", to: "approved" },
  { step: "shipping", from: "approved", to: "shipped" },
  { step: "transit", from: "shipped", to: "received" },
  { step: "inspection", from: "received", to: "inspected" },
  { step: "refund", from: "inspected", to: "refunded" },
  { step: "total", from: "created", to: "refunded" },
] as const satisfies readonly { step: string; from: Milestone; to: Milestone }[];
export type Step = (typeof STEPS)[number]["step"];

export interface StepTime {
  readonly step: Step;
  readonly from: Milestone;
  readonly to: Milestone;
  /** Cases that reached both milestones, in order, in the period. */
  readonly cases: number;
  readonly p50Seconds: number | null;
  readonly p90Seconds: number | null;
}
