import type { AtRiskCase, ReturnRateReport } from "../app/reports/dashboard.ts";
import type { CostTotal, RefundTotal } from "../app/reports/report-records.ts";
import { type Cell, toCsv } from "../domain/reports/csv.ts";
import type { StepTime } from "../domain/reports/report-figures.ts";
import { moneyJson } from "./present-money.ts";

/** The dashboard's figures as JSON and as CSV (the same figures; money in minor units with its currency). */

export const rateCsv = (r: ReturnRateReport) =>
  toCsv(
    [r.by, "label", "ordered_units", "returned_units", "return_rate"],
    r.rows.map((x): Cell[] => [x.key, x.label, x.orderedUnits, x.returnedUnits, x.rate]),
  );

export const presentRefundTotal = (t: RefundTotal) => ({
  currency: t.currency,
  method: t.method,
  refunded: moneyJson({ amount: t.refundedMinor, currency: t.currency }),
  refundedMinor: t.refundedMinor,
  refundedCount: t.refundedCount,
  inProgress: moneyJson({ amount: t.inProgressMinor, currency: t.currency }),
  inProgressMinor: t.inProgressMinor,
  inProgressCount: t.inProgressCount,
});

export const refundCsv = (totals: readonly RefundTotal[]) =>
  toCsv(
    ["currency", "method", "refunded_minor", "refunded_count", "in_progress_minor", "in_progress_count"],
    totals.map((t): Cell[] => [
      t.currency,
      t.method,
      t.refundedMinor,
      t.refundedCount,
      t.inProgressMinor,
      t.inProgressCount,
    ]),
  );

export const stepCsv = (steps: readonly StepTime[]) =>
  toCsv(
    ["step", "from", "to", "cases", "p50_seconds", "p90_seconds"],
    steps.map((s): Cell[] => [s.step, s.from, s.to, s.cases, s.p50Seconds, s.p90Seconds]),
  );

export const presentCost = (t: CostTotal) => ({
  currency: t.currency,
  carrier: t.carrier,
  cost: moneyJson({ amount: t.costMinor, currency: t.currency }),
  costMinor: t.costMinor,
  labels: t.labels,
});

export const costCsv = (totals: readonly CostTotal[]) =>
  toCsv(
    ["currency", "carrier", "cost_minor", "labels"],
    totals.map((t): Cell[] => [t.currency, t.carrier, t.costMinor, t.labels]),
  );

export const surveyCsv = (r: {
  by: string;
  rows: readonly { key: string | null; answers: number; scores: number[]; mean: number | null }[];
}) =>
  toCsv(
    [r.by, "answers", "score_1", "score_2", "score_3", "score_4", "score_5", "mean"],
    r.rows.map((x): Cell[] => [x.key, x.answers, ...x.scores, x.mean]),
  );

const dueBy = (c: AtRiskCase) => String(c.case.refundDeadline?.dueBy ?? "");

export const presentAtRisk = (c: AtRiskCase) => ({
  id: c.case.id,
  number: c.case.number,
  status: c.case.status,
  risk: c.risk,
  dueBy: dueBy(c) || null,
  vendor: c.case.vendor,
  currency: c.case.currency,
  orderExternalId: c.case.orderExternalId,
  createdAt: c.case.createdAt.toISOString(),
});

export const atRiskCsv = (cases: readonly AtRiskCase[]) =>
  toCsv(
    ["number", "risk", "due_by", "status", "vendor", "order", "id"],
    cases.map((c): Cell[] => [
      c.case.number,
      c.risk,
      dueBy(c) || null,
      c.case.status,
      c.case.vendor,
      c.case.orderExternalId,
      c.case.id,
    ]),
  );
