import { index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ts } from "./schema-columns.ts";
import { merchants } from "./schema-commerce.ts";

/**
 * A merchant's own payment-provider account (issue 8 point 9): refunds of its tenders go through
 * this account only. `api_key_sealed` is AES-256-GCM (`enc:v1:<keyId>:…`, field-cipher.ts).
 */
export const merchantProviderAccounts = pgTable(
  "merchant_provider_accounts",
  {
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    provider: text("provider").notNull(),
    /** Stripe Connect `acct_…` or Adyen merchantAccount. */
    accountId: text("account_id"),
    apiKeySealed: text("api_key_sealed"),
    updatedAt: ts("updated_at").notNull(),
  },
  // One merchant per provider account: a merchant cannot name another's Connect account / merchantAccount.
  (t) => [primaryKey({ columns: [t.merchantId, t.provider] }), uniqueIndex().on(t.provider, t.accountId)],
);

/**
 * Append-only record of security-relevant changes (issue 8 point 11): settings, provider accounts,
 * payout details and approvals, exports, API keys. Who, what (method and path), the answer's status;
 * never a request body (no secrets, no bank details). A trigger refuses UPDATE and DELETE.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    at: ts("at").notNull(),
    actorKind: text("actor_kind").notNull(),
    actorId: text("actor_id").notNull(),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    method: text("method").notNull(),
    path: text("path").notNull(),
    status: integer("status").notNull(),
  },
  (t) => [index().on(t.merchantId, t.at)],
);
