import { and, eq, lt } from "drizzle-orm";
import type { IdempotencyRecord, IdempotencyRepo } from "../../app/ports/index.ts";
import type { BankSeal } from "./bank-seal.ts";
import type { Executor } from "./database.ts";
import { idempotencyKeys } from "./schema.ts";

/**
 * Stored responses are sealed (`{ sealed }`, the field cipher): an answer may carry personal data (a
 * SEPA file's IBANs, names, addresses) and is kept until the retention job purges it.
 */
export function idempotencyRepo(db: Executor, seal: BankSeal): IdempotencyRepo {
  const where = (merchantId: string, key: string) =>
    and(eq(idempotencyKeys.merchantId, merchantId), eq(idempotencyKeys.key, key));
  return {
    async claim(merchantId, key, fingerprint, at) {
      const inserted = await db
        .insert(idempotencyKeys)
        .values({ merchantId, key, fingerprint, state: "processing", createdAt: at, updatedAt: at })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (inserted.length > 0) return null;
      const [row] = await db.select().from(idempotencyKeys).where(where(merchantId, key));
      if (!row) throw new Error("idempotency key vanished");
      return {
        fingerprint: row.fingerprint,
        state: row.state as IdempotencyRecord["state"],
        statusCode: row.statusCode,
        response: seal.openValue(row.response),
        updatedAt: row.updatedAt,
      };
    },
    async reclaim(merchantId, key, staleBefore, at) {
      const rows = await db
        .update(idempotencyKeys)
        .set({ updatedAt: at })
        .where(
          and(
            where(merchantId, key),
            eq(idempotencyKeys.state, "processing"),
            lt(idempotencyKeys.updatedAt, staleBefore),
          ),
        )
        .returning({ key: idempotencyKeys.key });
      return rows.length > 0;
    },
    async finish(merchantId, key, state, statusCode, response, at) {
      await db
        .update(idempotencyKeys)
        .set({ state, statusCode, response: seal.sealValue(response), updatedAt: at })
        .where(where(merchantId, key));
    },
    async release(merchantId, key) {
      await db
        .delete(idempotencyKeys)
        .where(and(where(merchantId, key), eq(idempotencyKeys.state, "processing")));
    },
  };
}
