import { and, eq } from "drizzle-orm";
import {
  isPaymentProvider,
  type ProviderAccountRecord,
  type ProviderAccountRepo,
} from "../../app/provider-accounts.ts";
import type { Executor } from "./database.ts";
import { merchantProviderAccounts as t } from "./schema-security.ts";

export function providerAccountRepo(db: Executor): ProviderAccountRepo {
  return {
    async put(r) {
      const values = {
        merchantId: r.merchantId,
        provider: r.provider,
        accountId: r.accountId,
        apiKeySealed: r.sealedApiKey,
        updatedAt: r.updatedAt,
      };
      await db
        .insert(t)
        .values(values)
        .onConflictDoUpdate({ target: [t.merchantId, t.provider], set: values });
    },
    async get(merchantId, provider) {
      const [row] = await db
        .select()
        .from(t)
        .where(and(eq(t.merchantId, merchantId), eq(t.provider, provider)));
      return row ? toRecord(row) : null;
    },
    async list(merchantId) {
      const rows = await db.select().from(t).where(eq(t.merchantId, merchantId)).orderBy(t.provider);
      return rows.map(toRecord).filter((r): r is ProviderAccountRecord => r !== null);
    },
    async ownerOf(provider, accountId) {
      const [row] = await db
        .select({ m: t.merchantId })
        .from(t)
        .where(and(eq(t.provider, provider), eq(t.accountId, accountId)));
      return row?.m ?? null;
    },
    async remove(merchantId, provider) {
      const gone = await db
        .delete(t)
        .where(and(eq(t.merchantId, merchantId), eq(t.provider, provider)))
        .returning({ p: t.provider });
      return gone.length > 0;
    },
  };
}

function toRecord(row: typeof t.$inferSelect): ProviderAccountRecord | null {
  if (!isPaymentProvider(row.provider)) return null;
  return {
    merchantId: row.merchantId,
    provider: row.provider,
    accountId: row.accountId,
    sealedApiKey: row.apiKeySealed,
    updatedAt: row.updatedAt,
  };
}
