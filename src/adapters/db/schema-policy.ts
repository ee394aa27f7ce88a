import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { ts } from "./schema-columns.ts";
import { merchants, orders } from "./schema-commerce.ts";

/** Every saved version of every policy: a new PUT adds a row, nothing is overwritten. */
export const returnPolicies = pgTable(
  "return_policies",
  {
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    policyId: text("policy_id").notNull(),
    version: integer("version").notNull(),
    document: jsonb("document").notNull(),
    createdAt: ts("created_at").notNull(),
    actorId: text("actor_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.policyId, t.version] })],
);

/** A merchant-declared event (storm, strike, epidemic) under which affected orders get full refunds or longer windows. */
export const extenuatingEvents = pgTable(
  "extenuating_events",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    externalId: text("external_id").notNull(),
    description: text("description").notNull(),
    countries: text("countries").array().notNull(),
    regions: text("regions").array().notNull(),
    startsAt: ts("starts_at").notNull(),
    endsAt: ts("ends_at").notNull(),
    effect: text("effect").notNull(),
    extendDays: integer("extend_days"),
    createdAt: ts("created_at").notNull(),
    actorId: text("actor_id").notNull(),
  },
  (t) => [index().on(t.merchantId, t.startsAt)],
);

/** An order cancelled before shipment (or a booking cancelled before its start), with the decision that priced it. */
export const orderCancellations = pgTable("order_cancellations", {
  orderId: uuid("order_id")
    .primaryKey()
    .references(() => orders.id),
  merchantId: uuid("merchant_id")
    .notNull()
    .references(() => merchants.id),
  decision: jsonb("decision").notNull(),
  reason: text("reason"),
  cancelledAt: ts("cancelled_at").notNull(),
  actorId: text("actor_id").notNull(),
});
