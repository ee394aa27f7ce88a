-- A committed change to a merchant's configuration is announced on the channel crossback_config with the
-- merchant's id, so every crossback process forgets what it cached of that merchant (config-cache.ts).
-- NOTIFY is delivered at commit, and once per merchant per transaction. api_keys announces changes to
-- what authentication reads, not "last used" (written once a minute per key).
CREATE FUNCTION crossback_config_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('crossback_config', coalesce(to_jsonb(NEW), to_jsonb(OLD)) ->> TG_ARGV[0]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER config_changed AFTER INSERT OR DELETE OR UPDATE ON "merchants"
  FOR EACH ROW EXECUTE FUNCTION crossback_config_changed('id');
--> statement-breakpoint
CREATE TRIGGER config_changed AFTER INSERT OR DELETE OR UPDATE OF "key_hash", "revoked_at", "expires_at", "scopes", "merchant_id" ON "api_keys"
  FOR EACH ROW EXECUTE FUNCTION crossback_config_changed('merchant_id');
--> statement-breakpoint
CREATE TRIGGER config_changed AFTER INSERT OR DELETE OR UPDATE ON "legal_entities"
  FOR EACH ROW EXECUTE FUNCTION crossback_config_changed('merchant_id');
--> statement-breakpoint
CREATE TRIGGER config_changed AFTER INSERT OR DELETE OR UPDATE ON "markets"
  FOR EACH ROW EXECUTE FUNCTION crossback_config_changed('merchant_id');
--> statement-breakpoint
CREATE TRIGGER config_changed AFTER INSERT OR DELETE OR UPDATE ON "locations"
  FOR EACH ROW EXECUTE FUNCTION crossback_config_changed('merchant_id');
--> statement-breakpoint
CREATE TRIGGER config_changed AFTER INSERT OR DELETE OR UPDATE ON "return_policies"
  FOR EACH ROW EXECUTE FUNCTION crossback_config_changed('merchant_id');
--> statement-breakpoint
CREATE TRIGGER config_changed AFTER INSERT OR DELETE OR UPDATE ON "webhook_endpoints"
  FOR EACH ROW EXECUTE FUNCTION crossback_config_changed('merchant_id');
--> statement-breakpoint
CREATE TRIGGER config_changed AFTER INSERT OR DELETE OR UPDATE ON "platform_connections"
  FOR EACH ROW EXECUTE FUNCTION crossback_config_changed('merchant_id');
--> statement-breakpoint
CREATE TRIGGER config_changed AFTER INSERT OR DELETE OR UPDATE ON "email_templates"
  FOR EACH ROW EXECUTE FUNCTION crossback_config_changed('merchant_id');
