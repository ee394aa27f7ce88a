ALTER TABLE "api_keys" ADD COLUMN "scopes" text[] DEFAULT ARRAY['read','returns:write','refunds:write','payouts:approve','settings']::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "last_used_at" timestamp with time zone;