ALTER TABLE "credit_notes" DROP CONSTRAINT "credit_notes_number_unique";--> statement-breakpoint
ALTER TABLE "legal_entities" ADD COLUMN "code" text;--> statement-breakpoint
ALTER TABLE "legal_entities" ADD CONSTRAINT "legal_entities_merchant_id_code_unique" UNIQUE("merchant_id","code");--> statement-breakpoint
ALTER TABLE "credit_notes" ADD CONSTRAINT "credit_notes_legal_entity_id_number_unique" UNIQUE("legal_entity_id","number");