import { sql } from "drizzle-orm";
import type { ConsumerProgress, OutboxLease, SavedProgress } from "../../app/notify/records.ts";
import type { StoredEvent } from "../../app/ports/index.ts";
import { runBuilt } from "./built-sql.ts";
import type { Executor } from "./database.ts";
import { eventTimesWithin, MARK_LAST_AT } from "./event-bounds.ts";
import { toStoredEvent } from "./event-rows.ts";
import type { caseEvents } from "./schema.ts";

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
 * Takes the case (unless a live lease holds it) and reads, in the same statement, every consumer's
 * progress on it and its first `batch` outstanding events: a relay round starts with one round trip
 * instead of three or more (lease, progress per consumer, events).
 */
export async function leaseCase(
  db: Executor,
  caseId: string,
  token: string,
  at: Date,
  until: Date,
  batch: number,
): Promise<OutboxLease | null> {
  const rows = (await runBuilt(db, "outbox_lease", leaseTemplate, {
    caseId,
    token,
    at,
    until,
    batch,
  })) as LeaseRow[];
  const [row] = rows;
  if (!row) return null;
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
    caseId,
    merchantId: row.merchant_id,
    lastSeq: Number(row.last_seq),
    settledSeq: Number(row.settled_seq),
    token,
    progress,
    events,
  };
}

/**
 * Gives the case back (settled up to `settledSeq`, due again at `retryAt`) and saves the consumers'
 * progress not saved yet, in one statement; the progress only while the lease is still ours.
 */
export async function releaseCase(
  db: Executor,
  caseId: string,
  token: string,
  settledSeq: number,
  retryAt: Date | null,
  at: Date,
  progress: readonly SavedProgress[],
): Promise<void> {
  const rows = progress.map((p) => ({
    consumer: p.consumer,
    delivered_seq: p.deliveredSeq,
    attempts: p.attempts,
    retry_at: p.retryAt,
    last_error: p.lastError,
  }));
  const values = { caseId, token, settledSeq, retryAt, at, progress: JSON.stringify(rows) };
  await runBuilt(db, "outbox_release", releaseTemplate, values);
}

const p = (name: string, cast: string) => sql`${sql.placeholder(name)}${sql.raw(cast)}`;

const leaseTemplate = () => sql`with l as (update outbox_cases m
      set lease_until = ${p("until", "::timestamptz")}, lease_token = ${p("token", "::uuid")}
      where case_id = ${p("caseId", "::uuid")} and (lease_until is null or lease_until < ${p("at", "::timestamptz")})
      returning merchant_id, last_seq, settled_seq, first_at, ${MARK_LAST_AT} as last_at)
    select l.merchant_id, l.last_seq, l.settled_seq,
      (select coalesce(json_agg(json_build_object('consumer', p.consumer, 'deliveredSeq', p.delivered_seq,
        'attempts', p.attempts, 'retryAt', p.retry_at, 'lastError', p.last_error)), '[]'::json)
        from outbox_progress p where p.case_id = ${p("caseId", "::uuid")}) as progress,
      (select coalesce(json_agg(${sql.raw(EVENT_JSON)} order by e.seq), '[]'::json) from (select * from case_events
        where case_id = ${p("caseId", "::uuid")} and seq > l.settled_seq and seq <= l.last_seq
          and ${eventTimesWithin(sql`l.first_at`, sql`l.last_at`)}
        order by seq limit ${p("batch", "::int")}) e) as events
    from l`;

const releaseTemplate = () => sql`with r as (update outbox_cases
      set lease_until = null, lease_token = null, settled_seq = greatest(settled_seq, ${p("settledSeq", "::int")}),
        retry_at = ${p("retryAt", "::timestamptz")}
      where case_id = ${p("caseId", "::uuid")} and lease_token = ${p("token", "::uuid")}
      returning case_id)
    insert into outbox_progress (consumer, case_id, delivered_seq, attempts, retry_at, last_error, updated_at)
    select p.consumer, r.case_id, p.delivered_seq, p.attempts, p.retry_at, p.last_error, ${p("at", "::timestamptz")}
    from r, jsonb_to_recordset(${p("progress", "::jsonb")}) as p(consumer text, delivered_seq int,
      attempts int, retry_at timestamptz, last_error text)
    on conflict (consumer, case_id) do update set delivered_seq = excluded.delivered_seq,
      attempts = excluded.attempts, retry_at = excluded.retry_at, last_error = excluded.last_error,
      updated_at = excluded.updated_at`;
