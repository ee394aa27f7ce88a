-- The next value of a merchant's named counter, for a statement that takes it on its own (not inside a
-- transaction of several statements): that statement then commits without waiting for the WAL flush, so
-- the counter row's lock is released at once (see counter.ts). A return creation takes its case number
-- in the same statement as it reads the order and everything the policy engine needs (return-inputs-read.ts).
CREATE FUNCTION crossback_take_number(m uuid, n text) RETURNS bigint LANGUAGE sql VOLATILE AS $$
  SELECT set_config('synchronous_commit', 'off', true);
  INSERT INTO counters (merchant_id, name, value) VALUES (m, n, 1)
    ON CONFLICT (merchant_id, name) DO UPDATE SET value = counters.value + 1
    RETURNING value;
$$;
