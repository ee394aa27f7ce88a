import { and, eq, type SQL, sql } from "drizzle-orm";
import type { CaseStatus } from "../../domain/case-status.ts";
import { heldQuantity, NO_COUNTS } from "../../domain/return-case.ts";
import type { Executor } from "./database.ts";
import { prepared } from "./prepared.ts";
import { orders } from "./schema.ts";

/**
 * Return lines of an order summed per case status, order line and whether the line is decided
 * (approved + rejected = requested): what the held quantities are made of.
 */
export interface HeldRow {
  readonly status: string;
  readonly orderLineId: string;
  readonly requested: number;
  readonly approved: number;
  readonly rejected: number;
}

/**
 * Per order line id, the units return cases hold: `heldQuantity` (the domain's rule) of each group,
 * summed. A group is the same as its lines one by one: decided lines hold their approved units, the
 * others their requested units; and an undecided group stays undecided summed, since every line has
 * approved + rejected <= requested (a check of return_lines).
 */
export function heldFrom(rows: readonly HeldRow[]): Map<string, number> {
  const held = new Map<string, number>();
  for (const r of rows) {
    const q = heldQuantity(r.status as CaseStatus, { counts: { ...NO_COUNTS, ...r } });
    held.set(r.orderLineId, (held.get(r.orderLineId) ?? 0) + q);
  }
  return held;
}

/**
 * The HeldRow list of the order `orderId` (an SQL expression), leaving out the case `exceptCaseId`
 * (an SQL uuid expression, or null), as a JSON array for one-statement reads. Grouped in the
 * database, so an order with many returns costs a few rows, not one per case line. It starts from the
 * order's cases (`return_cases.order_id`, indexed; a case's lines are lines of its order) and reaches
 * their lines by `return_lines (case_id, …)`, one case at a time (`offset 0` keeps the lateral subquery
 * from being flattened into a join the planner may turn into a scan of the whole table): it reads only
 * this order's rows whatever the statistics say. Started from the order's lines, or written as a plain
 * join, plans made while the tables were small scanned every return line of every merchant.
 */
export const heldRowsJson = (orderId: SQL, exceptCaseId: SQL = sql`null`): SQL<HeldRow[]> =>
  sql`(select coalesce(json_agg(json_build_object('status', g.status, 'orderLineId', g.order_line_id,
      'requested', g.requested, 'approved', g.approved, 'rejected', g.rejected)), '[]'::json)
    from (select rc.status, rl.order_line_id, sum(rl.qty_requested) as requested,
        sum(rl.qty_approved) as approved, sum(rl.qty_rejected) as rejected
      from return_cases rc cross join lateral (select l.order_line_id, l.qty_requested, l.qty_approved,
          l.qty_rejected from return_lines l where l.case_id = rc.id offset 0) rl
      where rc.order_id = ${orderId} and rc.id is distinct from ${exceptCaseId}::uuid
      group by rc.status, rl.order_line_id, rl.qty_approved + rl.qty_rejected = rl.qty_requested) g)`;

/** Whether the order `orderId` of `merchantId` (SQL expressions) is cancelled. */
export const cancelledSql = (merchantId: SQL, orderId: SQL): SQL<boolean> =>
  sql`exists (select 1 from order_cancellations oc where oc.merchant_id = ${merchantId} and oc.order_id = ${orderId})`;

/** The units other cases of an order hold (all cases when `exceptCaseId` is null), built once. */
export async function heldByOrder(
  db: Executor,
  merchantId: string,
  orderId: string,
  exceptCaseId: string | null,
): Promise<Map<string, number>> {
  const q = prepared(db, "held_by_order", () =>
    db
      .select({ held: heldRowsJson(sql`${orders.id}`, sql`${sql.placeholder("x")}`) })
      .from(orders)
      .where(and(eq(orders.merchantId, sql.placeholder("m")), eq(orders.id, sql.placeholder("o"))))
      .prepare("held_by_order"),
  );
  const [row] = await q.execute({ m: merchantId, o: orderId, x: exceptCaseId });
  return heldFrom(row?.held ?? []);
}
