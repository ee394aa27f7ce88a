CREATE TABLE "report_contrib" (
	"source_id" uuid NOT NULL,
	"merchant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"by" text NOT NULL,
	"day" date NOT NULL,
	"key" text DEFAULT '' NOT NULL,
	"market" text DEFAULT '' NOT NULL,
	"vendor" text DEFAULT '' NOT NULL,
	"currency" text DEFAULT '' NOT NULL,
	"bucket" integer DEFAULT 0 NOT NULL,
	"n1" bigint DEFAULT 0 NOT NULL,
	"n2" bigint DEFAULT 0 NOT NULL,
	"n3" bigint DEFAULT 0 NOT NULL,
	"n4" bigint DEFAULT 0 NOT NULL,
	"label" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_rollup" (
	"merchant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"by" text NOT NULL,
	"day" date NOT NULL,
	"key" text DEFAULT '' NOT NULL,
	"market" text DEFAULT '' NOT NULL,
	"vendor" text DEFAULT '' NOT NULL,
	"currency" text DEFAULT '' NOT NULL,
	"bucket" integer DEFAULT 0 NOT NULL,
	"n1" bigint DEFAULT 0 NOT NULL,
	"n2" bigint DEFAULT 0 NOT NULL,
	"n3" bigint DEFAULT 0 NOT NULL,
	"n4" bigint DEFAULT 0 NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"grain" text NOT NULL,
	CONSTRAINT "report_rollup_pk" PRIMARY KEY("merchant_id","kind","by","grain","day","key","market","vendor","currency","bucket")
);
--> statement-breakpoint
ALTER TABLE "outbox_cases" ADD COLUMN "rolled_seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_contrib" ADD CONSTRAINT "report_contrib_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_rollup" ADD CONSTRAINT "report_rollup_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_contrib_source_index" ON "report_contrib" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "outbox_cases_unrolled_index" ON "outbox_cases" USING btree ("updated_at") WHERE last_seq > rolled_seq;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "rolled_hash" text;--> statement-breakpoint
CREATE INDEX "orders_unrolled_index" ON "orders" USING btree ("merchant_id") WHERE rolled_hash IS DISTINCT FROM content_hash;--> statement-breakpoint
-- Case events partitioned by month of "at" (issue 12 point 7): the table is rebuilt as a partitioned
-- one with the same columns and rows; keys now include "at". Months 2025-01 to 2027-12 exist from the
-- start, `crossback_event_partitions` adds months ahead (called at every start and daily), and a
-- default partition takes whatever falls outside them.
CREATE TABLE "case_events_partitioned" (
	"id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
	"case_id" uuid NOT NULL REFERENCES "public"."return_cases"("id"),
	"merchant_id" uuid NOT NULL REFERENCES "public"."merchants"("id"),
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text NOT NULL,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL,
	"reason" text,
	"from_status" text,
	"to_status" text NOT NULL,
	"data" jsonb NOT NULL,
	PRIMARY KEY ("id", "at"),
	UNIQUE ("case_id", "seq", "at")
) PARTITION BY RANGE ("at");
--> statement-breakpoint
CREATE TABLE "case_events_default" PARTITION OF "case_events_partitioned" DEFAULT;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crossback_event_partitions(first_month date, months integer, parent text DEFAULT 'case_events')
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  m date := date_trunc('month', first_month)::date;
  made integer := 0;
  name text;
BEGIN
  FOR i IN 1..months LOOP
    name := 'case_events_' || to_char(m, 'YYYY_MM');
    IF to_regclass(name) IS NULL THEN
      -- A month whose events already sit in the default partition stays there (moving them would
      -- delete from an append-only table).
      IF NOT EXISTS (SELECT 1 FROM case_events_default WHERE at >= m AND at < (m + interval '1 month')) THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
          name, parent, m::timestamptz, (m + interval '1 month')::timestamptz);
        made := made + 1;
      END IF;
    END IF;
    m := (m + interval '1 month')::date;
  END LOOP;
  RETURN made;
END;
$$;
--> statement-breakpoint
SELECT crossback_event_partitions('2025-01-01', 36, 'case_events_partitioned');
--> statement-breakpoint
INSERT INTO "case_events_partitioned" OVERRIDING SYSTEM VALUE SELECT * FROM "case_events";
--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('case_events_partitioned', 'id'), coalesce((SELECT max(id) FROM "case_events"), 0) + 1, false);
--> statement-breakpoint
DROP TABLE "case_events";
--> statement-breakpoint
ALTER TABLE "case_events_partitioned" RENAME TO "case_events";
--> statement-breakpoint
ALTER SEQUENCE "case_events_partitioned_id_seq" RENAME TO "case_events_id_seq";
--> statement-breakpoint
ALTER TABLE "case_events" RENAME CONSTRAINT "case_events_partitioned_pkey" TO "case_events_pkey";
--> statement-breakpoint
ALTER TABLE "case_events" RENAME CONSTRAINT "case_events_partitioned_case_id_seq_at_key" TO "case_events_case_id_seq_unique";
--> statement-breakpoint
CREATE INDEX "case_events_merchant_id_id_index" ON "case_events" USING btree ("merchant_id","id");
--> statement-breakpoint
-- Append-only as before, on every partition; the erasure exception names the parent table.
CREATE OR REPLACE FUNCTION crossback_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE tbl text := coalesce(TG_ARGV[0], TG_TABLE_NAME);
BEGIN
  IF TG_OP = 'UPDATE' AND tbl IN ('case_events', 'shipment_events')
     AND current_setting('crossback.erasure', true) = 'on' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', tbl, TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION crossback_refuse_change('case_events');
