import { and, asc, eq, gt, gte, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { OutboxRepo } from "../../app/notify/records.ts";
import type { StoredEvent } from "../../app/ports/index.ts";
import type { Executor } from "./database.ts";
import { toStoredEvent } from "./event-rows.ts";
import { caseEvents, outboxCases, outboxProgress } from "./schema.ts";

export function outboxRepo(db: Executor): OutboxRepo {
  return {
    async lease(caseId, token, at, until) {
      const [row] = await db
        .update(outboxCases)
        .set({ leaseUntil: until, leaseToken: token })
        .where(
          and(
            eq(outboxCases.caseId, caseId),
            or(isNull(outboxCases.leaseUntil), lt(outboxCases.leaseUntil, at)),
          ),
        )
        .returning();
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
      await db
        .update(outboxCases)
        .set({
          leaseUntil: null,
          leaseToken: null,
          settledSeq: sql`greatest(${outboxCases.settledSeq}, ${settledSeq})`,
          retryAt,
        })
        .where(and(eq(outboxCases.caseId, caseId), eq(outboxCases.leaseToken, token)));
    },
    async progress(consumer, caseId) {
      const [row] = await db
        .select()
        .from(outboxProgress)
        .where(and(eq(outboxProgress.consumer, consumer), eq(outboxProgress.caseId, caseId)));
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
      const set = { ...p, updatedAt: at };
      await db
        .insert(outboxProgress)
        .values({ consumer, caseId, ...set })
        .onConflictDoUpdate({ target: [outboxProgress.consumer, outboxProgress.caseId], set });
    },
    async eventsAfter(caseId, seq, untilSeq, limit): Promise<StoredEvent[]> {
      const rows = await db
        .select()
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, caseId), gt(caseEvents.seq, seq), lte(caseEvents.seq, untilSeq)))
        .orderBy(asc(caseEvents.seq))
        .limit(limit);
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
