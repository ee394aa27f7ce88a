import { and, eq, gte, lt, ne, notInArray, sql } from "drizzle-orm";
import type { SettlementMethod } from "../../app/ports.ts";
import type { RefundTotal, ReportRepo, ReportScope } from "../../app/reports/report-records.ts";
import type { Executor } from "./database.ts";
import { orderedUnits, returnedUnits, totalOrderedUnits } from "./report-rates.ts";
import { caseScope } from "./report-scope.ts";
import { stepTimes } from "./report-steps.ts";
import { returnCases, settlements } from "./schema.ts";

/** Settlements that moved no money and never will. */
const DEAD = ["failed", "cancelled", "reversed"];

async function refundTotals(db: Executor, s: ReportScope): Promise<RefundTotal[]> {
  const done = sql`${settlements.status} = 'succeeded'`;
  const rows = await db
    .select({
      currency: settlements.currency,
      method: settlements.method,
      refunded: sql`coalesce(sum(${settlements.amount}) filter (where ${done}), 0)`,
      refundedCount: sql`count(*) filter (where ${done})`,
      open: sql`coalesce(sum(${settlements.amount}) filter (where not ${done}), 0)`,
      openCount: sql`count(*) filter (where not ${done})`,
    })
    .from(settlements)
    .innerJoin(returnCases, eq(returnCases.id, settlements.caseId))
    .where(
      and(
        eq(settlements.merchantId, s.merchantId),
        gte(settlements.createdAt, s.from),
        lt(settlements.createdAt, s.to),
        ne(settlements.method, "payment_request"),
        notInArray(settlements.status, DEAD),
        ...caseScope(s),
      ),
    )
    .groupBy(settlements.currency, settlements.method)
    .orderBy(settlements.currency, settlements.method);
  return rows.map((r) => ({
    currency: r.currency,
    method: r.method as SettlementMethod,
    refundedMinor: Number(r.refunded),
    refundedCount: Number(r.refundedCount),
    inProgressMinor: Number(r.open),
    inProgressCount: Number(r.openCount),
  }));
}

export function reportRepo(db: Executor): ReportRepo {
  return {
    orderedUnits: (s, by) => orderedUnits(db, s, by),
    totalOrderedUnits: (s) => totalOrderedUnits(db, s),
    returnedUnits: (s, by) => returnedUnits(db, s, by),
    refundTotals: (s) => refundTotals(db, s),
    stepTimes: (s) => stepTimes(db, s),
  };
}
