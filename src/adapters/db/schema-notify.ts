import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { ts } from "./schema-columns.ts";
import { merchants } from "./schema-commerce.ts";
import { returnCases } from "./schema-returns.ts";

/**
 * The transactional outbox: one row per case, written in the transaction that appends the case's
 * events (`last_seq`). The relay drains a case's events in order to every consumer and then sets
 * `settled_seq`; `lease_until` keeps one relay per case, `retry_at` is the earliest consumer retry.
 */
export const outboxCases = pgTable(
  "outbox_cases",
  {
    caseId: uuid("case_id")
      .primaryKey()
      .references(() => returnCases.id),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    lastSeq: integer("last_seq").notNull(),
    settledSeq: integer("settled_seq").notNull().default(0),
    retryAt: ts("retry_at"),
    leaseUntil: ts("lease_until"),
    leaseToken: uuid("lease_token"),
    updatedAt: ts("updated_at").notNull(),
    /** The earliest and latest "at" of the case's events (null first_at: not known), outbox-mark.ts. */
    firstAt: ts("first_at"),
    lastAt: ts("last_at"),
  },
  (t) => [index("outbox_cases_due_index").on(t.retryAt).where(sql`last_seq > settled_seq`)],
);

/** How far each consumer (e-mail, each webhook endpoint) got in a case's events, and its retry state. */
export const outboxProgress = pgTable(
  "outbox_progress",
  {
    consumer: text("consumer").notNull(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => returnCases.id),
    deliveredSeq: integer("delivered_seq").notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    retryAt: ts("retry_at"),
    lastError: text("last_error"),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.caseId] }), index().on(t.caseId)],
);

/** A merchant system that receives case events as Standard Webhooks. */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    url: text("url").notNull(),
    description: text("description"),
    eventTypes: jsonb("event_types").notNull(),
    secrets: jsonb("secrets").notNull(),
    enabled: boolean("enabled").notNull(),
    disabledReason: text("disabled_reason"),
    disabledAt: ts("disabled_at"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    failingSince: ts("failing_since"),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [index().on(t.merchantId)],
);

/** One message for one endpoint (its id is the `webhook-id`); its attempts are the delivery log. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id),
    caseId: uuid("case_id").references(() => returnCases.id),
    eventId: bigint("event_id", { mode: "number" }),
    type: text("type").notNull(),
    payload: jsonb("payload").notNull(),
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    createdAt: ts("created_at").notNull(),
    deliveredAt: ts("delivered_at"),
  },
  (t) => [unique().on(t.endpointId, t.eventId), index().on(t.endpointId, t.createdAt)],
);

export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: uuid("id").primaryKey(),
    /** Insertion order (several attempts may share a timestamp). */
    n: bigint("n", { mode: "number" }).generatedAlwaysAsIdentity(),
    deliveryId: text("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id),
    at: ts("at").notNull(),
    ok: boolean("ok").notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    replay: boolean("replay").notNull(),
  },
  (t) => [index().on(t.deliveryId)],
);

/** Things the merchant must know about (an endpoint disabled after repeated failures, …). */
export const merchantNotices = pgTable(
  "merchant_notices",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    kind: text("kind").notNull(),
    message: text("message").notNull(),
    data: jsonb("data").notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [index().on(t.merchantId, t.createdAt)],
);
