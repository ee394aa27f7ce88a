/** The dashboard's reports as the API answers them (GET /api/v1/reports/…). */

export const DIMENSIONS = ["product", "category", "market", "vendor", "reason"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const STEPS = ["approval", "shipping", "transit", "inspection", "refund", "total"] as const;

export interface RateRow {
  readonly key: string | null;
  readonly label: string | null;
  readonly orderedUnits: number;
  readonly returnedUnits: number;
  readonly rate: number | null;
}

export interface RateReport {
  readonly by: Dimension;
  readonly orderedUnits: number;
  readonly returnedUnits: number;
  readonly rate: number | null;
  readonly rows: readonly RateRow[];
}

interface Money {
  readonly amount: string;
  readonly currency: string;
}

export interface RefundTotal {
  readonly currency: string;
  readonly method: string;
  readonly refunded: Money;
  readonly refundedCount: number;
  readonly inProgress: Money;
  readonly inProgressCount: number;
}

export interface StepTime {
  readonly step: (typeof STEPS)[number];
  readonly cases: number;
  readonly p50Seconds: number | null;
  readonly p90Seconds: number | null;
}

export interface AtRiskCase {
  readonly id: string;
  readonly number: string;
  readonly status: string;
  readonly risk: "approaching" | "overdue";
  readonly dueBy: string | null;
  readonly vendor: string | null;
}

export interface AtRisk {
  readonly overdue: number;
  readonly approaching: number;
  readonly truncated: boolean;
  readonly cases: readonly AtRiskCase[];
}

/** The page's filters (its URL's query): days as YYYY-MM-DD. */
export interface Period {
  readonly from: string;
  readonly to: string;
  readonly market: string;
  readonly vendor: string;
  readonly by: Dimension;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function periodFromSearch(search: string, now = new Date()): Period {
  const q = new URLSearchParams(search);
  const to = q.get("to") || iso(now);
  const from = q.get("from") || iso(new Date(Date.parse(`${to}T00:00:00Z`) - 89 * 86_400_000));
  const by = DIMENSIONS.find((d) => d === q.get("by")) ?? "product";
  return { from, to, market: q.get("market") ?? "", vendor: q.get("vendor") ?? "", by };
}

/** The query string of a report, optionally as CSV. */
export function reportQuery(p: Period, extra: Record<string, string> = {}, withPeriod = true): string {
  const q = new URLSearchParams();
  if (withPeriod) {
    q.set("from", p.from);
    q.set("to", p.to);
  }
  if (p.market) q.set("market", p.market);
  if (p.vendor) q.set("vendor", p.vendor);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}
