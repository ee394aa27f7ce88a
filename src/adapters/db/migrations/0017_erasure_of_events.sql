-- Erasure of a shopper's personal data (issue 8 point 13): case and shipment events stay append-only,
-- except for the pseudonymising UPDATE of one erasure transaction, which sets crossback.erasure = 'on'
-- (SET LOCAL: for that transaction only). Deleting stays refused; ledger entries and the audit log never change.
CREATE OR REPLACE FUNCTION crossback_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME IN ('case_events', 'shipment_events')
     AND current_setting('crossback.erasure', true) = 'on' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;
