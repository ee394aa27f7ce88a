import { type SQL, sql } from "drizzle-orm";

/**
 * The latest "at" of a case's events by its outbox mark (`outbox_cases` as `m`): last_at, and at least
 * updated_at, which every append has set (a mark from before migration 0030 has no last_at).
 */
export const MARK_LAST_AT = sql.raw("greatest(m.last_at, m.updated_at)");

/**
 * A condition on `case_events.at` between a case's earliest and latest event times (SQL expressions;
 * null: that side has no bound), which PostgreSQL prunes the other monthly partitions by when the
 * statement runs: a read of one case visits one or two partitions instead of every month there is.
 */
export const eventTimesWithin = (first: SQL, last: SQL): SQL =>
  sql`case_events.at >= coalesce(${first}, '-infinity') and case_events.at <= coalesce(${last}, 'infinity')`;

/**
 * `eventTimesWithin` the bounds the outbox mark of the case `caseId` (an SQL uuid expression) keeps
 * (outbox-mark.ts). Without a mark, or with a first_at not known (a mark from before migration 0030),
 * that side has no bound.
 */
export const eventTimeBounds = (caseId: SQL): SQL =>
  eventTimesWithin(
    sql`(select m.first_at from outbox_cases m where m.case_id = ${caseId})`,
    sql`(select ${MARK_LAST_AT} from outbox_cases m where m.case_id = ${caseId})`,
  );
