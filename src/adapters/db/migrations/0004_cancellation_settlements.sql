ALTER TABLE "settlements" ALTER COLUMN "case_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "settlements" ADD COLUMN "order_id" uuid;--> statement-breakpoint
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
UPDATE "settlements" s SET "order_id" = c."order_id" FROM "return_cases" c WHERE s."case_id" = c."id" AND s."order_id" IS NULL;
