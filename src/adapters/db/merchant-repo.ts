import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type {
  ApiKeyRecord,
  ApiKeyRepo,
  Merchant,
  MerchantRepo,
  MerchantSettings,
} from "../../app/ports/index.ts";
import { isApiKeyScope } from "../../domain/api-key-scopes.ts";
import type { Executor } from "./database.ts";
import { prepared } from "./prepared.ts";
import { apiKeys, merchants } from "./schema.ts";

const toMerchant = (r: typeof merchants.$inferSelect): Merchant => ({
  ...r,
  settings: (r.settings ?? {}) as MerchantSettings,
});

export function merchantRepo(db: Executor): MerchantRepo {
  return {
    async bySlug(slug) {
      const [row] = await db.select().from(merchants).where(eq(merchants.slug, slug));
      return row ? toMerchant(row) : null;
    },
    async byId(id) {
      const q = prepared(db, "merchant_by_id", () =>
        db
          .select()
          .from(merchants)
          .where(eq(merchants.id, sql.placeholder("id")))
          .prepare("merchant_by_id"),
      );
      const [row] = await q.execute({ id });
      return row ? toMerchant(row) : null;
    },
    async insert(m: Merchant) {
      await db.insert(merchants).values(m);
    },
    list: async () => (await db.select().from(merchants).orderBy(merchants.slug)).map(toMerchant),
    async updateSettings(id, settings) {
      await db.update(merchants).set({ settings }).where(eq(merchants.id, id));
    },
  };
}

const keyColumns = {
  id: apiKeys.id,
  merchantId: apiKeys.merchantId,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  createdAt: apiKeys.createdAt,
  revokedAt: apiKeys.revokedAt,
  scopes: apiKeys.scopes,
  expiresAt: apiKeys.expiresAt,
  lastUsedAt: apiKeys.lastUsedAt,
};

const toKey = (r: {
  id: string;
  merchantId: string;
  name: string;
  prefix: string;
  createdAt: Date;
  revokedAt: Date | null;
  scopes: string[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}): ApiKeyRecord => ({ ...r, scopes: r.scopes.filter(isApiKeyScope) });

export function apiKeyRepo(db: Executor): ApiKeyRepo {
  return {
    async insert(k: ApiKeyRecord, hash: string) {
      await db.insert(apiKeys).values({ ...k, scopes: [...k.scopes], keyHash: hash });
    },
    list: async (merchantId) =>
      (
        await db
          .select(keyColumns)
          .from(apiKeys)
          .where(eq(apiKeys.merchantId, merchantId))
          .orderBy(apiKeys.createdAt)
      ).map(toKey),
    async revoke(merchantId, idOrPrefix, at) {
      const byId = /^[0-9a-f-]{36}$/i.test(idOrPrefix) ? eq(apiKeys.id, idOrPrefix) : undefined;
      const match = byId ? or(byId, eq(apiKeys.prefix, idOrPrefix)) : eq(apiKeys.prefix, idOrPrefix);
      const [row] = await db
        .update(apiKeys)
        .set({ revokedAt: at })
        .where(and(eq(apiKeys.merchantId, merchantId), match, isNull(apiKeys.revokedAt)))
        .returning(keyColumns);
      return row ? toKey(row) : null;
    },
    async activeByHash(hash, at) {
      const q = prepared(db, "api_key_by_hash", () =>
        db
          .select(keyColumns)
          .from(apiKeys)
          .where(
            and(
              eq(apiKeys.keyHash, sql.placeholder("hash")),
              isNull(apiKeys.revokedAt),
              or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, sql.placeholder("at"))),
            ),
          )
          .prepare("api_key_by_hash"),
      );
      const [row] = await q.execute({ hash, at });
      return row ? toKey(row) : null;
    },
    async touch(id, at) {
      await db
        .update(apiKeys)
        .set({ lastUsedAt: at })
        .where(
          and(
            eq(apiKeys.id, id),
            or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(at.getTime() - 60_000))),
          ),
        );
    },
  };
}
