import { eq, type SQL, sql } from "drizzle-orm";
import type { ReportScope } from "../../app/reports/report-records.ts";
import { orders, returnCases } from "./schema.ts";

/** Cases of the scope's vendor and market (the market is the order's shipping country). */
export function caseScope(s: ReportScope): SQL[] {
  const where: SQL[] = [eq(returnCases.merchantId, s.merchantId)];
  if (s.vendor) where.push(eq(returnCases.vendor, s.vendor));
  if (s.market)
    where.push(
      sql`exists (select 1 from ${orders} where ${orders.id} = ${returnCases.orderId}
        and ${orders.shippingAddress}->>'country' = ${s.market})`,
    );
  return where;
}
