import { and, gte, lt, sql } from "drizzle-orm";
import type { ReportScope } from "../../app/reports/report-records.ts";
import { MILESTONES, STEPS, type StepTime } from "../../domain/reports/report-figures.ts";
import type { Executor } from "./database.ts";
import { caseScope } from "./report-scope.ts";
import { caseEvents, returnCases } from "./schema.ts";

type Row = { step: string; cases: unknown; p50: unknown; p90: unknown };

/**
 * Processing time per step, p50 and p90 in seconds (percentile_cont, interpolated), of cases opened in
 * the period: each milestone is the first event of its type; a step counts only cases that reached
 * both of its milestones, in that order.
 */
export async function stepTimes(db: Executor, s: ReportScope): Promise<StepTime[]> {
  const firsts = Object.entries(MILESTONES).map(
    ([name, type]) =>
      sql`min(${caseEvents.at}) filter (where ${caseEvents.type} = ${type}) as ${sql.identifier(name)}`,
  );
  const steps = STEPS.map(
    (st) => sql`select ${st.step}::text as step,
      extract(epoch from (${sql.identifier(st.to)} - ${sql.identifier(st.from)}))::float8 as seconds
      from firsts where ${sql.identifier(st.to)} >= ${sql.identifier(st.from)}`,
  );
  const scope = and(gte(returnCases.createdAt, s.from), lt(returnCases.createdAt, s.to), ...caseScope(s));
  const result = await db.execute(sql`
    with firsts as (
      select ${caseEvents.caseId}, ${sql.join(firsts, sql`, `)}
      from ${caseEvents} join ${returnCases} on ${returnCases.id} = ${caseEvents.caseId}
      where ${caseEvents.merchantId} = ${s.merchantId} and ${scope}
      group by ${caseEvents.caseId}
    ), steps as (${sql.join(steps, sql` union all `)})
    select step, count(*) as cases,
      percentile_cont(0.5) within group (order by seconds) as p50,
      percentile_cont(0.9) within group (order by seconds) as p90
    from steps group by step`);
  const rows = (result as unknown as { rows: Row[] }).rows;
  return STEPS.map((st) => {
    const r = rows.find((x) => x.step === st.step);
    const secs = (v: unknown) => (r && v !== null ? Math.round(Number(v)) : null);
    return { ...st, cases: Number(r?.cases ?? 0), p50Seconds: secs(r?.p50), p90Seconds: secs(r?.p90) };
  });
}
