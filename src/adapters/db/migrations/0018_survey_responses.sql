CREATE TABLE "survey_responses" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"comment" text,
	"market" text,
	"vendor" text,
	"reasons" text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_responses_score" CHECK ("survey_responses"."score" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_case_id_return_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."return_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_responses_merchant_id_created_at_index" ON "survey_responses" USING btree ("merchant_id","created_at");