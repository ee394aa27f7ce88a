CREATE TABLE "merchant_provider_accounts" (
	"merchant_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"account_id" text,
	"api_key_sealed" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "merchant_provider_accounts_merchant_id_provider_pk" PRIMARY KEY("merchant_id","provider")
);
--> statement-breakpoint
ALTER TABLE "merchant_provider_accounts" ADD CONSTRAINT "merchant_provider_accounts_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "merchant_provider_accounts_provider_account_id_index" ON "merchant_provider_accounts" USING btree ("provider","account_id");