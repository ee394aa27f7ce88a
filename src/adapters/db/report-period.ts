import { and, eq, or, type SQL, sql } from "drizzle-orm";
import type { ReportScope } from "../../app/reports/report-records.ts";
import { reportRollup as r } from "./schema.ts";

/**
 * Which rollup rows cover a period: whole calendar months inside it from the month grain, the days
 * before the first and after the last whole month from the day grain (so a year costs ~12 + 60 rows
 * per key instead of 365).
 */

const iso = (d: Date) => d.toISOString().slice(0, 10);
const monthStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
const nextMonth = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));

function days(from: Date, to: Date): SQL | null {
  if (from >= to) return null;
  return (
    and(eq(r.grain, "day"), sql`${r.day} >= ${iso(from)}::date`, sql`${r.day} < ${iso(to)}::date`) ?? null
  );
}

export function periodWhere(from: Date, to: Date): SQL {
  const first = monthStart(from).getTime() === from.getTime() ? from : nextMonth(from);
  const last = monthStart(to);
  if (first >= last) return days(from, to) ?? sql`false`;
  const months = and(
    eq(r.grain, "month"),
    sql`${r.day} >= ${iso(first)}::date`,
    sql`${r.day} < ${iso(last)}::date`,
  );
  const parts = [months, days(from, first), days(last, to)].filter((p): p is SQL => Boolean(p));
  return or(...parts) ?? sql`false`;
}

/** The rows of one kind and grouping within the scope (tenant always; vendor and market if given). */
export function rollupWhere(s: ReportScope, kind: string, by: string): SQL {
  const where = [eq(r.merchantId, s.merchantId), eq(r.kind, kind), eq(r.by, by), periodWhere(s.from, s.to)];
  if (s.vendor) where.push(eq(r.vendor, s.vendor));
  if (s.market) where.push(eq(r.market, s.market));
  return and(...where) ?? sql`false`;
}
