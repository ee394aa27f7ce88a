import { sql } from "drizzle-orm";
import type { SettlementMethod } from "../../app/ports/index.ts";
import type { RefundTotal, ReportRepo, ReportScope } from "../../app/reports/report-records.ts";
import type { RateDimension, UnitCount } from "../../domain/reports/report-figures.ts";
import { stepTimesFromBuckets } from "../../domain/reports/step-buckets.ts";
import type { Executor } from "./database.ts";
import { rollupWhere } from "./report-period.ts";
import { rollupRepo } from "./rollup-repo.ts";
import { reportRollup as r } from "./schema.ts";

/** The dashboard's figures, read from the rollups (never a scan of orders, cases or events). */

const none = (v: string) => (v === "" ? null : v);

/** Where each dimension lives in the rollup: a grouping of its own, or a column of the totals. */
function grouping(by: RateDimension, s: ReportScope) {
  switch (by) {
    case "product":
      return { by: s.market || s.vendor ? "product" : "all_products", column: r.key };
    case "category":
    case "reason":
      return { by, column: r.key };
    case "market":
      return { by: "total", column: r.market };
    case "vendor":
      return { by: "total", column: r.vendor };
  }
}

async function unitsBy(db: Executor, s: ReportScope, kind: string, dim: RateDimension): Promise<UnitCount[]> {
  const g = grouping(dim, s);
  const rows = await db
    .select({ key: g.column, label: sql<string>`max(${r.label})`, units: sql`sum(${r.n1})` })
    .from(r)
    .where(rollupWhere(s, kind, g.by))
    .groupBy(g.column)
    .having(sql`sum(${r.n1}) <> 0`);
  return rows.map((x) => ({ key: none(x.key), label: x.label ? x.label : null, units: Number(x.units) }));
}

/** Refund settlements per currency and method (and per liable vendor: the case's). */
async function refundTotals(db: Executor, s: ReportScope, byVendor: boolean): Promise<RefundTotal[]> {
  const groups = byVendor ? [r.vendor, r.currency, r.key] : [r.currency, r.key];
  const rows = await db
    .select({
      vendor: byVendor ? r.vendor : sql<string>`''`,
      currency: r.currency,
      method: r.key,
      n1: sql`sum(${r.n1})`,
      n2: sql`sum(${r.n2})`,
      n3: sql`sum(${r.n3})`,
      n4: sql`sum(${r.n4})`,
    })
    .from(r)
    .where(rollupWhere(s, "refund", "method"))
    .groupBy(...groups)
    .having(sql`sum(${r.n2}) + sum(${r.n4}) > 0`)
    .orderBy(...groups);
  return rows.map((x) => ({
    ...(byVendor ? { vendor: none(x.vendor) } : {}),
    currency: x.currency,
    method: x.method as SettlementMethod,
    refundedMinor: Number(x.n1),
    refundedCount: Number(x.n2),
    inProgressMinor: Number(x.n3),
    inProgressCount: Number(x.n4),
  }));
}

export function reportRepo(db: Executor): ReportRepo {
  return {
    orderedUnits: (s, by) => unitsBy(db, s, "ordered", by),
    async totalOrderedUnits(s) {
      const [row] = await db
        .select({ units: sql`coalesce(sum(${r.n1}), 0)` })
        .from(r)
        .where(rollupWhere(s, "ordered", "total"));
      return Number(row?.units ?? 0);
    },
    returnedUnits: (s, by) => unitsBy(db, s, "returned", by),
    refundTotals: (s) => refundTotals(db, s, false),
    refundTotalsByVendor: (s) => refundTotals(db, s, true),
    async stepTimes(s) {
      const rows = await db
        .select({ step: r.key, bucket: r.bucket, cases: sql`sum(${r.n1})`, seconds: sql`sum(${r.n2})` })
        .from(r)
        .where(rollupWhere(s, "step", "step"))
        .groupBy(r.key, r.bucket)
        .having(sql`sum(${r.n1}) > 0`);
      return stepTimesFromBuckets(
        rows.map((x) => ({
          step: x.step,
          bucket: x.bucket,
          cases: Number(x.cases),
          seconds: Number(x.seconds),
        })),
      );
    },
    async costTotals(s) {
      const rows = await db
        .select({ currency: r.currency, carrier: r.key, cost: sql`sum(${r.n1})`, labels: sql`sum(${r.n2})` })
        .from(r)
        .where(rollupWhere(s, "cost", "carrier"))
        .groupBy(r.currency, r.key)
        .having(sql`sum(${r.n2}) > 0`)
        .orderBy(r.currency, r.key);
      return rows.map((x) => ({
        currency: x.currency,
        carrier: none(x.carrier),
        costMinor: Number(x.cost),
        labels: Number(x.labels),
      }));
    },
    async surveyScores(s, by) {
      const g = by === "market" ? r.market : by === "vendor" ? r.vendor : r.key;
      const rows = await db
        .select({ key: g, score: r.bucket, answers: sql`sum(${r.n1})` })
        .from(r)
        .where(rollupWhere(s, "survey", by === "reason" || by === "category" ? by : "total"))
        .groupBy(g, r.bucket)
        .having(sql`sum(${r.n1}) > 0`);
      return rows.map((x) => ({ key: none(x.key), score: x.score, answers: Number(x.answers) }));
    },
    ...rollupRepo(db),
  };
}
