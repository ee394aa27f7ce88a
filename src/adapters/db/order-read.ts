import { and, eq, sql } from "drizzle-orm";
import { money } from "../../domain/money.ts";
import type { Address, Order, OrderLine, TenderKind } from "../../domain/order.ts";
import type { Executor } from "./database.ts";
import { heldFrom, heldRowsJson } from "./held-units.ts";
import { prepared } from "./prepared.ts";
import { customers, orders } from "./schema.ts";

/**
 * An order with its customer, lines (and products), tenders and fulfilments in ONE statement: the
 * children come back as JSON arrays. Each order read used to be five or six round trips, and every
 * return preview and creation reads the order (see the issue 7 profile in the commit message).
 */
export const LINES = sql`(select coalesce(json_agg(json_build_object(
    'id', l.id, 'externalId', l.external_id, 'sku', l.sku, 'title', l.title, 'quantity', l.quantity,
    'unitPrice', l.unit_price, 'tax', l.tax, 'discount', l.discount, 'startsAt', l.starts_at,
    'product', case when p.id is null then null else json_build_object(
      'category', p.category, 'vendor', p.vendor, 'finalSale', p.final_sale,
      'personalised', p.personalised, 'perishable', p.perishable, 'sealedHygiene', p.sealed_hygiene,
      'sealedMedia', p.sealed_media, 'digital', p.digital, 'hsCode', p.hs_code,
      'originCountry', p.origin_country, 'weightGrams', p.weight_grams) end)
    order by l.position), '[]'::json)
  from order_lines l left join products p on p.merchant_id = ${orders.merchantId} and p.sku = l.sku
  where l.order_id = ${orders.id})`;

export const TENDERS = sql`(select coalesce(json_agg(json_build_object(
    'id', t.id, 'kind', t.kind, 'provider', t.provider, 'reference', t.reference,
    'amount', t.amount, 'capturedAt', t.captured_at) order by t.position), '[]'::json)
  from order_tenders t where t.order_id = ${orders.id})`;

export const FULFILMENTS = sql`(select coalesce(json_agg(json_build_object(
    'id', f.id, 'externalId', f.external_id, 'shippedAt', f.shipped_at, 'deliveredAt', f.delivered_at,
    'carrier', f.carrier, 'trackingNumber', f.tracking_number,
    'lines', (select coalesce(json_agg(json_build_object('orderLineId', fl.order_line_id, 'quantity', fl.quantity)), '[]'::json)
      from fulfilment_lines fl where fl.fulfilment_id = f.id))
    order by f.external_id), '[]'::json)
  from fulfilments f where f.order_id = ${orders.id})`;

/** An order row with its customer's zone and locale and its children as JSON (with `from orders left join customers`). */
export const ORDER_FIELDS = {
  o: orders,
  timeZone: customers.timeZone,
  locale: customers.locale,
  lines: sql<LineJson[]>`${LINES}`,
  tenders: sql<TenderJson[]>`${TENDERS}`,
  fulfilments: sql<FulfilmentJson[]>`${FULFILMENTS}`,
};

export type LineJson = Omit<OrderLine, "unitPrice" | "tax" | "discount" | "startsAt"> & {
  unitPrice: number;
  tax: number;
  discount: number;
  startsAt: string | null;
};
export interface TenderJson {
  id: string;
  kind: string;
  provider: string | null;
  reference: string | null;
  amount: number;
  capturedAt: string | null;
}
export interface FulfilmentJson {
  id: string;
  externalId: string;
  shippedAt: string | null;
  deliveredAt: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  lines: { orderLineId: string; quantity: number }[];
}

const date = (v: string | null): Date | null => (v === null ? null : new Date(v));

/**
 * The merchant's order by its id or its external id, or null: a query built once per process and run
 * as a named prepared statement (prepared.ts; building it took about 70 µs a call).
 */
export async function readOrder(
  db: Executor,
  merchantId: string,
  by: "id" | "externalId",
  key: string,
): Promise<Order | null> {
  const name = by === "id" ? "order_by_id" : "order_by_external_id";
  const q = prepared(db, name, () =>
    db
      .select(ORDER_FIELDS)
      .from(orders)
      .leftJoin(customers, sql`${customers.id} = ${orders.customerId}`)
      .where(and(eq(orders.merchantId, sql.placeholder("m")), eq(orders[by], sql.placeholder("key"))))
      .prepare(name),
  );
  const [row] = await q.execute({ m: merchantId, key });
  return row ? toOrder(row.o, row) : null;
}

/** The order by id with the units its other cases hold (one statement, built once). */
export async function readOrderWithHeld(
  db: Executor,
  merchantId: string,
  id: string,
  exceptCaseId: string,
): Promise<{ order: Order; held: Map<string, number> } | null> {
  const q = prepared(db, "order_with_held", () =>
    db
      .select({ ...ORDER_FIELDS, held: heldRowsJson(sql`${orders.id}`, sql`${sql.placeholder("x")}`) })
      .from(orders)
      .leftJoin(customers, sql`${customers.id} = ${orders.customerId}`)
      .where(and(eq(orders.merchantId, sql.placeholder("m")), eq(orders.id, sql.placeholder("id"))))
      .prepare("order_with_held"),
  );
  const [row] = await q.execute({ m: merchantId, id, x: exceptCaseId });
  if (!row) return null;
  return { order: toOrder(row.o, row), held: heldFrom(row.held) };
}

export function toOrder(
  o: typeof orders.$inferSelect,
  r: {
    timeZone: string | null;
    locale: string | null;
    lines: LineJson[];
    tenders: TenderJson[];
    fulfilments: FulfilmentJson[];
  },
): Order {
  const m = (amount: number) => money(amount, o.currency);
  return {
    id: o.id,
    merchantId: o.merchantId,
    externalId: o.externalId,
    customerId: o.customerId,
    customerTimeZone: r.timeZone,
    customerLocale: r.locale,
    placedAt: o.placedAt,
    currency: o.currency,
    taxesIncluded: o.taxesIncluded,
    shippingAddress: o.shippingAddress as Address,
    lines: r.lines.map((l) => ({
      ...l,
      unitPrice: m(l.unitPrice),
      tax: m(l.tax),
      discount: m(l.discount),
      startsAt: date(l.startsAt),
    })),
    shipping: {
      amount: m(o.shippingAmount),
      tax: m(o.shippingTax),
      method: o.shippingMethod,
      cheapestStandardAmount: o.cheapestStandardAmount === null ? null : m(o.cheapestStandardAmount),
    },
    duties:
      o.dutiesAmount === null
        ? null
        : {
            amount: m(o.dutiesAmount),
            paidBy: o.dutiesPaidBy === "merchant" ? "merchant" : "customer",
            incoterm: o.dutiesIncoterm === "DAP" ? "DAP" : "DDP",
          },
    tenders: r.tenders.map((t) => ({
      ...t,
      kind: t.kind as TenderKind,
      amount: m(t.amount),
      capturedAt: date(t.capturedAt),
    })),
    fulfilments: r.fulfilments.map((f) => ({
      ...f,
      shippedAt: date(f.shippedAt),
      deliveredAt: date(f.deliveredAt),
    })),
    returnTermsDisclosed: o.returnTermsDisclosed,
    giftCodeHash: o.giftCodeHash,
  };
}
