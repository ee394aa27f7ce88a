-- The units an order's return cases hold, as the HeldRow list of held-units.ts: return lines summed per
-- case status, order line and whether the line is decided (approved + rejected = requested), leaving
-- out the case x (null: none). PL/pgSQL so that its plan is kept per connection.
CREATE FUNCTION crossback_held_rows(o uuid, x uuid) RETURNS json LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT coalesce(json_agg(json_build_object('status', g.status, 'orderLineId', g.order_line_id,
      'requested', g.requested, 'approved', g.approved, 'rejected', g.rejected)), '[]'::json)
    FROM (SELECT rc.status, rl.order_line_id, sum(rl.qty_requested) AS requested,
        sum(rl.qty_approved) AS approved, sum(rl.qty_rejected) AS rejected
      FROM return_lines rl JOIN return_cases rc ON rc.id = rl.case_id
        JOIN order_lines ol ON ol.id = rl.order_line_id
      WHERE ol.order_id = o AND rc.id IS DISTINCT FROM x
      GROUP BY rc.status, rl.order_line_id, rl.qty_approved + rl.qty_rejected = rl.qty_requested) g);
END $$;
--> statement-breakpoint
-- Locks the order, then reads whether it is cancelled and the units its cases hold: one round trip for
-- a return creation's re-check. VOLATILE, so the read after the lock takes a fresh snapshot and sees a
-- case that the lock's previous holder committed (one statement with both would read as of before the
-- wait).
CREATE FUNCTION crossback_lock_return_state(m uuid, o uuid) RETURNS json LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM 1 FROM orders WHERE merchant_id = m AND id = o FOR UPDATE;
  RETURN json_build_object(
    'cancelled', EXISTS (SELECT 1 FROM order_cancellations oc WHERE oc.merchant_id = m AND oc.order_id = o),
    'held', crossback_held_rows(o, null));
END $$;
