CREATE TABLE "report_queue" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "report_queue_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" uuid NOT NULL,
	"merchant_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "outbox_cases_unrolled_index";--> statement-breakpoint
CREATE INDEX "report_queue_merchant_index" ON "report_queue" USING btree ("merchant_id");--> statement-breakpoint
-- Cases the rollups had not counted yet move to the queue before their mark goes.
INSERT INTO "report_queue" ("case_id", "merchant_id", "at") SELECT "case_id", "merchant_id", "updated_at" FROM "outbox_cases" WHERE "last_seq" > "rolled_seq";--> statement-breakpoint
ALTER TABLE "outbox_cases" DROP COLUMN "rolled_seq";