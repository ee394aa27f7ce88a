import { and, asc, eq, sql } from "drizzle-orm";
import type { RefundRepo } from "../../app/ports/index.ts";
import { type Money, money } from "../../domain/money.ts";
import type {
  Destination,
  RefundCalculation,
  RefundLine,
  RefundUnits,
} from "../../domain/refund/refund-calculation.ts";
import type { Executor } from "./database.ts";
import { prepared } from "./prepared.ts";
import { refundCalculations, returnCases } from "./schema.ts";

type Row = typeof refundCalculations.$inferSelect;

function toCalc(r: Row): RefundCalculation {
  return {
    id: r.id,
    caseId: r.caseId,
    version: r.version,
    currency: r.currency,
    units: r.units as RefundUnits[],
    lines: r.lines as RefundLine[],
    total: { amount: r.total, currency: r.currency },
    byDestination: r.byDestination as Record<Destination, Money>,
    createdAt: r.createdAt,
  };
}

export function refundRepo(db: Executor): RefundRepo {
  return {
    async insert(merchantId, c, actorId) {
      await db.insert(refundCalculations).values({
        id: c.id,
        merchantId,
        caseId: c.caseId,
        version: c.version,
        currency: c.currency,
        total: c.total.amount,
        units: c.units,
        lines: c.lines,
        byDestination: c.byDestination,
        createdAt: c.createdAt,
        actorId,
      });
    },
    async byCase(merchantId, caseId) {
      const rows = await db
        .select()
        .from(refundCalculations)
        .where(and(eq(refundCalculations.merchantId, merchantId), eq(refundCalculations.caseId, caseId)))
        .orderBy(asc(refundCalculations.version));
      return rows.map(toCalc);
    },
    async get(merchantId, id) {
      const [row] = await db
        .select()
        .from(refundCalculations)
        .where(and(eq(refundCalculations.merchantId, merchantId), eq(refundCalculations.id, id)));
      return row ? toCalc(row) : null;
    },
    async priorForOrder(merchantId, orderId, caseId, currency) {
      // One statement: the order's cases joined, not read first.
      const q = prepared(db, "refunds_of_order", () =>
        db
          .select({ calc: refundCalculations })
          .from(refundCalculations)
          .innerJoin(returnCases, eq(returnCases.id, refundCalculations.caseId))
          .where(
            and(
              eq(returnCases.merchantId, sql.placeholder("m")),
              eq(returnCases.orderId, sql.placeholder("o")),
            ),
          )
          .prepare("refunds_of_order"),
      );
      const rows = (await q.execute({ m: merchantId, o: orderId })).map((x) => x.calc);
      const units = new Map<string, number>();
      let shipping = 0;
      let duties = 0;
      let feeCharged = false;
      let goodwill = 0;
      let caseVersions = 0;
      for (const c of rows.map(toCalc)) {
        if (c.caseId === caseId) caseVersions++;
        for (const u of c.units) units.set(u.orderLineId, (units.get(u.orderLineId) ?? 0) + u.quantity);
        for (const l of c.lines) {
          if (l.type === "outbound_shipping") shipping += l.amount.amount;
          if (l.type === "duties") duties += l.amount.amount;
          if (l.type === "goodwill") goodwill += l.amount.amount;
          if (l.type === "return_shipping_fee" && c.caseId === caseId) feeCharged = true;
        }
      }
      return {
        unitsByOrderLine: units,
        shippingRefunded: money(shipping, currency),
        dutiesRefunded: money(duties, currency),
        goodwillGiven: money(goodwill, currency),
        returnFeeCharged: feeCharged,
        caseVersions,
      };
    },
  };
}
