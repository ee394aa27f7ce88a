import { and, asc, eq, gt, gte, isNull, lte, or, sql } from "drizzle-orm";
import type { OutboxRepo } from "../../app/notify/records.ts";
import type { StoredEvent } from "../../app/ports/index.ts";
import type { Executor } from "./database.ts";
import { eventTimeBounds } from "./event-bounds.ts";
import { toStoredEvent } from "./event-rows.ts";
import { leaseCases, releaseCases } from "./outbox-lease.ts";
import { prepared } from "./prepared.ts";
import { caseEvents, outboxCases, outboxProgress } from "./schema.ts";

export function outboxRepo(db: Executor): OutboxRepo {
  return {
    lease: (caseIds, token, at, until, batch) => leaseCases(db, caseIds, token, at, until, batch),
    async renew(caseId, token, until) {
      const rows = await db
        .update(outboxCases)
        .set({ leaseUntil: until })
        .where(and(eq(outboxCases.caseId, caseId), eq(outboxCases.leaseToken, token)))
        .returning({ id: outboxCases.caseId });
      return rows.length > 0;
    },
    release: (token, at, releases) => releaseCases(db, token, at, releases),
    async progress(consumer, caseId) {
      const q = prepared(db, "outbox_progress_of", () =>
        db
          .select()
          .from(outboxProgress)
          .where(
            and(
              eq(outboxProgress.consumer, sql.placeholder("consumer")),
              eq(outboxProgress.caseId, sql.placeholder("caseId")),
            ),
          )
          .prepare("outbox_progress_of"),
      );
      const [row] = await q.execute({ consumer, caseId });
      return row
        ? {
            deliveredSeq: row.deliveredSeq,
            attempts: row.attempts,
            retryAt: row.retryAt,
            lastError: row.lastError,
          }
        : null;
    },
    async saveProgress(consumer, caseId, p, at) {
      const q = prepared(db, "outbox_save_progress", () =>
        db
          .insert(outboxProgress)
          .values({
            consumer: sql.placeholder("consumer"),
            caseId: sql.placeholder("caseId"),
            deliveredSeq: sql.placeholder("deliveredSeq"),
            attempts: sql.placeholder("attempts"),
            retryAt: sql`${sql.placeholder("retryAt")}::timestamptz`,
            lastError: sql.placeholder("lastError"),
            updatedAt: sql.placeholder("at"),
          })
          .onConflictDoUpdate({
            target: [outboxProgress.consumer, outboxProgress.caseId],
            set: {
              deliveredSeq: sql`excluded.delivered_seq`,
              attempts: sql`excluded.attempts`,
              retryAt: sql`excluded.retry_at`,
              lastError: sql`excluded.last_error`,
              updatedAt: sql`excluded.updated_at`,
            },
          })
          .prepare("outbox_save_progress"),
      );
      await q.execute({ consumer, caseId, ...p, at });
    },
    async eventsAfter(caseId, seq, untilSeq, limit): Promise<StoredEvent[]> {
      const q = prepared(db, "outbox_events_after", () =>
        db
          .select()
          .from(caseEvents)
          .where(
            and(
              eq(caseEvents.caseId, sql.placeholder("caseId")),
              gt(caseEvents.seq, sql.placeholder("seq")),
              lte(caseEvents.seq, sql.placeholder("untilSeq")),
              eventTimeBounds(sql`${sql.placeholder("caseId")}::uuid`),
            ),
          )
          .orderBy(asc(caseEvents.seq))
          .limit(sql.placeholder("limit"))
          .prepare("outbox_events_after"),
      );
      const rows = await q.execute({ caseId, seq, untilSeq, limit });
      return rows.map(toStoredEvent);
    },
    async reopen(merchantId, since) {
      const rows = await db
        .update(outboxCases)
        .set({ settledSeq: 0, retryAt: null })
        .where(and(eq(outboxCases.merchantId, merchantId), gte(outboxCases.updatedAt, since)))
        .returning({ id: outboxCases.caseId });
      return rows.length;
    },
    async due(at, limit) {
      const rows = await db
        .select({ id: outboxCases.caseId })
        .from(outboxCases)
        .where(
          and(
            sql`${outboxCases.lastSeq} > ${outboxCases.settledSeq}`,
            or(isNull(outboxCases.retryAt), lte(outboxCases.retryAt, at)),
          ),
        )
        .orderBy(asc(outboxCases.updatedAt))
        .limit(limit);
      return rows.map((r) => r.id);
    },
  };
}
