import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { minor, ts } from "./schema-columns.ts";
import { customers, locations, merchants, orderLines, orders } from "./schema-commerce.ts";

export const returnCases = pgTable(
  "return_cases",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    number: text("number").notNull(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    orderExternalId: text("order_external_id").notNull(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    vendor: text("vendor"),
    /** The return this case was split from, one case per vendor (null: a case of its own). */
    groupId: uuid("group_id"),
    currency: text("currency").notNull(),
    locale: text("locale").notNull(),
    source: text("source").notNull(),
    status: text("status").notNull(),
    requestedResolution: text("requested_resolution").notNull(),
    returnRequired: boolean("return_required").notNull(),
    decision: jsonb("decision").notNull(),
    overrides: jsonb("overrides").notNull().default(sql`'[]'::jsonb`),
    /** What the shopper expressly agreed to (store credit instead of the original payment on a withdrawal). */
    expressAgreements: jsonb("express_agreements").notNull().default(sql`'[]'::jsonb`),
    shipBy: ts("ship_by"),
    /** The statutory refund deadline (local date and its rule), when the law sets one. */
    refundDeadline: jsonb("refund_deadline"),
    /** What the shopper gave in the portal: gift recipient, chosen replacement, withdrawal, payout account. */
    portal: jsonb("portal"),
    version: integer("version").notNull(),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    unique().on(t.merchantId, t.number),
    index("return_cases_merchant_status_id").on(t.merchantId, t.status, t.id),
    index("return_cases_merchant_id").on(t.merchantId, t.id),
    index().on(t.orderId, t.merchantId),
    index("return_cases_group").on(t.merchantId, t.groupId).where(sql`group_id is not null`),
    // The ship-by reminder looks for cases still waiting for the shopper's parcel.
    index("return_cases_waiting_ship_by")
      .on(t.shipBy)
      .where(sql`status in ('approved', 'awaiting_shipment') and return_required`),
  ],
);

export const returnLines = pgTable(
  "return_lines",
  {
    id: uuid("id").primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => returnCases.id),
    orderLineId: uuid("order_line_id")
      .notNull()
      .references(() => orderLines.id),
    position: integer("position").notNull(),
    orderLineExternalId: text("order_line_external_id").notNull(),
    sku: text("sku").notNull(),
    title: text("title").notNull(),
    unitPrice: minor("unit_price").notNull(),
    currency: text("currency").notNull(),
    reason: text("reason").notNull(),
    comment: text("comment"),
    resolution: text("resolution").notNull(),
    requested: integer("qty_requested").notNull(),
    approved: integer("qty_approved").notNull(),
    rejected: integer("qty_rejected").notNull(),
    shipped: integer("qty_shipped").notNull(),
    received: integer("qty_received").notNull(),
    accepted: integer("qty_accepted").notNull(),
    refused: integer("qty_refused").notNull(),
    lost: integer("qty_lost").notNull(),
    resolved: integer("qty_resolved").notNull(),
    refunded: integer("qty_refunded").notNull().default(0),
  },
  (t) => [
    unique().on(t.caseId, t.orderLineId),
    index().on(t.orderLineId),
    // Invariant 2 of the domain model, enforced again by the database.
    check(
      "return_line_counts",
      sql`${t.requested} >= 1 and ${t.approved} + ${t.rejected} <= ${t.requested}
      and ${t.shipped} <= ${t.approved} and ${t.received} + ${t.lost} <= ${t.approved}
      and ${t.accepted} + ${t.refused} <= ${t.received} and ${t.resolved} <= greatest(${t.accepted} + ${t.lost}, ${t.approved})
      and least(${t.approved}, ${t.rejected}, ${t.shipped}, ${t.received}, ${t.accepted}, ${t.refused}, ${t.lost}, ${t.resolved}) >= 0`,
    ),
  ],
);

/** Append-only: a trigger in the migration refuses UPDATE and DELETE (invariant 10). */
export const caseEvents = pgTable(
  "case_events",
  {
    id: bigint("id", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => returnCases.id),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    seq: integer("seq").notNull(),
    type: text("type").notNull(),
    actorKind: text("actor_kind").notNull(),
    actorId: text("actor_id").notNull(),
    actorName: text("actor_name"),
    at: ts("at").notNull(),
    reason: text("reason"),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    data: jsonb("data").notNull(),
  },
  // Partitioned by month of `at` (migration 0021): keys include it. One case's numbering is kept
  // unique by its row lock or version (case-repo.ts), the index below serves lookups by case.
  (t) => [
    primaryKey({ name: "case_events_pkey", columns: [t.id, t.at] }),
    unique("case_events_case_id_seq_unique").on(t.caseId, t.seq, t.at),
    index().on(t.merchantId, t.id),
  ],
);

export const receipts = pgTable(
  "receipts",
  {
    id: uuid("id").primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => returnCases.id),
    lineId: uuid("line_id").references(() => returnLines.id),
    locationId: uuid("location_id").references(() => locations.id),
    quantity: integer("quantity").notNull(),
    exception: text("exception"),
    note: text("note"),
    at: ts("at").notNull(),
    actorId: text("actor_id").notNull(),
  },
  (t) => [index().on(t.caseId)],
);

export const inspections = pgTable(
  "inspections",
  {
    id: uuid("id").primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => returnCases.id),
    lineId: uuid("line_id")
      .notNull()
      .references(() => returnLines.id),
    quantity: integer("quantity").notNull(),
    outcome: text("outcome").notNull(),
    condition: text("condition").notNull(),
    disposition: text("disposition").notNull(),
    note: text("note"),
    at: ts("at").notNull(),
    actorId: text("actor_id").notNull(),
  },
  (t) => [index().on(t.caseId)],
);

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    key: text("key").notNull(),
    fingerprint: text("fingerprint").notNull(),
    state: text("state").notNull(),
    statusCode: integer("status_code"),
    response: jsonb("response"),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.key] })],
);

export const counters = pgTable(
  "counters",
  {
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    name: text("name").notNull(),
    value: bigint("value", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.name] })],
);
