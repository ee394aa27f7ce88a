import { bigint, boolean, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { ts } from "./schema-columns.ts";
import { merchants, orders } from "./schema-commerce.ts";
import { returnCases, returnLines } from "./schema-returns.ts";

/** Photos a shopper uploaded in the portal (metadata stripped); the bytes live in the photo storage. */
export const portalUploads = pgTable(
  "portal_uploads",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    caseId: uuid("case_id").references(() => returnCases.id),
    lineId: uuid("line_id").references(() => returnLines.id),
    storage: text("storage").notNull(),
    storageKey: text("storage_key").notNull(),
    contentType: text("content_type").notNull(),
    bytes: integer("bytes").notNull(),
    sha256: text("sha256").notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [index().on(t.orderId), index().on(t.caseId)],
);

/** Every order lookup in the portal, kept for rate limits and as the brute-force log. */
export const portalLookups = pgTable(
  "portal_lookups",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    orderNumber: text("order_number").notNull(),
    ip: text("ip").notNull(),
    ok: boolean("ok").notNull(),
    at: ts("at").notNull(),
  },
  (t) => [index().on(t.merchantId, t.orderNumber, t.at), index().on(t.ip, t.at)],
);

/** Secrets this installation generates once (e.g. the key that signs portal sessions), shared by every process. */
export const instanceSecrets = pgTable("instance_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: ts("created_at").notNull(),
});
