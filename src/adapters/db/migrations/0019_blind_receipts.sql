CREATE TABLE "blind_receipts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"number" text NOT NULL,
	"location_id" uuid,
	"scanned_code" text,
	"items" jsonb NOT NULL,
	"note" text,
	"status" text NOT NULL,
	"case_id" uuid,
	"parked_at" timestamp with time zone NOT NULL,
	"parked_by" jsonb NOT NULL,
	"matched_at" timestamp with time zone,
	"matched_by" jsonb,
	CONSTRAINT "blind_receipts_merchant_id_number_unique" UNIQUE("merchant_id","number"),
	CONSTRAINT "blind_receipts_status" CHECK ("blind_receipts"."status" in ('parked', 'matched')),
	CONSTRAINT "blind_receipts_matched_case" CHECK (("blind_receipts"."status" = 'matched') = ("blind_receipts"."case_id" is not null and "blind_receipts"."matched_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "gtin" text;--> statement-breakpoint
ALTER TABLE "blind_receipts" ADD CONSTRAINT "blind_receipts_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blind_receipts" ADD CONSTRAINT "blind_receipts_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blind_receipts" ADD CONSTRAINT "blind_receipts_case_id_return_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."return_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "blind_receipts_merchant_id_status_parked_at_index" ON "blind_receipts" USING btree ("merchant_id","status","parked_at");