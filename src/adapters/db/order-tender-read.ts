import { and, eq, sql } from "drizzle-orm";
import type { OrderTender } from "../../app/ports/index.ts";
import { money } from "../../domain/money.ts";
import type { TenderKind } from "../../domain/order.ts";
import type { Executor } from "./database.ts";
import { prepared } from "./prepared.ts";
import { orders, orderTenders } from "./schema.ts";

/**
 * One tender of the merchant's order (null: no such tender) and the order's placing time: what a
 * settlement needs of the order (the gateway's tender, the FX date), without reading its lines,
 * products and fulfilments. Null when the merchant has no such order.
 */
export async function readTender(
  db: Executor,
  merchantId: string,
  orderId: string,
  tenderId: string | null,
): Promise<OrderTender | null> {
  const q = prepared(db, "order_tender", () =>
    db
      .select({ t: orderTenders, currency: orders.currency, placedAt: orders.placedAt })
      .from(orders)
      .leftJoin(
        orderTenders,
        and(eq(orderTenders.orderId, orders.id), eq(orderTenders.id, sql`${sql.placeholder("t")}::uuid`)),
      )
      .where(and(eq(orders.merchantId, sql.placeholder("m")), eq(orders.id, sql.placeholder("o"))))
      .prepare("order_tender"),
  );
  const [row] = await q.execute({ m: merchantId, o: orderId, t: tenderId });
  if (!row) return null;
  const t = row.t;
  return {
    tender: t && {
      id: t.id,
      kind: t.kind as TenderKind,
      provider: t.provider,
      reference: t.reference,
      amount: money(t.amount, row.currency),
      capturedAt: t.capturedAt,
    },
    placedAt: row.placedAt,
  };
}
