CREATE TABLE "platform_connections" (
	"merchant_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"shop" text NOT NULL,
	"key_id" text,
	"credential_sealed" text NOT NULL,
	"webhook_secret_sealed" text NOT NULL,
	"refund_on_platform" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "platform_connections_merchant_id_platform_pk" PRIMARY KEY("merchant_id","platform")
);
--> statement-breakpoint
CREATE TABLE "platform_mirrors" (
	"case_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"step" text NOT NULL,
	"merchant_id" uuid NOT NULL,
	"platform_id" text NOT NULL,
	"detail" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "platform_mirrors_case_id_platform_step_pk" PRIMARY KEY("case_id","platform","step")
);
--> statement-breakpoint
CREATE TABLE "platform_orders" (
	"merchant_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"platform_order_id" text NOT NULL,
	"order_external_id" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "platform_orders_merchant_id_platform_platform_order_id_pk" PRIMARY KEY("merchant_id","platform","platform_order_id")
);
--> statement-breakpoint
CREATE TABLE "platform_sync_runs" (
	"merchant_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"cursor" text,
	"pages" integer NOT NULL,
	"orders" integer NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "platform_sync_runs_merchant_id_platform_pk" PRIMARY KEY("merchant_id","platform")
);
--> statement-breakpoint
ALTER TABLE "platform_connections" ADD CONSTRAINT "platform_connections_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_mirrors" ADD CONSTRAINT "platform_mirrors_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_orders" ADD CONSTRAINT "platform_orders_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_sync_runs" ADD CONSTRAINT "platform_sync_runs_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "platform_connections_platform_shop_index" ON "platform_connections" USING btree ("platform","shop");--> statement-breakpoint
CREATE INDEX "platform_orders_merchant_id_platform_order_external_id_index" ON "platform_orders" USING btree ("merchant_id","platform","order_external_id");