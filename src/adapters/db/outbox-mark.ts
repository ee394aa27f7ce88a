import { sql } from "drizzle-orm";
import type { Executor } from "./database.ts";
import { outboxCases } from "./schema.ts";

/**
 * Records in the outbox that the case has events up to `lastSeq` — called by the event append itself,
 * so the events and their place in the outbox commit together or not at all.
 */
export async function markOutbox(
  db: Executor,
  c: { readonly id: string; readonly merchantId: string },
  lastSeq: number,
  at: Date,
): Promise<void> {
  await db
    .insert(outboxCases)
    .values({ caseId: c.id, merchantId: c.merchantId, lastSeq, settledSeq: 0, updatedAt: at })
    .onConflictDoUpdate({
      target: outboxCases.caseId,
      set: { lastSeq: sql`greatest(${outboxCases.lastSeq}, ${lastSeq})`, updatedAt: at, retryAt: null },
    });
}
