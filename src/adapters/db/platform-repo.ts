import { and, eq } from "drizzle-orm";
import {
  isPlatform,
  type MirrorRecord,
  type MirrorStep,
  type PlatformConnectionRecord,
  type PlatformRepo,
  type SyncRun,
} from "../../app/platforms/ports.ts";
import type { Executor } from "./database.ts";
import {
  platformConnections as c,
  platformMirrors as m,
  platformOrders as o,
  platformSyncRuns as s,
} from "./schema-platforms.ts";

export function platformRepo(db: Executor): PlatformRepo {
  return {
    async putConnection(r) {
      const values = {
        merchantId: r.merchantId,
        platform: r.platform,
        shop: r.shop,
        keyId: r.keyId,
        credentialSealed: r.sealedCredential,
        webhookSecretSealed: r.sealedWebhookSecret,
        refundOnPlatform: r.refundOnPlatform,
        updatedAt: r.updatedAt,
      };
      await db
        .insert(c)
        .values(values)
        .onConflictDoUpdate({ target: [c.merchantId, c.platform], set: values });
    },
    async connection(merchantId, platform) {
      const [row] = await db
        .select()
        .from(c)
        .where(and(eq(c.merchantId, merchantId), eq(c.platform, platform)));
      return row ? toConnection(row) : null;
    },
    async connections(merchantId) {
      const rows = await db.select().from(c).where(eq(c.merchantId, merchantId)).orderBy(c.platform);
      return rows.map(toConnection).filter((r): r is PlatformConnectionRecord => r !== null);
    },
    async connectionByShop(platform, shop) {
      const [row] = await db
        .select()
        .from(c)
        .where(and(eq(c.platform, platform), eq(c.shop, shop)));
      return row ? toConnection(row) : null;
    },
    async removeConnection(merchantId, platform) {
      const gone = await db
        .delete(c)
        .where(and(eq(c.merchantId, merchantId), eq(c.platform, platform)))
        .returning({ p: c.platform });
      return gone.length > 0;
    },
    async run(merchantId, platform) {
      const [row] = await db
        .select()
        .from(s)
        .where(and(eq(s.merchantId, merchantId), eq(s.platform, platform)));
      if (!row || !isPlatform(row.platform)) return null;
      return { ...row, platform: row.platform, status: row.status === "done" ? "done" : "running" };
    },
    async putRun(r: SyncRun) {
      await db
        .insert(s)
        .values(r)
        .onConflictDoUpdate({ target: [s.merchantId, s.platform], set: r });
    },
    async linkOrder(merchantId, platform, platformOrderId, orderExternalId, updatedAt) {
      const values = { merchantId, platform, platformOrderId, orderExternalId, updatedAt };
      await db
        .insert(o)
        .values(values)
        .onConflictDoUpdate({ target: [o.merchantId, o.platform, o.platformOrderId], set: values });
    },
    async platformOrderOf(merchantId, platform, externalId) {
      const [row] = await db
        .select({ id: o.platformOrderId })
        .from(o)
        .where(
          and(eq(o.merchantId, merchantId), eq(o.platform, platform), eq(o.orderExternalId, externalId)),
        );
      return row?.id ?? null;
    },
    async mirror(merchantId, caseId, platform, step) {
      const [row] = await db
        .select()
        .from(m)
        .where(
          and(eq(m.merchantId, merchantId), eq(m.caseId, caseId), eq(m.platform, platform), eq(m.step, step)),
        );
      if (!row || !isPlatform(row.platform)) return null;
      return { ...row, platform: row.platform, step: row.step as MirrorStep };
    },
    async putMirror(r: MirrorRecord) {
      await db
        .insert(m)
        .values({ ...r, detail: { ...r.detail } })
        .onConflictDoNothing();
    },
  };
}

function toConnection(row: typeof c.$inferSelect): PlatformConnectionRecord | null {
  if (!isPlatform(row.platform)) return null;
  return {
    merchantId: row.merchantId,
    platform: row.platform,
    shop: row.shop,
    keyId: row.keyId,
    sealedCredential: row.credentialSealed,
    sealedWebhookSecret: row.webhookSecretSealed,
    refundOnPlatform: row.refundOnPlatform,
    updatedAt: row.updatedAt,
  };
}
