-- Every read of an order finds each line's product by (merchant_id, sku), the unique key. While the
-- products table is small (or has no statistics: autovacuum off), the plan PostgreSQL keeps for the
-- statement costs the index on (merchant_id, variant_group) the same and may take it (auto_explain under
-- the creation load: "Index Cond: (merchant_id = …), Filter: (sku = l.sku)"), walking every product of
-- the merchant for each line. Made partial, that index no longer serves a lookup that does not name a
-- variant group; the portal's variant lookups (variant_group = $1) still use it.
DROP INDEX IF EXISTS "products_merchant_id_variant_group_index";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "products_merchant_id_variant_group_index" ON "products" USING btree ("merchant_id","variant_group") WHERE "variant_group" IS NOT NULL;
