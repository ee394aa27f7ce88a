import { type SQL, sql } from "drizzle-orm";
import type { CaseEvent } from "../../domain/return-case.ts";

/** What an append binds: each a value, or a `sql.placeholder` of a statement built once (built-sql.ts). */
export interface AppendBinds {
  readonly caseId: unknown;
  readonly merchantId: unknown;
  readonly start: unknown;
  readonly count: unknown;
  readonly at: unknown;
  readonly firstAt: unknown;
  readonly events: unknown;
}

/** The placeholders of an append built once; `appendValues` gives their values. */
export const APPEND_PLACEHOLDERS: AppendBinds = {
  caseId: sql.placeholder("caseId"),
  merchantId: sql.placeholder("merchantId"),
  start: sql.placeholder("start"),
  count: sql.placeholder("count"),
  at: sql.placeholder("at"),
  firstAt: sql.placeholder("firstAt"),
  events: sql.placeholder("events"),
};

export function appendValues(
  c: { readonly id: string; readonly merchantId: string },
  events: readonly CaseEvent[],
  start: number | null,
) {
  return {
    caseId: c.id,
    merchantId: c.merchantId,
    start,
    ...markBounds(c.id, events),
    events: JSON.stringify(eventRows(events)),
  };
}

/** How many events an append adds to the case `caseId`, and the earliest and latest of their times. */
export function markBounds(caseId: string, events: readonly CaseEvent[]) {
  // Every caller appends at least one event (case-repo.ts skips the statement without any).
  if (events.length === 0) throw new Error(`no events to append to case ${caseId}`);
  // Events come in time order, but a clock that stepped back (or another process's) may say otherwise:
  // the mark's bounds are the earliest and latest of them.
  const times = events.map((e) => e.at.getTime());
  return {
    count: events.length,
    at: new Date(Math.max(...times)),
    firstAt: new Date(Math.min(...times)),
  };
}

/** The events as the rows of `EVENT_FIELDS` (numbered from 1 within the append). */
export function eventRows(events: readonly CaseEvent[]) {
  return events.map((e, i) => ({
    i: i + 1,
    type: e.type,
    actor_kind: e.actor.kind,
    actor_id: e.actor.id,
    actor_name: e.actor.name ?? null,
    at: e.at,
    reason: e.reason,
    from_status: e.fromStatus,
    to_status: e.toStatus,
    data: e.data,
  }));
}

/**
 * Inserts the case `caseId`'s events given as JSON rows of `EVENT_FIELDS` (`eventRows`), numbered
 * `after` + their `i`: the one definition of an event's columns, for an append and for a new case
 * (case-insert.ts). `from` precedes the JSON's row source (`base,`, or `c cross join lateral`).
 */
export const insertEventsSql = (caseId: SQL, merchantId: SQL, after: SQL, from: SQL, events: SQL): SQL =>
  sql`insert into case_events (case_id, merchant_id, seq, type, actor_kind, actor_id, actor_name, at,
      reason, from_status, to_status, data)
    select ${caseId}, ${merchantId}, ${after} + e.i, e.type, e.actor_kind, e.actor_id,
      e.actor_name, e.at, e.reason, e.from_status, e.to_status, e.data
    from ${from} jsonb_to_recordset(${events}) as e(${sql.raw(EVENT_FIELDS)})`;

function appendSql(v: AppendBinds, before: readonly SQL[]): SQL {
  // The mark's last_seq is the case's last event (written by this statement on every append, migration
  // 0027 for cases older than the outbox): one row by key, where max(seq) planned a scan of every
  // monthly partition of case_events (1.4 ms of planning per append, pg_stat_statements).
  const base = sql`base as (select coalesce(${v.start}::int, (select last_seq from outbox_cases
    where case_id = ${v.caseId}::uuid), 0) as n)`;
  // first_at and last_at bound the "at" of every event of the case (least and greatest over all its
  // appends), so reads of a case's events can name the monthly partitions they are in (outbox-lease.ts).
  // A null first_at means not known (a mark written before migration 0030 by a process without this
  // code): it stays null, and readers then take no lower bound.
  const mark = sql`insert into outbox_cases (case_id, merchant_id, last_seq, settled_seq, updated_at, first_at, last_at)
    select ${v.caseId}::uuid, ${v.merchantId}::uuid, base.n + ${v.count}::int, 0, ${v.at}::timestamptz,
      ${v.firstAt}::timestamptz, ${v.at}::timestamptz from base
    on conflict (case_id) do update set last_seq = greatest(outbox_cases.last_seq, excluded.last_seq),
      updated_at = excluded.updated_at, retry_at = null,
      first_at = case when outbox_cases.first_at is not null then least(outbox_cases.first_at, excluded.first_at) end,
      last_at = greatest(outbox_cases.last_at, excluded.last_at)`;
  const appended = [
    insertEventsSql(
      sql`${v.caseId}::uuid`,
      sql`${v.merchantId}::uuid`,
      sql`base.n`,
      sql`base,`,
      sql`${v.events}::jsonb`,
    ),
    sql`insert into report_queue (case_id, merchant_id, at) values (${v.caseId}::uuid, ${v.merchantId}::uuid,
      ${v.at}::timestamptz)`,
  ];
  const ctes = [...before, ...appended].map((q, i) => sql`${sql.raw(`w${i}`)} as (${q})`);
  return sql`with ${base}, ${sql.join(ctes, sql`, `)} ${mark}`;
}

/**
 * The case's events numbered from `start + 1` and their place in the outbox (the case has events up
 * to the last seq) as ONE statement: a data-modifying CTE, so the events and the outbox mark commit
 * together or not at all and cost one round trip. `start` null: after the case's last event (its
 * mark), read in the same statement (every part of it sees the data as it was before it; the caller
 * holds the case row's lock, so no other appender runs in between). `before` are further statements
 * (as CTEs) to run in the same one, e.g. a new case and its lines. Built once per process
 * (built-sql.ts), its values from `appendValues`: the events travel as one JSON parameter, so the
 * text is the same for any number of them (one prepared statement).
 */
export function appendTemplate(before: readonly SQL[] = []): SQL {
  return appendSql(APPEND_PLACEHOLDERS, before);
}

/** The columns of `eventRows`, for jsonb_to_recordset. */
const EVENT_FIELDS = `i int, type text, actor_kind text, actor_id text, actor_name text, at timestamptz,
  reason text, from_status text, to_status text, data jsonb`;
