import { sql } from "drizzle-orm";
import type { RollupRepo } from "../../app/reports/report-records.ts";
import type { Executor } from "./database.ts";
import { CONTRIB_COLUMNS, caseContrib, orderedContrib } from "./report-contrib.ts";
import { applyCases, applyOrders, sumByGrain, tryRollupLock } from "./rollup-apply.ts";
import { reportQueue } from "./schema.ts";

type Rows<T> = { rows: T[] };
const one = async <T>(db: Executor, q: ReturnType<typeof sql>) =>
  ((await db.execute(q)) as unknown as Rows<T>).rows[0];

/** Keeping the rollups and the event partitions: the writer side of the reports. */
export function rollupRepo(db: Executor): RollupRepo {
  return {
    async rollUp(limit) {
      if (!(await tryRollupLock(db))) return null;
      // The count's statement spans every event partition: planned once per connection, not per count
      // (16 ms of planning per count with custom plans, pg_stat_statements).
      await db.execute(sql`set local plan_cache_mode = force_generic_plan`);
      const orders = await applyOrders(db, limit);
      const cases = await applyCases(db, limit);
      return { orders, cases };
    },
    async rebuild(merchantId) {
      await db.execute(sql`select pg_advisory_xact_lock(7212004)`);
      const m = merchantId ? sql`= ${merchantId}::uuid` : sql`is not null`;
      await db.execute(sql`delete from report_rollup where merchant_id ${m}`);
      await db.execute(sql`delete from report_contrib where merchant_id ${m}`);
      // Marked first: whatever commits from here on is newer than the mark and is counted again.
      await db.execute(
        sql`update orders set rolled_hash = content_hash
          where merchant_id ${m} and rolled_hash is distinct from content_hash`,
      );
      await db.execute(sql`delete from report_queue where merchant_id ${m}`);
      await db.execute(
        sql`insert into report_contrib (${CONTRIB_COLUMNS}) ${orderedContrib(sql`o.merchant_id ${m}`)}`,
      );
      await db.execute(
        sql`insert into report_contrib (${CONTRIB_COLUMNS}) ${caseContrib(sql`c.merchant_id ${m}`)}`,
      );
      await db.execute(sql`insert into report_rollup
          (merchant_id, kind, by, grain, day, key, market, vendor, currency, bucket, n1, n2, n3, n4, label)
        ${sumByGrain(sql.raw("report_contrib"), sql`merchant_id ${m}`)}`);
      const row = await one<{ n: number }>(
        db,
        sql`select count(*)::int as n from report_rollup where merchant_id ${m}`,
      );
      return Number(row?.n ?? 0);
    },
    async pending(limit) {
      const row = await one<{ cases: number; orders: number; oldest: Date | string | null }>(
        db,
        sql`select
          (select count(*)::int from (select 1 from report_queue limit ${limit + 1}) c) as cases,
          (select count(*)::int from (select 1 from orders where rolled_hash is distinct from content_hash order by updated_at limit ${limit + 1}) o) as orders,
          least((select min(at) from report_queue),
            (select min(updated_at) from orders where rolled_hash is distinct from content_hash)) as oldest`,
      );
      return {
        changes: Number(row?.cases ?? 0) + Number(row?.orders ?? 0),
        oldest: row?.oldest ? new Date(row.oldest) : null,
      };
    },
    async tidyAfterRebuild() {
      await db.execute(sql`vacuum (analyze) report_rollup, report_contrib, report_queue, orders`);
    },
    async backlog(now) {
      const row = await one<{ cases: number; orders: number; oldest: Date | string | null }>(
        db,
        sql`select (select count(distinct case_id)::int from report_queue) as cases,
          (select count(*)::int from orders where rolled_hash is distinct from content_hash) as orders,
          (select min(at) from report_queue) as oldest`,
      );
      const oldest = row?.oldest ? new Date(row.oldest) : null;
      return {
        cases: Number(row?.cases ?? 0),
        orders: Number(row?.orders ?? 0),
        lagSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0,
      };
    },
    async recount(merchantId, caseId, at) {
      await db.insert(reportQueue).values({ merchantId, caseId, at });
    },
    async ensurePartitions(from, months) {
      const row = await one<{ made: number }>(
        db,
        sql`select crossback_event_partitions(${from.toISOString().slice(0, 10)}::date, ${months}) as made`,
      );
      return Number(row?.made ?? 0);
    },
  };
}
