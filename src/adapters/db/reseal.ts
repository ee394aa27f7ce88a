import { and, asc, eq, gt, isNotNull, or, type SQL, sql } from "drizzle-orm";
import type { SecretBox } from "../../app/ports/index.ts";
import { bankSeal, openPortal, sealPortal } from "./bank-seal.ts";
import type { Database } from "./database.ts";
import { idempotencyKeys, returnCases, settlements } from "./schema.ts";

const BATCH = 200;

export interface ResealCount {
  readonly settlements: number;
  readonly cases: number;
  readonly responses: number;
}

/** True when the JSON at `path` is not sealed under the current key (in clear, or an older key). */
const notCurrent = (json: SQL, keyId: string): SQL =>
  sql`coalesce(${json}->>'sealed', '') not like ${`enc:v1:${keyId}:%`}`;

/**
 * The migration and key-rotation path of data at rest (issue 8 point 13), run by every process on
 * start-up (`wire` in src/cli/main.ts): bank details on settlements and cases, and stored idempotent
 * responses, that are still in clear (written before sealing existed) or sealed under a retired key
 * (CROSSBACK_ENCRYPTION_OLD_KEYS) are sealed again under the current key, each row by compare-and-set
 * (a row changed meanwhile is left to its writer, who sealed it). Values whose key is not configured
 * are left as they are. Once it has run with the new key, the old key can be dropped.
 */
export async function resealAtRest(database: Database, box: SecretBox): Promise<ResealCount> {
  const seal = bankSeal(box);
  const { db } = database;
  let counts = { settlements: 0, cases: 0, responses: 0 };

  for (let after = ""; ; ) {
    const rows = await db
      .select({ id: settlements.id, bankAccount: settlements.bankAccount })
      .from(settlements)
      .where(
        and(
          isNotNull(settlements.bankAccount),
          notCurrent(sql`${settlements.bankAccount}`, box.keyId),
          after ? gt(settlements.id, after) : undefined,
        ),
      )
      .orderBy(asc(settlements.id))
      .limit(BATCH);
    for (const r of rows) {
      const open = seal.open(r.bankAccount);
      if (!open || open.unreadable === true) continue;
      const done = await db
        .update(settlements)
        .set({ bankAccount: seal.seal(open) })
        .where(
          and(
            eq(settlements.id, r.id),
            sql`${settlements.bankAccount} = ${JSON.stringify(r.bankAccount)}::jsonb`,
          ),
        )
        .returning({ id: settlements.id });
      counts = { ...counts, settlements: counts.settlements + done.length };
    }
    if (rows.length < BATCH) break;
    after = rows.at(-1)?.id ?? after;
  }

  for (let after = ""; ; ) {
    const rows = await db
      .select({ id: returnCases.id, portal: returnCases.portal })
      .from(returnCases)
      .where(
        and(
          sql`jsonb_typeof(${returnCases.portal}->'payoutAccount') = 'object'`,
          notCurrent(sql`(${returnCases.portal}->'payoutAccount')`, box.keyId),
          after ? gt(returnCases.id, after) : undefined,
        ),
      )
      .orderBy(asc(returnCases.id))
      .limit(BATCH);
    for (const r of rows) {
      const open = openPortal(seal, r.portal);
      if (!open?.payoutAccount || open.payoutAccount.unreadable === true) continue;
      const done = await db
        .update(returnCases)
        .set({ portal: sealPortal(seal, open) })
        .where(and(eq(returnCases.id, r.id), sql`${returnCases.portal} = ${JSON.stringify(r.portal)}::jsonb`))
        .returning({ id: returnCases.id });
      counts = { ...counts, cases: counts.cases + done.length };
    }
    if (rows.length < BATCH) break;
    after = rows.at(-1)?.id ?? after;
  }

  const stale = or(
    sql`jsonb_typeof(${idempotencyKeys.response}) <> 'object'`,
    notCurrent(sql`${idempotencyKeys.response}`, box.keyId),
  );
  for (;;) {
    const rows = await db
      .select({
        merchantId: idempotencyKeys.merchantId,
        key: idempotencyKeys.key,
        response: idempotencyKeys.response,
      })
      .from(idempotencyKeys)
      .where(and(isNotNull(idempotencyKeys.response), stale))
      .limit(BATCH);
    let changed = 0;
    for (const r of rows) {
      let value: unknown;
      try {
        value = seal.openValue(r.response);
      } catch {
        continue; // sealed under a key that is not configured: purged by the retention job in time
      }
      const done = await db
        .update(idempotencyKeys)
        .set({ response: seal.sealValue(value) })
        .where(
          and(
            eq(idempotencyKeys.merchantId, r.merchantId),
            eq(idempotencyKeys.key, r.key),
            sql`${idempotencyKeys.response} = ${JSON.stringify(r.response)}::jsonb`,
          ),
        )
        .returning({ key: idempotencyKeys.key });
      changed += done.length;
    }
    counts = { ...counts, responses: counts.responses + changed };
    if (rows.length < BATCH || changed === 0) break;
  }
  return counts;
}
