import { bigint, date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { ts } from "./schema-columns.ts";
import { merchants } from "./schema-commerce.ts";

/**
 * Report rollups (issue 12 point 7). Every figure of the dashboard is a sum over `report_rollup`
 * rows: one per merchant × kind × grouping × grain (day or month) × period start × key × market ×
 * vendor × currency × bucket, with up to four counters. `report_contrib` keeps what each order or
 * case currently adds, so a change applies only its difference (incremental, idempotent).
 * Empty string, not null, stands for "none" in the key columns (they form the primary key).
 */
const dims = {
  merchantId: uuid("merchant_id")
    .notNull()
    .references(() => merchants.id),
  kind: text("kind").notNull(),
  by: text("by").notNull(),
  day: date("day", { mode: "string" }).notNull(),
  key: text("key").notNull().default(""),
  market: text("market").notNull().default(""),
  vendor: text("vendor").notNull().default(""),
  currency: text("currency").notNull().default(""),
  bucket: integer("bucket").notNull().default(0),
  n1: bigint("n1", { mode: "number" }).notNull().default(0),
  n2: bigint("n2", { mode: "number" }).notNull().default(0),
  n3: bigint("n3", { mode: "number" }).notNull().default(0),
  n4: bigint("n4", { mode: "number" }).notNull().default(0),
  /** A readable name of the key (a product's title); not part of the key, the latest wins. */
  label: text("label").notNull().default(""),
};

export const reportRollup = pgTable("report_rollup", { ...dims, grain: text("grain").notNull() }, (t) => [
  primaryKey({
    name: "report_rollup_pk",
    columns: [t.merchantId, t.kind, t.by, t.grain, t.day, t.key, t.market, t.vendor, t.currency, t.bucket],
  }),
]);

/** What one source (an order or a case) adds to the rollup now; replaced on each refresh. */
export const reportContrib = pgTable(
  "report_contrib",
  { sourceId: uuid("source_id").notNull(), ...dims },
  (t) => [index("report_contrib_source_index").on(t.sourceId)],
);

/**
 * Cases with events the rollups have not counted yet: one row per append, inserted by the statement
 * that appends the events; a count deletes the rows it took. Writers only insert here, so a count in
 * progress never holds a lock a writer waits for (a mark on the case's outbox row did: requests
 * queued behind a 500-case count). No foreign keys: a row lives seconds, and each would cost a lookup.
 */
export const reportQueue = pgTable(
  "report_queue",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: uuid("case_id").notNull(),
    merchantId: uuid("merchant_id").notNull(),
    /** When the change was made (the last appended event's time). */
    at: ts("at").notNull(),
  },
  (t) => [index("report_queue_merchant_index").on(t.merchantId)],
);
