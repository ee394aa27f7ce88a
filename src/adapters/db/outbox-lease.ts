import { sql } from "drizzle-orm";
import type { ConsumerProgress, OutboxLease, OutboxRelease } from "../../app/notify/records.ts";
import type { StoredEvent } from "../../app/ports/index.ts";
import { runBuilt } from "./built-sql.ts";
import type { Executor } from "./database.ts";
import { eventTimesWithin, MARK_LAST_AT } from "./event-bounds.ts";
import { toStoredEvent } from "./event-rows.ts";
import type { caseEvents } from "./schema.ts";
import { uuidArray } from "./uuid-array.ts";

type EventRow = typeof caseEvents.$inferSelect;
type EventJson = Omit<EventRow, "at"> & { at: string };
interface ProgressJson {
  consumer: string;
  deliveredSeq: number;
  attempts: number;
  retryAt: string | null;
  lastError: string | null;
}
interface LeaseRow {
  case_id: string;
  merchant_id: string;
  last_seq: number;
  settled_seq: number;
  progress: ProgressJson[];
  events: EventJson[];
}

const EVENT_JSON = `json_build_object('id', e.id, 'caseId', e.case_id, 'merchantId', e.merchant_id, 'seq', e.seq,
  'type', e.type, 'actorKind', e.actor_kind, 'actorId', e.actor_id, 'actorName', e.actor_name, 'at', e.at,
  'reason', e.reason, 'fromStatus', e.from_status, 'toStatus', e.to_status, 'data', e.data)`;

/**
 * Takes the cases (those no live lease holds) and reads, in the same statement, every consumer's
 * progress on each and its first `batch` outstanding events: a relay round of any number of cases
 * starts with one round trip. The rows are locked in key order (two relays taking overlapping sets
 * wait for each other instead of deadlocking).
 */
export async function leaseCases(
  db: Executor,
  caseIds: readonly string[],
  token: string,
  at: Date,
  until: Date,
  batch: number,
): Promise<OutboxLease[]> {
  if (caseIds.length === 0) return [];
  const rows = (await runBuilt(db, "outbox_lease", leaseTemplate, {
    ids: uuidArray(caseIds),
    token,
    at,
    until,
    batch,
  })) as LeaseRow[];
  return rows.map((row) => toLease(row, token));
}

function toLease(row: LeaseRow, token: string): OutboxLease {
  const progress: Record<string, ConsumerProgress> = {};
  for (const p of row.progress)
    progress[p.consumer] = {
      deliveredSeq: p.deliveredSeq,
      attempts: p.attempts,
      retryAt: p.retryAt === null ? null : new Date(p.retryAt),
      lastError: p.lastError,
    };
  const events: StoredEvent[] = row.events.map((e) => toStoredEvent({ ...e, at: new Date(e.at) }));
  return {
    caseId: row.case_id,
    merchantId: row.merchant_id,
    lastSeq: Number(row.last_seq),
    settledSeq: Number(row.settled_seq),
    token,
    progress,
    events,
  };
}

/**
 * Gives the cases back and saves the consumers' progress not saved yet, in one statement; each case
 * only while `token` still holds it. Rows locked in key order, as by the lease.
 */
export async function releaseCases(
  db: Executor,
  token: string,
  at: Date,
  releases: readonly OutboxRelease[],
): Promise<void> {
  if (releases.length === 0) return;
  const items = releases.map((r) => ({
    case_id: r.caseId,
    settled_seq: r.settledSeq,
    retry_at: r.retryAt,
    progress: r.progress.map((p) => ({
      consumer: p.consumer,
      delivered_seq: p.deliveredSeq,
      attempts: p.attempts,
      retry_at: p.retryAt,
      last_error: p.lastError,
    })),
  }));
  await runBuilt(db, "outbox_release", releaseTemplate, { token, at, items: JSON.stringify(items) });
}

const p = (name: string, cast: string) => sql`${sql.placeholder(name)}${sql.raw(cast)}`;

/*
 * The marks are reached by key (`case_id = any(array(…))`, the primary key) in the lease and the release.
 * Written as joins, the plans PostgreSQL kept for them (made while outbox_cases was small) scanned the
 * whole table on every round: a row per case ever opened (auto_explain under the creation load).
 */
const leaseTemplate = () => sql`with picked as (select case_id from outbox_cases
      where case_id = any(${p("ids", "::uuid[]")}) and (lease_until is null or lease_until < ${p("at", "::timestamptz")})
      order by case_id for no key update),
    l as (update outbox_cases m
      set lease_until = ${p("until", "::timestamptz")}, lease_token = ${p("token", "::uuid")}
      where m.case_id = any(array(select case_id from picked))
      returning m.case_id, m.merchant_id, m.last_seq, m.settled_seq, m.first_at, ${MARK_LAST_AT} as last_at)
    select l.case_id, l.merchant_id, l.last_seq, l.settled_seq,
      (select coalesce(json_agg(json_build_object('consumer', p.consumer, 'deliveredSeq', p.delivered_seq,
        'attempts', p.attempts, 'retryAt', p.retry_at, 'lastError', p.last_error)), '[]'::json)
        from outbox_progress p where p.case_id = l.case_id) as progress,
      (select coalesce(json_agg(${sql.raw(EVENT_JSON)} order by e.seq), '[]'::json) from (select * from case_events
        where case_id = l.case_id and seq > l.settled_seq and seq <= l.last_seq
          and ${eventTimesWithin(sql`l.first_at`, sql`l.last_at`)}
        order by seq limit ${p("batch", "::int")}) e) as events
    from l`;

const releaseTemplate = () => sql`with i as (select * from jsonb_to_recordset(${p("items", "::jsonb")})
        as i(case_id uuid, settled_seq int, retry_at timestamptz, progress jsonb)),
    held as (select m.case_id from outbox_cases m where m.case_id = any(array(select case_id from i))
      and m.lease_token = ${p("token", "::uuid")} order by m.case_id for no key update of m),
    r as (update outbox_cases m
      set lease_until = null, lease_token = null, settled_seq = greatest(m.settled_seq, i.settled_seq),
        retry_at = i.retry_at
      from i join held on held.case_id = i.case_id
      where m.case_id = i.case_id and m.lease_token = ${p("token", "::uuid")}
      returning m.case_id)
    insert into outbox_progress (consumer, case_id, delivered_seq, attempts, retry_at, last_error, updated_at)
    select p.consumer, r.case_id, p.delivered_seq, p.attempts, p.retry_at, p.last_error, ${p("at", "::timestamptz")}
    from r join i on i.case_id = r.case_id cross join lateral jsonb_to_recordset(i.progress) as p(consumer text,
      delivered_seq int, attempts int, retry_at timestamptz, last_error text)
    on conflict (consumer, case_id) do update set delivered_seq = excluded.delivered_seq,
      attempts = excluded.attempts, retry_at = excluded.retry_at, last_error = excluded.last_error,
      updated_at = excluded.updated_at`;
