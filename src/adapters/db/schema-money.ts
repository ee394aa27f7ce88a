import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { minor, ts } from "./schema-columns.ts";
import { customers, merchants, orders, orderTenders } from "./schema-commerce.ts";
import { returnCases } from "./schema-returns.ts";

/** Double-entry ledger: every transaction's entries sum to zero per currency (checked by a deferred trigger). */
export const ledgerAccounts = pgTable(
  "ledger_accounts",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    kind: text("kind").notNull(),
    customerId: uuid("customer_id").references(() => customers.id),
    currency: text("currency").notNull(),
  },
  (t) => [unique().on(t.merchantId, t.kind, t.customerId, t.currency).nullsNotDistinct()],
);

export const ledgerTransactions = pgTable(
  "ledger_transactions",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    caseId: uuid("case_id").references(() => returnCases.id),
    kind: text("kind").notNull(),
    memo: text("memo"),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [index().on(t.caseId)],
);

export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: uuid("id").primaryKey(),
    transactionId: uuid("transaction_id")
      .notNull()
      .references(() => ledgerTransactions.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => ledgerAccounts.id),
    amount: minor("amount").notNull(),
    currency: text("currency").notNull(),
  },
  (t) => [index().on(t.accountId), index().on(t.transactionId)],
);

export const settlements = pgTable(
  "settlements",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    /** The return case it settles; null for the refund of a cancelled order. */
    caseId: uuid("case_id").references(() => returnCases.id),
    orderId: uuid("order_id").references(() => orders.id),
    tenderId: uuid("tender_id").references(() => orderTenders.id),
    method: text("method").notNull(),
    gateway: text("gateway"),
    amount: minor("amount").notNull(),
    currency: text("currency").notNull(),
    status: text("status").notNull(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    providerReference: text("provider_reference"),
    failureReason: text("failure_reason"),
    ledgerTransactionId: uuid("ledger_transaction_id").references(() => ledgerTransactions.id),
    attempts: integer("attempts").notNull().default(0),
    calculationId: uuid("calculation_id"),
    /** Merchant settlement-currency value at refund time, the rate and its source (accounting). */
    settlementCurrency: text("settlement_currency"),
    settlementAmount: minor("settlement_amount"),
    fx: jsonb("fx"),
    /** Bank transfers: the shopper's account (masked in the API), and the approval above the threshold. */
    bankAccount: jsonb("bank_account"),
    approvedBy: text("approved_by"),
    approvedAt: ts("approved_at"),
    /** Four eyes: the first of two approvals above the merchant's threshold (the second completes it). */
    firstApprovedBy: text("first_approved_by"),
    firstApprovedAt: ts("first_approved_at"),
    exportedAt: ts("exported_at"),
    nextAttemptAt: ts("next_attempt_at"),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    index().on(t.caseId),
    index().on(t.tenderId, t.merchantId),
    // What the recovery sweep looks for every minute: a few rows among millions of finished ones.
    index("settlements_in_flight_index")
      .on(t.status, t.updatedAt)
      .where(sql`status in ('pending', 'processing', 'awaiting_provider')`),
    check("settlement_amount", sql`${t.amount} > 0`),
    index().on(t.orderId),
    // The back office's lists (newest first, by status) and a provider's webhook finding its refund.
    index().on(t.merchantId, t.createdAt),
    index().on(t.merchantId, t.status, t.createdAt),
    index().on(t.gateway, t.providerReference),
  ],
);
