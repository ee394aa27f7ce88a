import { and, eq, type SQL, sql } from "drizzle-orm";
import type { CaseStatus } from "../../domain/case-status.ts";
import { heldQuantity, NO_COUNTS } from "../../domain/return-case.ts";
import type { Executor } from "./database.ts";
import { prepared } from "./prepared.ts";
import { orderLines, returnCases, returnLines } from "./schema.ts";

/** One return line of an order with its case's status: what the held quantities are made of. */
export interface HeldRow {
  /** The case (in the JSON reads). */
  readonly caseId?: string;
  readonly status: string;
  readonly orderLineId: string;
  readonly requested: number;
  readonly approved: number;
  readonly rejected: number;
}

/** Per order line id, the units return cases hold (heldQuantity of each line, summed). */
export function heldFrom(rows: readonly HeldRow[]): Map<string, number> {
  const held = new Map<string, number>();
  for (const r of rows) {
    const q = heldQuantity(r.status as CaseStatus, { counts: { ...NO_COUNTS, ...r } });
    held.set(r.orderLineId, (held.get(r.orderLineId) ?? 0) + q);
  }
  return held;
}

/** The HeldRow list of the order `orderId` (an SQL expression) as a JSON array, for one-statement reads. */
export const heldRowsJson = (orderId: SQL): SQL<HeldRow[]> => sql`(select coalesce(json_agg(json_build_object(
    'caseId', rc.id, 'status', rc.status, 'orderLineId', rl.order_line_id, 'requested', rl.qty_requested,
    'approved', rl.qty_approved, 'rejected', rl.qty_rejected)), '[]'::json)
  from return_lines rl join return_cases rc on rc.id = rl.case_id
    join order_lines ol on ol.id = rl.order_line_id
  where ol.order_id = ${orderId})`;

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
      .select({
        status: returnCases.status,
        orderLineId: returnLines.orderLineId,
        requested: returnLines.requested,
        approved: returnLines.approved,
        rejected: returnLines.rejected,
      })
      .from(returnLines)
      .innerJoin(returnCases, eq(returnCases.id, returnLines.caseId))
      .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
      .where(
        and(
          eq(returnCases.merchantId, sql.placeholder("m")),
          eq(orderLines.orderId, sql.placeholder("o")),
          sql`(${sql.placeholder("x")}::uuid is null or ${returnCases.id} <> ${sql.placeholder("x")}::uuid)`,
        ),
      )
      .prepare("held_by_order"),
  );
  return heldFrom(await q.execute({ m: merchantId, o: orderId, x: exceptCaseId ?? null }));
}
