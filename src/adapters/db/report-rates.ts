import { and, eq, gte, lt, notInArray, type SQL, sql } from "drizzle-orm";
import type { ReportScope } from "../../app/reports/report-records.ts";
import type { RateDimension, UnitCount } from "../../domain/reports/report-figures.ts";
import type { Executor } from "./database.ts";
import { orderLines, orders, products, returnCases, returnLines } from "./schema.ts";

/** Return rates in SQL: ordered units of orders placed in the period against the units asked back. */

const country = sql<string | null>`${orders.shippingAddress}->>'country'`;

/** Orders of the period, the market, and (through the product) the vendor. */
function orderScope(s: ReportScope): SQL[] {
  const where = [
    eq(orders.merchantId, s.merchantId),
    gte(orders.placedAt, s.from),
    lt(orders.placedAt, s.to),
  ];
  if (s.market) where.push(eq(country, s.market));
  if (s.vendor) where.push(eq(products.vendor, s.vendor));
  return where;
}

function keyOf(by: RateDimension): { key: SQL<string | null>; label: SQL<string | null> } {
  const none = sql<string | null>`null::text`;
  switch (by) {
    case "product":
      return { key: sql`${orderLines.sku}`, label: sql<string | null>`max(${orderLines.title})` };
    case "category":
      return { key: sql`${products.category}`, label: none };
    case "vendor":
      return { key: sql`${products.vendor}`, label: none };
    case "market":
      return { key: country, label: none };
    case "reason":
      return { key: sql`${returnLines.reason}`, label: none };
  }
}

const units = (rows: { key: string | null; label: string | null; units: unknown }[]): UnitCount[] =>
  rows.map((r) => ({ key: r.key, label: r.label, units: Number(r.units) }));

const productOf = and(eq(products.merchantId, orders.merchantId), eq(products.sku, orderLines.sku));

export async function orderedUnits(db: Executor, s: ReportScope, by: Exclude<RateDimension, "reason">) {
  const { key, label } = keyOf(by);
  const rows = await db
    .select({ key: key.as("key"), label: label.as("label"), units: sql`sum(${orderLines.quantity})` })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .leftJoin(products, productOf)
    .where(and(...orderScope(s)))
    .groupBy(key);
  return units(rows);
}

export async function totalOrderedUnits(db: Executor, s: ReportScope): Promise<number> {
  const [row] = await db
    .select({ units: sql`coalesce(sum(${orderLines.quantity}), 0)` })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .leftJoin(products, productOf)
    .where(and(...orderScope(s)));
  return Number(row?.units ?? 0);
}

/** Cases that never brought anything back. */
const NOT_RETURNED = ["cancelled", "expired"];

export async function returnedUnits(db: Executor, s: ReportScope, by: RateDimension) {
  const { key, label } = keyOf(by);
  const rows = await db
    .select({
      key: key.as("key"),
      label: label.as("label"),
      units: sql`sum(${returnLines.requested} - ${returnLines.rejected})`,
    })
    .from(returnLines)
    .innerJoin(returnCases, eq(returnCases.id, returnLines.caseId))
    .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .leftJoin(products, productOf)
    .where(
      and(
        eq(returnCases.merchantId, s.merchantId),
        notInArray(returnCases.status, NOT_RETURNED),
        sql`${returnLines.requested} > ${returnLines.rejected}`,
        ...orderScope(s),
      ),
    )
    .groupBy(key);
  return units(rows);
}
