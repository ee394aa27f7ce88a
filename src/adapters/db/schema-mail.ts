import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { ts } from "./schema-columns.ts";
import { merchants } from "./schema-commerce.ts";
import { returnCases } from "./schema-returns.ts";

/** A merchant's edited e-mail template of one kind and locale (none: the default wording). */
export const emailTemplates = pgTable(
  "email_templates",
  {
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    kind: text("kind").notNull(),
    locale: text("locale").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.kind, t.locale] })],
);

/**
 * Each e-mail to a shopper, recorded before it is sent. `key` (event id and kind, or the case's
 * reminder) is unique: a redelivered event finds its message instead of sending another.
 */
export const emailMessages = pgTable(
  "email_messages",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    caseId: uuid("case_id").references(() => returnCases.id),
    key: text("key").notNull().unique(),
    kind: text("kind").notNull(),
    locale: text("locale").notNull(),
    to: text("to_address").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: ts("created_at").notNull(),
    sentAt: ts("sent_at"),
  },
  (t) => [index().on(t.merchantId, t.id), index().on(t.caseId)],
);

/** The post-return survey: one answer per case, with what it is reported under (market, vendor, reasons). */
export const surveyResponses = pgTable(
  "survey_responses",
  {
    caseId: uuid("case_id")
      .primaryKey()
      .references(() => returnCases.id),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    score: integer("score").notNull(),
    comment: text("comment"),
    market: text("market"),
    vendor: text("vendor"),
    reasons: text("reasons").array().notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    check("survey_responses_score", sql`${t.score} between 1 and 5`),
    index().on(t.merchantId, t.createdAt),
  ],
);
