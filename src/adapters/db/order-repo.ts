import { and, eq, sql } from "drizzle-orm";
import type { OrderRepo } from "../../app/ports/index.ts";
import type { Executor } from "./database.ts";
import { readOrder, readOrderWithHeld } from "./order-read.ts";
import { readTender } from "./order-tender-read.ts";
import { saveOrder } from "./order-writer.ts";
import { prepared } from "./prepared.ts";
import { readReturnInputs, readReturnState } from "./return-inputs-read.ts";
import { orderLines, orders, returnLines } from "./schema.ts";

export function orderRepo(db: Executor): OrderRepo {
  return {
    async lock(merchantId, ref) {
      const byId = "id" in ref;
      const name = byId ? "order_lock_id" : "order_lock_external";
      const q = prepared(db, name, () =>
        db
          .select({ id: orders.id })
          .from(orders)
          .where(
            and(
              eq(orders.merchantId, sql.placeholder("m")),
              eq(byId ? orders.id : orders.externalId, sql.placeholder("ref")),
            ),
          )
          // Excludes other lockers and writers, not the foreign-key checks of cases and settlements
          // naming the order (as for cases, case-repo.ts).
          .for("no key update")
          .prepare(name),
      );
      const rows = await q.execute({ m: merchantId, ref: byId ? ref.id : ref.externalId });
      return rows.length > 0;
    },
    async get(merchantId, externalId) {
      return readOrder(db, merchantId, "externalId", externalId);
    },
    async getById(merchantId, id) {
      return readOrder(db, merchantId, "id", id);
    },
    withHeld: (merchantId, id, exceptCaseId) => readOrderWithHeld(db, merchantId, id, exceptCaseId),
    tender: (merchantId, orderId, tenderId) => readTender(db, merchantId, orderId, tenderId),
    forReturn: async (merchantId, externalId) =>
      (await readReturnInputs(db, merchantId, externalId, "none"))?.inputs ?? null,
    async forPreview(merchantId, externalId) {
      const found = await readReturnInputs(db, merchantId, externalId, "prior");
      if (!found) return null;
      if (!found.prior) throw new Error("prior refunds not read");
      return { ...found.inputs, prior: found.prior };
    },
    async forNewReturn(merchantId, externalId) {
      const found = await readReturnInputs(db, merchantId, externalId, "numbered");
      if (!found) return null;
      if (found.number === null) throw new Error("case number not taken");
      return { ...found.inputs, number: found.number };
    },
    returnState: (merchantId, orderId) => readReturnState(db, merchantId, orderId),
    async contentHash(merchantId, externalId) {
      const [o] = await db
        .select({ hash: orders.contentHash })
        .from(orders)
        .where(and(eq(orders.merchantId, merchantId), eq(orders.externalId, externalId)));
      return o?.hash ?? null;
    },
    save: (merchantId, draft, hash, ids, at) => saveOrder(db, merchantId, draft, hash, ids, at),
    async returnedLineQuantities(merchantId, orderId) {
      const rows = await db
        .select({ lineId: returnLines.orderLineId, q: sql<number>`max(${returnLines.requested})::int` })
        .from(returnLines)
        .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
        .innerJoin(orders, eq(orders.id, orderLines.orderId))
        .where(and(eq(orders.merchantId, merchantId), eq(orderLines.orderId, orderId)))
        .groupBy(returnLines.orderLineId);
      return new Map(rows.map((r) => [r.lineId, Number(r.q)]));
    },
  };
}
