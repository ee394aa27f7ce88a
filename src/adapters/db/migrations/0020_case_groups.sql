ALTER TABLE "return_cases" ADD COLUMN "group_id" uuid;--> statement-breakpoint
CREATE INDEX "return_cases_group" ON "return_cases" USING btree ("merchant_id","group_id") WHERE group_id is not null;