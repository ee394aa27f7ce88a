-- A refund reads the order's earlier refunds: its cases' calculations by order and merchant, and what
-- each of its tenders gave back by tender and merchant. The plan PostgreSQL keeps for a named statement
-- (a generic plan) was made while the tables were small (or without statistics: autovacuum off), and
-- found the rows through the merchant's index, filtering out every other case and settlement of the
-- merchant: 0.7 ms at a thousand cases, and growing with every case (auto_explain: "Rows Removed by
-- Filter" of nearly all the merchant's rows). With both columns in one index, the plan takes that index
-- whatever the statistics say (the tender's sum is read per tender: refund-history.ts). Each replaces
-- the index on its first column alone, which it serves as well.
CREATE INDEX IF NOT EXISTS "return_cases_order_id_merchant_id_index" ON "return_cases" USING btree ("order_id","merchant_id");--> statement-breakpoint
DROP INDEX IF EXISTS "return_cases_order_id_index";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "settlements_tender_id_merchant_id_index" ON "settlements" USING btree ("tender_id","merchant_id");--> statement-breakpoint
DROP INDEX IF EXISTS "settlements_tender_id_index";
