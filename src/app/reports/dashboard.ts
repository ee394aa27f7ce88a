import {
  type RateDimension,
  type ReturnRateRow,
  rateOf,
  returnRates,
  type StepTime,
} from "../../domain/reports/report-figures.ts";
import type { ReturnCase } from "../../domain/return-case.ts";
import type { Deps } from "../ports/index.ts";
import { listReturns } from "../queries.ts";
import type { RefundTotal, ReportScope, SurveyGroup } from "./report-records.ts";
import { rollUpReports } from "./rollups.ts";

/** The managers' dashboard (issue 10 point 7): every figure within one merchant, vendor and market. */

/** The period's days (UTC, both included) and the filters, as the API takes them. */
export interface ReportQuery {
  readonly from: string;
  readonly to: string;
  readonly market?: string | undefined;
  readonly vendor?: string | undefined;
}

const DAY_MS = 86_400_000;

/**
 * Below this many uncounted changes a report request counts them first, so a manager sees their own
 * changes at once. Above it the rollup job is behind (a bulk import, a burst): the request serves the
 * rollups as they are and says how old they are, instead of making every reader pay for the backlog.
 */
export const CATCH_UP_LIMIT = 100;

/**
 * Brings the rollups up to date when that is cheap; returns `asOf`: every change made before it is
 * in the figures (the oldest uncounted change, or now when none waits).
 */
async function current(deps: Deps): Promise<{ asOf: string }> {
  const checked = deps.clock.now();
  const p = await deps.store.read.reports.pending(CATCH_UP_LIMIT);
  if (p.changes === 0) return { asOf: checked.toISOString() };
  if (p.changes <= CATCH_UP_LIMIT && !(await rollUpReports(deps, 1)).busy)
    return { asOf: checked.toISOString() };
  return { asOf: (p.oldest ?? checked).toISOString() };
}

/** A vendor account is held to its own vendor, whatever it asks for. */
export function reportScope(merchantId: string, q: ReportQuery, ownVendor: string | null): ReportScope {
  return {
    merchantId,
    vendor: ownVendor ?? q.vendor ?? null,
    market: q.market ?? null,
    from: new Date(`${q.from}T00:00:00Z`),
    to: new Date(new Date(`${q.to}T00:00:00Z`).getTime() + DAY_MS),
  };
}

export interface ReturnRateReport {
  readonly by: RateDimension;
  readonly orderedUnits: number;
  readonly returnedUnits: number;
  readonly rate: number | null;
  readonly rows: ReturnRateRow[];
  /** Every change made before this time is counted in the figures. */
  readonly asOf: string;
}

export async function returnRateReport(
  deps: Deps,
  scope: ReportScope,
  by: RateDimension,
): Promise<ReturnRateReport> {
  const { asOf } = await current(deps);
  const r = deps.store.read.reports;
  const [total, returned] = await Promise.all([r.totalOrderedUnits(scope), r.returnedUnits(scope, by)]);
  const rows =
    by === "reason"
      ? returnRates([], returned, total)
      : returnRates(await r.orderedUnits(scope, by), returned);
  const back = returned.reduce((n, c) => n + c.units, 0);
  return { by, orderedUnits: total, returnedUnits: back, rate: rateOf(back, total), rows, asOf };
}

/** Refund totals per currency and method; `by: "vendor"` also per liable vendor (marketplace-wide). */
export async function refundReport(
  deps: Deps,
  scope: ReportScope,
  by: "method" | "vendor" = "method",
): Promise<{ totals: RefundTotal[]; asOf: string }> {
  const { asOf } = await current(deps);
  const reports = deps.store.read.reports;
  return {
    totals: await (by === "vendor" ? reports.refundTotalsByVendor(scope) : reports.refundTotals(scope)),
    asOf,
  };
}

export async function processingTimeReport(
  deps: Deps,
  scope: ReportScope,
): Promise<{ steps: StepTime[]; asOf: string }> {
  const { asOf } = await current(deps);
  return { steps: await deps.store.read.reports.stepTimes(scope), asOf };
}

/** Return labels the merchant paid for, per currency and carrier. */
export async function costReport(deps: Deps, scope: ReportScope) {
  const { asOf } = await current(deps);
  return { totals: await deps.store.read.reports.costTotals(scope), asOf };
}

/** Survey answers per score, grouped; with each group's answer count and mean score. */
export async function surveyScoreReport(deps: Deps, scope: ReportScope, by: SurveyGroup) {
  const { asOf } = await current(deps);
  const counts = await deps.store.read.reports.surveyScores(scope, by);
  const groups = new Map<string | null, number[]>();
  for (const c of counts) {
    const scores = groups.get(c.key) ?? [0, 0, 0, 0, 0];
    scores[c.score - 1] = (scores[c.score - 1] ?? 0) + c.answers;
    groups.set(c.key, scores);
  }
  const rows = [...groups.entries()].map(([key, scores]) => {
    const answers = scores.reduce((n, x) => n + x, 0);
    const sum = scores.reduce((n, x, i) => n + x * (i + 1), 0);
    return { key, answers, scores, mean: answers > 0 ? Math.round((sum * 100) / answers) / 100 : null };
  });
  return {
    by,
    rows: rows.sort((a, b) => b.answers - a.answers || String(a.key).localeCompare(String(b.key))),
    asOf,
  };
}

export const AT_RISK_LIMIT = 200;

export interface AtRiskCase {
  readonly case: ReturnCase;
  readonly risk: "approaching" | "overdue";
}

/**
 * Open cases that may miss (or have missed) their statutory refund deadline now — the returns queue's
 * `refundDue` filter, whatever the period; at most AT_RISK_LIMIT of each, overdue first.
 */
export async function atRiskReport(
  deps: Deps,
  scope: Pick<ReportScope, "merchantId" | "vendor" | "market">,
): Promise<{ overdue: number; approaching: number; truncated: boolean; cases: AtRiskCase[] }> {
  const filter = {
    limit: AT_RISK_LIMIT,
    sort: "oldest" as const,
    ...(scope.vendor ? { vendor: scope.vendor } : {}),
    ...(scope.market ? { market: scope.market } : {}),
  };
  const [overdue, approaching] = await Promise.all(
    (["overdue", "approaching"] as const).map((refundDue) =>
      listReturns(deps, scope.merchantId, { ...filter, refundDue }),
    ),
  );
  const cases = [
    ...(overdue?.items ?? []).map((c) => ({ case: c, risk: "overdue" as const })),
    ...(approaching?.items ?? []).map((c) => ({ case: c, risk: "approaching" as const })),
  ];
  return {
    overdue: overdue?.items.length ?? 0,
    approaching: approaching?.items.length ?? 0,
    truncated: Boolean(overdue?.nextCursor || approaching?.nextCursor),
    cases,
  };
}
