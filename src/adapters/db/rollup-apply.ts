import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "./database.ts";
import { CONTRIB_COLUMNS, caseContrib, orderedContrib } from "./report-contrib.ts";
import { uuidArray } from "./uuid-array.ts";

/**
 * Applies changed orders and cases to the report rollups: each source's new contribution replaces
 * its old one in `report_contrib`, and only the difference is added to `report_rollup`, at day and
 * at month grain. Idempotent (a repeat adds zero) and one statement per batch.
 */

const DIMS = sql.raw("merchant_id, kind, by, day, key, market, vendor, currency, bucket");
const ROLLUP_KEY = sql.raw("merchant_id, kind, by, grain, day, key, market, vendor, currency, bucket");

/** Sums rows shaped like report_contrib into both grains (a day, and its month). */
export function sumByGrain(from: SQL, where: SQL = sql`true`): SQL {
  return sql`select merchant_id, kind, by, g.grain,
      case g.grain when 'day' then day else date_trunc('month', day)::date end as period,
      key, market, vendor, currency, bucket, sum(n1), sum(n2), sum(n3), sum(n4), max(label)
    from ${from} cross join (values ('day'), ('month')) g(grain)
    where ${where}
    group by merchant_id, kind, by, g.grain, period, key, market, vendor, currency, bucket`;
}

/** Adds rows shaped like report_contrib (in the CTE `delta`) to both grains of the rollup. */
function addToRollup(): SQL {
  return sql`insert into report_rollup (${ROLLUP_KEY}, n1, n2, n3, n4, label)
    ${sumByGrain(sql.raw("delta"))}
    on conflict (${ROLLUP_KEY}) do update set n1 = report_rollup.n1 + excluded.n1,
      n2 = report_rollup.n2 + excluded.n2, n3 = report_rollup.n3 + excluded.n3,
      n4 = report_rollup.n4 + excluded.n4,
      label = case when excluded.label <> '' then excluded.label else report_rollup.label end`;
}

/** Replaces the contributions of `ids` by `fresh` (a SELECT of report_contrib's columns). */
export async function replaceContributions(db: Executor, ids: readonly string[], fresh: SQL): Promise<void> {
  if (ids.length === 0) return;
  const list = sql`${uuidArray(ids)}::uuid[]`;
  await db.execute(sql`with fresh (${CONTRIB_COLUMNS}) as (${fresh}),
    old as (delete from report_contrib where source_id = any(${list}) returning *),
    kept as (insert into report_contrib (${CONTRIB_COLUMNS}) select * from fresh),
    delta as (
      select ${DIMS}, sum(n1) as n1, sum(n2) as n2, sum(n3) as n3, sum(n4) as n4, max(label) as label from (
        select ${DIMS}, n1, n2, n3, n4, label from fresh
        union all select ${DIMS}, -n1, -n2, -n3, -n4, label from old) d
      group by ${DIMS} having sum(n1) <> 0 or sum(n2) <> 0 or sum(n3) <> 0 or sum(n4) <> 0)
    ${addToRollup()}`);
}

type Rows<T> = { rows: T[] };

/**
 * Orders whose content changed since they were counted: recounted, then marked with what was seen.
 * One a request holds now is left for the next count rather than waited for.
 */
export async function applyOrders(db: Executor, limit: number): Promise<number> {
  const seen = await db.execute(sql`select id, content_hash from orders
    where rolled_hash is distinct from content_hash order by updated_at limit ${limit}
    for update skip locked`);
  const rows = (seen as unknown as Rows<{ id: string; content_hash: string }>).rows;
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return 0;
  await replaceContributions(db, ids, orderedContrib(sql`o.id = any(${uuidArray(ids)}::uuid[])`));
  await db.execute(sql`update orders set rolled_hash = v.hash
    from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ id: r.id, hash: r.content_hash })))}::jsonb)
      as v(id uuid, hash text)
    where orders.id = v.id`);
  return ids.length;
}

/** Cases queued since they were counted (new events, or a recount): taken off the queue, recounted. */
export async function applyCases(db: Executor, limit: number): Promise<number> {
  const taken = await db.execute(sql`with picked as (
      select id from report_queue order by id limit ${limit} for update skip locked)
    delete from report_queue q using picked where q.id = picked.id returning q.case_id`);
  const rows = (taken as unknown as Rows<{ case_id: string }>).rows;
  const ids = [...new Set(rows.map((r) => r.case_id))];
  if (ids.length === 0) return 0;
  await replaceContributions(db, ids, caseContrib(sql`c.id = any(${uuidArray(ids)}::uuid[])`));
  return rows.length;
}

/** One rollup writer at a time across every process (a transaction-scoped advisory lock). */
export async function tryRollupLock(db: Executor): Promise<boolean> {
  const r = await db.execute(sql`select pg_try_advisory_xact_lock(7212004) as ok`);
  return Boolean((r as unknown as Rows<{ ok: boolean }>).rows[0]?.ok);
}
