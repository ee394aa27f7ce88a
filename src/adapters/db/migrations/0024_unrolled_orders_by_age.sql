DROP INDEX "orders_unrolled_index";--> statement-breakpoint
CREATE INDEX "orders_unrolled_index" ON "orders" USING btree ("updated_at") WHERE rolled_hash IS DISTINCT FROM content_hash;