-- Indexes the profile of creations and refunds asked for (issue 7): reads that found their rows by a
-- column with no index scanned the whole table, so their cost grew with every merchant's data, not with
-- the order or case they read. The order read takes an order's tenders and the merchant's extenuating
-- events; the outbox lease takes a case's delivery progress (its key leads with the consumer); a case's
-- receipts, inspections, credit notes, store credit and ledger transactions are read, and erased, by
-- case; an order's settlements by order.
-- Migrations run in a transaction, so these indexes are built without CONCURRENTLY and hold off writes
-- to their table while they build. On a large database, build them first with CREATE INDEX
-- CONCURRENTLY under the same names: IF NOT EXISTS then skips them here.
CREATE INDEX IF NOT EXISTS "order_tenders_order_id_position_index" ON "order_tenders" USING btree ("order_id","position");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "extenuating_events_merchant_id_starts_at_index" ON "extenuating_events" USING btree ("merchant_id","starts_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "outbox_progress_case_id_index" ON "outbox_progress" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "receipts_case_id_index" ON "receipts" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "inspections_case_id_index" ON "inspections" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "credit_notes_case_id_index" ON "credit_notes" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "store_credit_lots_case_id_index" ON "store_credit_lots" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "ledger_transactions_case_id_index" ON "ledger_transactions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "settlements_order_id_index" ON "settlements" USING btree ("order_id");--> statement-breakpoint
-- The back office's lists of settlements (newest first, by status) and of credit notes, a provider's
-- webhook finding its refund by reference, a customer's live store credit.
CREATE INDEX IF NOT EXISTS "settlements_merchant_id_created_at_index" ON "settlements" USING btree ("merchant_id","created_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "settlements_merchant_id_status_created_at_index" ON "settlements" USING btree ("merchant_id","status","created_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "settlements_gateway_provider_reference_index" ON "settlements" USING btree ("gateway","provider_reference");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "credit_notes_merchant_id_issued_at_index" ON "credit_notes" USING btree ("merchant_id","issued_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "store_credit_lots_merchant_id_customer_id_currency_index" ON "store_credit_lots" USING btree ("merchant_id","customer_id","currency");--> statement-breakpoint
-- The earliest and latest "at" of each case's events, kept on its outbox mark by every append
-- (outbox-mark.ts): reads of a case's events bound "at" with them, so they visit the one or two
-- monthly partitions of case_events the case's events are in, not every month there is.
ALTER TABLE "outbox_cases" ADD COLUMN "first_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_cases" ADD COLUMN "last_at" timestamp with time zone;--> statement-breakpoint
UPDATE "outbox_cases" o SET "first_at" = e.first_at, "last_at" = e.last_at
  FROM (SELECT "case_id", min("at") AS first_at, max("at") AS last_at FROM "case_events" GROUP BY "case_id") e
  WHERE e."case_id" = o."case_id";
