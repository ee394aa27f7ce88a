import { boolean, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { minor, ts } from "./schema-columns.ts";
import { customers, legalEntities, merchants } from "./schema-commerce.ts";
import { returnCases } from "./schema-returns.ts";

/** Immutable refund calculations: a recalculation is a new version, never an edit. */
export const refundCalculations = pgTable(
  "refund_calculations",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => returnCases.id),
    version: integer("version").notNull(),
    currency: text("currency").notNull(),
    total: minor("total").notNull(),
    units: jsonb("units").notNull(),
    lines: jsonb("lines").notNull(),
    byDestination: jsonb("by_destination").notNull(),
    createdAt: ts("created_at").notNull(),
    actorId: text("actor_id").notNull(),
  },
  (t) => [unique().on(t.caseId, t.version)],
);

/** Gapless credit-note numbers per legal entity: the counter moves in the transaction that issues the note. */
export const creditNoteCounters = pgTable(
  "credit_note_counters",
  {
    legalEntityId: uuid("legal_entity_id")
      .notNull()
      .references(() => legalEntities.id),
    year: integer("year").notNull(),
    value: integer("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.legalEntityId, t.year] })],
);

export const creditNotes = pgTable(
  "credit_notes",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    legalEntityId: uuid("legal_entity_id")
      .notNull()
      .references(() => legalEntities.id),
    /** Gapless per legal entity and year: unique per entity (two entities may share a country). */
    number: text("number").notNull(),
    year: integer("year").notNull(),
    sequence: integer("sequence").notNull(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => returnCases.id),
    calculationId: uuid("calculation_id")
      .notNull()
      .references(() => refundCalculations.id),
    document: jsonb("document").notNull(),
    issuedAt: ts("issued_at").notNull(),
  },
  (t) => [
    unique().on(t.legalEntityId, t.year, t.sequence),
    unique().on(t.legalEntityId, t.number),
    index().on(t.caseId),
    index().on(t.merchantId, t.issuedAt),
  ],
);

/** Store credit as lots: each issue can expire; redemptions take the lots that expire first. */
export const storeCreditLots = pgTable(
  "store_credit_lots",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    currency: text("currency").notNull(),
    amount: minor("amount").notNull(),
    remaining: minor("remaining").notNull(),
    expiresAt: ts("expires_at"),
    caseId: uuid("case_id").references(() => returnCases.id),
    expired: boolean("expired").notNull().default(false),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [index().on(t.caseId), index().on(t.merchantId, t.customerId, t.currency)],
);

/** ECB (or other) reference rates: units of `currency` per 1 EUR on `date`. */
export const fxRates = pgTable(
  "fx_rates",
  {
    source: text("source").notNull(),
    date: text("date").notNull(),
    currency: text("currency").notNull(),
    rate: text("rate").notNull(),
  },
  (t) => [primaryKey({ columns: [t.source, t.date, t.currency] })],
);

/** Provider webhook events already applied: a replay changes nothing. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    provider: text("provider").notNull(),
    eventId: text("event_id").notNull(),
    receivedAt: ts("received_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);
