CREATE TABLE "case_routes" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"decision" jsonb NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consolidations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"from_location_id" uuid NOT NULL,
	"to_location_id" uuid NOT NULL,
	"carrier" text,
	"tracking_number" text,
	"status" text NOT NULL,
	"manifest" jsonb NOT NULL,
	"reconciliation" jsonb,
	"shipped_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone,
	CONSTRAINT "consolidations_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "duty_claims" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"regime" text NOT NULL,
	"currency" text NOT NULL,
	"paid" bigint NOT NULL,
	"recoverable" bigint NOT NULL,
	"recovered" bigint,
	"quantity" integer NOT NULL,
	"deadline" text NOT NULL,
	"state" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"citation" text NOT NULL,
	"lost_reason" text,
	"claim_reference" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "duty_claims_case_id_line_id_regime_unique" UNIQUE("case_id","line_id","regime")
);
--> statement-breakpoint
CREATE TABLE "hub_bags" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"code" text NOT NULL,
	"status" text NOT NULL,
	"pallet_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"sealed_at" timestamp with time zone,
	CONSTRAINT "hub_bags_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "hub_pallets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"code" text NOT NULL,
	"consolidation_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "hub_pallets_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "hub_parcels" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"shipment_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"scanned_code" text NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"actor_id" text NOT NULL,
	CONSTRAINT "hub_parcels_shipment_id_unique" UNIQUE("shipment_id")
);
--> statement-breakpoint
CREATE TABLE "hub_units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"licence_plate" text NOT NULL,
	"parcel_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"bag_id" uuid,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "hub_units_licence_plate_unique" UNIQUE("licence_plate")
);
--> statement-breakpoint
CREATE TABLE "logistics_settings" (
	"merchant_id" uuid PRIMARY KEY NOT NULL,
	"document" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbound_webhooks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"location_id" uuid,
	"subject_id" uuid NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "return_shipments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"code" text NOT NULL,
	"method" text NOT NULL,
	"carrier" text,
	"carrier_name" text,
	"service" text,
	"status" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"provider_shipment_id" text,
	"provider_rate_id" text,
	"provider_label_id" text,
	"tracking_number" text,
	"carrier_label_url" text,
	"cost" bigint,
	"cost_currency" text,
	"destination_code" text NOT NULL,
	"destination" jsonb NOT NULL,
	"lines" jsonb NOT NULL,
	"customs" jsonb,
	"lane" jsonb,
	"request" jsonb NOT NULL,
	"failure_reason" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"first_scan_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"delayed_at" timestamp with time zone,
	"polled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "return_shipments_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "return_shipments_merchant_id_code_unique" UNIQUE("merchant_id","code")
);
--> statement-breakpoint
CREATE TABLE "shipment_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "shipment_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"shipment_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"tracking_status" text,
	"message" text,
	"location" text,
	"source" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "accepts" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "handling" jsonb;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "lanes" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "asn" jsonb;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "vendor_code" text;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "case_routes" ADD CONSTRAINT "case_routes_case_id_return_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."return_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_routes" ADD CONSTRAINT "case_routes_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consolidations" ADD CONSTRAINT "consolidations_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consolidations" ADD CONSTRAINT "consolidations_from_location_id_locations_id_fk" FOREIGN KEY ("from_location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consolidations" ADD CONSTRAINT "consolidations_to_location_id_locations_id_fk" FOREIGN KEY ("to_location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_claims" ADD CONSTRAINT "duty_claims_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_claims" ADD CONSTRAINT "duty_claims_case_id_return_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."return_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_claims" ADD CONSTRAINT "duty_claims_line_id_return_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."return_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_claims" ADD CONSTRAINT "duty_claims_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_bags" ADD CONSTRAINT "hub_bags_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_bags" ADD CONSTRAINT "hub_bags_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_bags" ADD CONSTRAINT "hub_bags_pallet_id_hub_pallets_id_fk" FOREIGN KEY ("pallet_id") REFERENCES "public"."hub_pallets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_pallets" ADD CONSTRAINT "hub_pallets_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_pallets" ADD CONSTRAINT "hub_pallets_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_pallets" ADD CONSTRAINT "hub_pallets_consolidation_id_consolidations_id_fk" FOREIGN KEY ("consolidation_id") REFERENCES "public"."consolidations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_parcels" ADD CONSTRAINT "hub_parcels_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_parcels" ADD CONSTRAINT "hub_parcels_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_parcels" ADD CONSTRAINT "hub_parcels_shipment_id_return_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."return_shipments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_parcels" ADD CONSTRAINT "hub_parcels_case_id_return_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."return_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_units" ADD CONSTRAINT "hub_units_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_units" ADD CONSTRAINT "hub_units_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_units" ADD CONSTRAINT "hub_units_parcel_id_hub_parcels_id_fk" FOREIGN KEY ("parcel_id") REFERENCES "public"."hub_parcels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_units" ADD CONSTRAINT "hub_units_case_id_return_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."return_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_units" ADD CONSTRAINT "hub_units_line_id_return_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."return_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_units" ADD CONSTRAINT "hub_units_bag_id_hub_bags_id_fk" FOREIGN KEY ("bag_id") REFERENCES "public"."hub_bags"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logistics_settings" ADD CONSTRAINT "logistics_settings_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_webhooks" ADD CONSTRAINT "outbound_webhooks_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_webhooks" ADD CONSTRAINT "outbound_webhooks_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_shipments" ADD CONSTRAINT "return_shipments_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_shipments" ADD CONSTRAINT "return_shipments_case_id_return_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."return_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment_events" ADD CONSTRAINT "shipment_events_shipment_id_return_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."return_shipments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duty_claims_merchant_id_state_index" ON "duty_claims" USING btree ("merchant_id","state");--> statement-breakpoint
CREATE INDEX "duty_claims_merchant_regime" ON "duty_claims" USING btree ("merchant_id","regime");--> statement-breakpoint
CREATE INDEX "hub_units_bag_id_index" ON "hub_units" USING btree ("bag_id");--> statement-breakpoint
CREATE INDEX "hub_units_case_id_index" ON "hub_units" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "outbound_webhooks_status_index" ON "outbound_webhooks" USING btree ("status");--> statement-breakpoint
CREATE INDEX "outbound_webhooks_subject_id_index" ON "outbound_webhooks" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "return_shipments_case_id_index" ON "return_shipments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "return_shipments_carrier_tracking_number_index" ON "return_shipments" USING btree ("carrier","tracking_number");--> statement-breakpoint
CREATE INDEX "return_shipments_status_index" ON "return_shipments" USING btree ("status");--> statement-breakpoint
CREATE INDEX "shipment_events_shipment_id_index" ON "shipment_events" USING btree ("shipment_id");--> statement-breakpoint
CREATE TRIGGER shipment_events_append_only BEFORE UPDATE OR DELETE ON "shipment_events"
  FOR EACH ROW EXECUTE FUNCTION crossback_refuse_change();
