import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ts } from "./schema-columns.ts";
import { merchants } from "./schema-commerce.ts";

/**
 * A merchant's shop on a commerce platform (Shopify, WooCommerce). `shop` is the Shopify shop domain
 * or the WooCommerce store URL; the credential (Admin API access token / consumer secret) and the
 * webhook secret are AES-256-GCM sealed (field-cipher.ts), never in clear.
 */
export const platformConnections = pgTable(
  "platform_connections",
  {
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    platform: text("platform").notNull(),
    shop: text("shop").notNull(),
    /** WooCommerce consumer key (ck_…); null for Shopify. */
    keyId: text("key_id"),
    credentialSealed: text("credential_sealed").notNull(),
    webhookSecretSealed: text("webhook_secret_sealed").notNull(),
    /** Mirror refunds with the platform moving money too (WooCommerce api_refund); default: record only. */
    refundOnPlatform: boolean("refund_on_platform").notNull().default(false),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.platform] }), uniqueIndex().on(t.platform, t.shop)],
);

/** Where a backfill stands: the next page's cursor, kept after every page so an interrupted run resumes. */
export const platformSyncRuns = pgTable(
  "platform_sync_runs",
  {
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    platform: text("platform").notNull(),
    since: ts("since").notNull(),
    cursor: text("cursor"),
    pages: integer("pages").notNull(),
    orders: integer("orders").notNull(),
    status: text("status").notNull(),
    startedAt: ts("started_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.platform] })],
);

/** Which of our orders a platform order became (order import writes it in the order's transaction). */
export const platformOrders = pgTable(
  "platform_orders",
  {
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    platform: text("platform").notNull(),
    platformOrderId: text("platform_order_id").notNull(),
    orderExternalId: text("order_external_id").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.merchantId, t.platform, t.platformOrderId] }),
    index().on(t.merchantId, t.platform, t.orderExternalId),
  ],
);

/**
 * What a case already did on the platform (step: request, approve, refund) and the platform's ids
 * (return, return line items, refund): a retried mirror finds them instead of doing it twice.
 */
export const platformMirrors = pgTable(
  "platform_mirrors",
  {
    caseId: uuid("case_id").notNull(),
    platform: text("platform").notNull(),
    step: text("step").notNull(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    platformId: text("platform_id").notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.platform, t.step] })],
);
