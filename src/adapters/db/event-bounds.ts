import { type SQL, sql } from "drizzle-orm";

/**
 * A condition on `case_events.at` naming the monthly partitions the events of the case `caseId` (an SQL
 * uuid expression) are in: between the earliest and the latest "at" its outbox mark keeps
 * (outbox-mark.ts). PostgreSQL prunes the other months when the statement runs, so a read of one case
 * visits one or two partitions instead of every month there is. Without a mark, or with a first_at not
 * known (a mark from before migration 0030), that side has no bound. The latest is at least the mark's
 * updated_at, which every append has set.
 */
export const eventTimeBounds = (caseId: SQL): SQL =>
  sql`case_events.at >= coalesce((select m.first_at from outbox_cases m where m.case_id = ${caseId}), '-infinity')
    and case_events.at <= coalesce((select greatest(m.last_at, m.updated_at) from outbox_cases m where m.case_id = ${caseId}), 'infinity')`;
