import { and, asc, eq, sql } from "drizzle-orm";
import type { RefundRepo } from "../../app/ports/index.ts";
import type { Money } from "../../domain/money.ts";
import type {
  Destination,
  RefundCalculation,
  RefundLine,
  RefundUnits,
} from "../../domain/refund/refund-calculation.ts";
import type { Executor } from "./database.ts";
import { prepared } from "./prepared.ts";
import { readHistory } from "./refund-history.ts";
import { refundCalculations } from "./schema.ts";

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
      const q = prepared(db, "refund_calculation_insert", () => {
        const p = (name: keyof typeof refundCalculations.$inferInsert) => sql.placeholder(name);
        return db
          .insert(refundCalculations)
          .values({
            id: p("id"),
            merchantId: p("merchantId"),
            caseId: p("caseId"),
            version: p("version"),
            currency: p("currency"),
            total: p("total"),
            units: p("units"),
            lines: p("lines"),
            byDestination: p("byDestination"),
            createdAt: p("createdAt"),
            actorId: p("actorId"),
          })
          .prepare("refund_calculation_insert");
      });
      await q.execute({ ...c, merchantId, total: c.total.amount, actorId });
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
    history: (merchantId, orderId, caseId, currency, tenderIds) =>
      readHistory(db, merchantId, orderId, caseId, currency, tenderIds),
  };
}
