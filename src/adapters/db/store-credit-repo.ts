import { and, asc, eq, gt, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { StoreCreditLot, StoreCreditRepo } from "../../app/ports/index.ts";
import type { Executor } from "./database.ts";
import { storeCreditLots } from "./schema.ts";

type Row = typeof storeCreditLots.$inferSelect;
const toLot = (r: Row): StoreCreditLot => ({
  id: r.id,
  customerId: r.customerId,
  currency: r.currency,
  amount: r.amount,
  remaining: r.remaining,
  expiresAt: r.expiresAt,
  caseId: r.caseId,
  createdAt: r.createdAt,
});

export function storeCreditRepo(db: Executor): StoreCreditRepo {
  return {
    async addLot(merchantId, lot) {
      await db.insert(storeCreditLots).values({ ...lot, merchantId });
    },
    async liveLots(merchantId, customerId, currency, at) {
      const rows = await db
        .select()
        .from(storeCreditLots)
        .where(
          and(
            eq(storeCreditLots.merchantId, merchantId),
            eq(storeCreditLots.customerId, customerId),
            eq(storeCreditLots.currency, currency),
            gt(storeCreditLots.remaining, 0),
            eq(storeCreditLots.expired, false),
            or(isNull(storeCreditLots.expiresAt), gt(storeCreditLots.expiresAt, at)),
          ),
        )
        .orderBy(sql`${storeCreditLots.expiresAt} asc nulls last`, asc(storeCreditLots.createdAt))
        .for("update");
      return rows.map(toLot);
    },
    async setRemaining(lotId, remaining) {
      await db.update(storeCreditLots).set({ remaining }).where(eq(storeCreditLots.id, lotId));
    },
    async expiring(at, limit) {
      const rows = await db
        .select()
        .from(storeCreditLots)
        .where(
          and(
            eq(storeCreditLots.expired, false),
            gt(storeCreditLots.remaining, 0),
            isNotNull(storeCreditLots.expiresAt),
            lte(storeCreditLots.expiresAt, at),
          ),
        )
        .limit(limit)
        .for("update");
      return rows.map((r) => ({ ...toLot(r), merchantId: r.merchantId }));
    },
    async markExpired(lotId) {
      await db
        .update(storeCreditLots)
        .set({ expired: true, remaining: 0 })
        .where(eq(storeCreditLots.id, lotId));
    },
    async lots(merchantId, customerId) {
      const rows = await db
        .select()
        .from(storeCreditLots)
        .where(and(eq(storeCreditLots.merchantId, merchantId), eq(storeCreditLots.customerId, customerId)))
        .orderBy(asc(storeCreditLots.createdAt));
      return rows.map(toLot);
    },
  };
}
