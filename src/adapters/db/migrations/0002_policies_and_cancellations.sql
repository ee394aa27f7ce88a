CREATE TABLE "extenuating_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"description" text NOT NULL,
	"countries" text[] NOT NULL,
	"regions" text[] NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"effect" text NOT NULL,
	"extend_days" integer,
	"created_at" timestamp with time zone NOT NULL,
	"actor_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_cancellations" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"decision" jsonb NOT NULL,
	"reason" text,
	"cancelled_at" timestamp with time zone NOT NULL,
	"actor_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "return_policies" (
	"merchant_id" uuid NOT NULL,
	"policy_id" text NOT NULL,
	"version" integer NOT NULL,
	"document" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"actor_id" text NOT NULL,
	CONSTRAINT "return_policies_merchant_id_policy_id_version_pk" PRIMARY KEY("merchant_id","policy_id","version")
);
--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "starts_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "extenuating_events" ADD CONSTRAINT "extenuating_events_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_cancellations" ADD CONSTRAINT "order_cancellations_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_cancellations" ADD CONSTRAINT "order_cancellations_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_policies" ADD CONSTRAINT "return_policies_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;