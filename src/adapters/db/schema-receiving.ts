import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { ts } from "./schema-columns.ts";
import { locations, merchants } from "./schema-commerce.ts";
import { returnCases } from "./schema-returns.ts";

/** Parcels received without an RMA (blind receipts), parked until someone matches them to a case. */
export const blindReceipts = pgTable(
  "blind_receipts",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    number: text("number").notNull(),
    locationId: uuid("location_id").references(() => locations.id),
    scannedCode: text("scanned_code"),
    /** [{code, quantity, description}]: what was found in the parcel. */
    items: jsonb("items").notNull(),
    note: text("note"),
    status: text("status").notNull(),
    caseId: uuid("case_id").references(() => returnCases.id),
    parkedAt: ts("parked_at").notNull(),
    /** The actor who parked it: {kind, id, name}. */
    parkedBy: jsonb("parked_by").notNull(),
    matchedAt: ts("matched_at"),
    matchedBy: jsonb("matched_by"),
  },
  (t) => [
    unique().on(t.merchantId, t.number),
    index().on(t.merchantId, t.status, t.parkedAt),
    check("blind_receipts_status", sql`${t.status} in ('parked', 'matched')`),
    check(
      "blind_receipts_matched_case",
      sql`(${t.status} = 'matched') = (${t.caseId} is not null and ${t.matchedAt} is not null)`,
    ),
  ],
);
