import { and, asc, desc, eq, gt, gte, inArray, lt, lte, notInArray, type SQL, sql } from "drizzle-orm";
import type { CaseListQuery } from "../../app/ports/index.ts";
import { FINISHED_STATUSES } from "../../domain/case-status.ts";
import { orders, returnCases, returnLines } from "./schema.ts";

function refundDue(q: CaseListQuery): SQL[] {
  const due = sql`${returnCases.refundDeadline}->>'dueBy'`;
  const where: SQL[] = [];
  if (q.refundDueOnOrBefore) where.push(lte(due, q.refundDueOnOrBefore));
  if (q.refundDueOnOrAfter) where.push(gte(due, q.refundDueOnOrAfter));
  if (q.refundDueBefore) where.push(lt(due, q.refundDueBefore));
  if (where.length === 0) return where;
  // Like the presented refundDeadline status: open cases with units not yet refunded.
  // After these no refund deadline can be missed any more.
  where.push(notInArray(returnCases.status, [...FINISHED_STATUSES]));
  where.push(
    sql`exists (select 1 from ${returnLines} where ${returnLines.caseId} = ${returnCases.id}
      and ${returnLines.refunded} < greatest(${returnLines.approved}, ${returnLines.requested} - ${returnLines.rejected}))`,
  );
  return where;
}

/** The WHERE conditions of a case list: every filter of the returns queue, tenant first. */
export function caseListWhere(merchantId: string, q: CaseListQuery): SQL | undefined {
  const where: SQL[] = [eq(returnCases.merchantId, merchantId)];
  if (q.statuses && q.statuses.length > 0) where.push(inArray(returnCases.status, [...q.statuses]));
  if (q.before) where.push((q.sort === "oldest" ? gt : lt)(returnCases.id, q.before));
  if (q.customerId) where.push(eq(returnCases.customerId, q.customerId));
  if (q.orderId) where.push(eq(returnCases.orderId, q.orderId));
  if (q.vendor) where.push(eq(returnCases.vendor, q.vendor));
  if (q.resolution) where.push(eq(returnCases.requestedResolution, q.resolution));
  if (q.reason) {
    where.push(
      inArray(
        returnCases.id,
        sql`(select ${returnLines.caseId} from ${returnLines} where ${returnLines.reason} = ${q.reason})`,
      ),
    );
  }
  if (q.market) {
    where.push(
      inArray(
        returnCases.orderId,
        sql`(select ${orders.id} from ${orders} where ${orders.merchantId} = ${merchantId}
          and ${orders.shippingAddress}->>'country' = ${q.market})`,
      ),
    );
  }
  where.push(...refundDue(q));
  return and(...where);
}

export function caseListOrder(q: CaseListQuery): SQL {
  return q.sort === "oldest" ? asc(returnCases.id) : desc(returnCases.id);
}
