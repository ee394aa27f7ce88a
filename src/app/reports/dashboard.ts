import {
  type RateDimension,
  type ReturnRateRow,
  rateOf,
  returnRates,
  type StepTime,
} from "../../domain/reports/report-figures.ts";
import type { ReturnCase } from "../../domain/return-case.ts";
import type { Deps } from "../ports.ts";
import { listReturns } from "../queries.ts";
import type { RefundTotal, ReportScope } from "./report-records.ts";

/** The managers' dashboard (issue 10 point 7): every figure within one merchant, vendor and market. */

/** The period's days (UTC, both included) and the filters, as the API takes them. */
export interface ReportQuery {
  readonly from: string;
  readonly to: string;
  readonly market?: string | undefined;
  readonly vendor?: string | undefined;
}

const DAY_MS = 86_400_000;

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
}

export async function returnRateReport(
  deps: Deps,
  scope: ReportScope,
  by: RateDimension,
): Promise<ReturnRateReport> {
  const r = deps.store.read.reports;
  const [total, returned] = await Promise.all([r.totalOrderedUnits(scope), r.returnedUnits(scope, by)]);
  const rows =
    by === "reason"
      ? returnRates([], returned, total)
      : returnRates(await r.orderedUnits(scope, by), returned);
  const back = returned.reduce((n, c) => n + c.units, 0);
  return { by, orderedUnits: total, returnedUnits: back, rate: rateOf(back, total), rows };
}

export async function refundReport(deps: Deps, scope: ReportScope): Promise<{ totals: RefundTotal[] }> {
  return { totals: await deps.store.read.reports.refundTotals(scope) };
}

export async function processingTimeReport(deps: Deps, scope: ReportScope): Promise<{ steps: StepTime[] }> {
  return { steps: await deps.store.read.reports.stepTimes(scope) };
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
