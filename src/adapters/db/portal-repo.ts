import { and, asc, count, eq, gte, inArray, min } from "drizzle-orm";
import type { PortalRepo, PortalUpload } from "../../app/ports/index.ts";
import type { Executor } from "./database.ts";
import { instanceSecrets, portalLookups, portalUploads } from "./schema.ts";

export function portalRepo(db: Executor): PortalRepo {
  return {
    async insertUpload(u) {
      await db.insert(portalUploads).values({ ...u });
    },
    async uploads(merchantId, orderId, ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .select()
        .from(portalUploads)
        .where(
          and(
            eq(portalUploads.merchantId, merchantId),
            eq(portalUploads.orderId, orderId),
            inArray(portalUploads.id, [...ids]),
          ),
        );
      return rows satisfies PortalUpload[];
    },
    async caseUploads(merchantId, caseId) {
      return db
        .select()
        .from(portalUploads)
        .where(and(eq(portalUploads.merchantId, merchantId), eq(portalUploads.caseId, caseId)))
        .orderBy(asc(portalUploads.createdAt), asc(portalUploads.id));
    },
    async uploadCount(merchantId, orderId) {
      const [row] = await db
        .select({ n: count() })
        .from(portalUploads)
        .where(and(eq(portalUploads.merchantId, merchantId), eq(portalUploads.orderId, orderId)));
      return Number(row?.n ?? 0);
    },
    async linkUploads(ids, caseId, lineId) {
      if (ids.length === 0) return;
      await db
        .update(portalUploads)
        .set({ caseId, lineId })
        .where(inArray(portalUploads.id, [...ids]));
    },
    async recordLookup(l) {
      await db.insert(portalLookups).values(l);
    },
    async failedLookups(q, since) {
      const who =
        "ip" in q
          ? eq(portalLookups.ip, q.ip)
          : and(eq(portalLookups.merchantId, q.merchantId), eq(portalLookups.orderNumber, q.orderNumber));
      const [row] = await db
        .select({ count: count(), oldest: min(portalLookups.at) })
        .from(portalLookups)
        .where(and(who, eq(portalLookups.ok, false), gte(portalLookups.at, since)));
      return { count: Number(row?.count ?? 0), oldest: row?.oldest ?? null };
    },
    async secret(name, create, at) {
      await db
        .insert(instanceSecrets)
        .values({ name, value: create(), createdAt: at })
        .onConflictDoNothing({ target: instanceSecrets.name });
      const [row] = await db.select().from(instanceSecrets).where(eq(instanceSecrets.name, name));
      if (!row) throw new Error(`secret ${name} not written`);
      return row.value;
    },
    async existingSecret(name) {
      const [row] = await db.select().from(instanceSecrets).where(eq(instanceSecrets.name, name));
      return row?.value ?? null;
    },
  };
}
