import { and, asc, eq, gt, gte, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { OutboxRepo } from "../../app/notify/records.ts";
import type { StoredEvent } from "../../app/ports/index.ts";
import type { Executor } from "./database.ts";
import { toStoredEvent } from "./event-rows.ts";
import { prepared } from "./prepared.ts";
import { caseEvents, outboxCases, outboxProgress } from "./schema.ts";

export function outboxRepo(db: Executor): OutboxRepo {
  return {
    async lease(caseId, token, at, until) {
      const q = prepared(db, "outbox_lease", () =>
        db
          .update(outboxCases)
          .set({
            leaseUntil: sql`${sql.placeholder("until")}::timestamptz`,
            leaseToken: sql`${sql.placeholder("token")}::uuid`,
          })
          .where(
            and(
              eq(outboxCases.caseId, sql.placeholder("caseId")),
              or(isNull(outboxCases.leaseUntil), lt(outboxCases.leaseUntil, sql.placeholder("at"))),
            ),
          )
          .returning()
          .prepare("outbox_lease"),
      );
      const [row] = await q.execute({ caseId, token, at, until });
      return row
        ? {
            caseId,
            merchantId: row.merchantId,
            lastSeq: row.lastSeq,
            settledSeq: row.settledSeq,
            token,
          }
        : null;
    },
    async renew(caseId, token, until) {
      const rows = await db
        .update(outboxCases)
        .set({ leaseUntil: until })
        .where(and(eq(outboxCases.caseId, caseId), eq(outboxCases.leaseToken, token)))
        .returning({ id: outboxCases.caseId });
      return rows.length > 0;
    },
    async release(caseId, token, settledSeq, retryAt) {
      const q = prepared(db, "outbox_release", () =>
        db
          .update(outboxCases)
          .set({
            leaseUntil: null,
            leaseToken: null,
            settledSeq: sql`greatest(${outboxCases.settledSeq}, ${sql.placeholder("settledSeq")}::int)`,
            retryAt: sql`${sql.placeholder("retryAt")}::timestamptz`,
          })
          .where(
            and(
              eq(outboxCases.caseId, sql.placeholder("caseId")),
              eq(outboxCases.leaseToken, sql.placeholder("token")),
            ),
          )
          .prepare("outbox_release"),
      );
      await q.execute({ caseId, token, settledSeq, retryAt });
    },
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
