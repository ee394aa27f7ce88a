CREATE TABLE "credit_note_counters" (
	"legal_entity_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "credit_note_counters_legal_entity_id_year_pk" PRIMARY KEY("legal_entity_id","year")
);
--> statement-breakpoint
CREATE TABLE "credit_notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"legal_entity_id" uuid NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"case_id" uuid NOT NULL,
	"calculation_id" uuid NOT NULL,
	"document" jsonb NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "credit_notes_number_unique" UNIQUE("number"),
	CONSTRAINT "credit_notes_legal_entity_id_year_sequence_unique" UNIQUE("legal_entity_id","year","sequence")
);
--> statement-breakpoint
CREATE TABLE "fx_rates" (
	"source" text NOT NULL,
	"date" text NOT NULL,
	"currency" text NOT NULL,
	"rate" text NOT NULL,
	CONSTRAINT "fx_rates_source_date_currency_pk" PRIMARY KEY("source","date","currency")
);
--> statement-breakpoint
CREATE TABLE "refund_calculations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"currency" text NOT NULL,
	"total" bigint NOT NULL,
	"units" jsonb NOT NULL,
	"lines" jsonb NOT NULL,
	"by_destination" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"actor_id" text NOT NULL,
	CONSTRAINT "refund_calculations_case_id_version_unique" UNIQUE("case_id","version")
);
--> statement-breakpoint
CREATE TABLE "store_credit_lots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"amount" bigint NOT NULL,
	"remaining" bigint NOT NULL,
	"expires_at" timestamp with time zone,
	"case_id" uuid,
	"expired" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"provider" text NOT NULL,
	"event_id" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "webhook_events_provider_event_id_pk" PRIMARY KEY("provider","event_id")
);
--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "settings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "return_cases" ADD COLUMN "refund_deadline" jsonb;--> statement-breakpoint
ALTER TABLE "return_lines" ADD COLUMN "qty_refunded" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "settlements" ADD COLUMN "calculation_id" uuid;--> statement-breakpoint
ALTER TABLE "settlements" ADD COLUMN "settlement_currency" text;--> statement-breakpoint
ALTER TABLE "settlements" ADD COLUMN "settlement_amount" bigint;--> statement-breakpoint
ALTER TABLE "settlements" ADD COLUMN "fx" jsonb;--> statement-breakpoint
ALTER TABLE "settlements" ADD COLUMN "bank_account" jsonb;--> statement-breakpoint
ALTER TABLE "settlements" ADD COLUMN "approved_by" text;--> statement-breakpoint
ALTER TABLE "settlements" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "settlements" ADD COLUMN "exported_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "settlements" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "credit_note_counters" ADD CONSTRAINT "credit_note_counters_legal_entity_id_legal_entities_id_fk" FOREIGN KEY ("legal_entity_id") REFERENCES "public"."legal_entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_legal_entity_id_legal_entities_id_fk" FOREIGN KEY ("legal_entity_id") REFERENCES "public"."legal_entities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_case_id_return_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."return_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_calculation_id_refund_calculations_id_fk" FOREIGN KEY ("calculation_id") REFERENCES "public"."refund_calculations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refund_calculations" ADD CONSTRAINT "refund_calculations_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refund_calculations" ADD CONSTRAINT "refund_calculations_case_id_return_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."return_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_credit_lots" ADD CONSTRAINT "store_credit_lots_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_credit_lots" ADD CONSTRAINT "store_credit_lots_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_credit_lots" ADD CONSTRAINT "store_credit_lots_case_id_return_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."return_cases"("id") ON DELETE no action ON UPDATE no action;