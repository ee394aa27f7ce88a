import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { OrderRepo } from "../../app/ports/index.ts";
import { money } from "../../domain/money.ts";
import type { Address, Order, TenderKind } from "../../domain/order.ts";
import type { Executor } from "./database.ts";
import { saveOrder } from "./order-writer.ts";
import {
  customers,
  fulfilmentLines,
  fulfilments,
  orderLines,
  orders,
  orderTenders,
  products,
  returnLines,
} from "./schema.ts";

type OrderRow = typeof orders.$inferSelect;

async function hydrate(db: Executor, o: OrderRow): Promise<Order> {
  const m = (amount: number) => money(amount, o.currency);
  const [customer] = await db
    .select({ timeZone: customers.timeZone, locale: customers.locale })
    .from(customers)
    .where(eq(customers.id, o.customerId));
  const lines = await db
    .select({ line: orderLines, product: products })
    .from(orderLines)
    .leftJoin(products, and(eq(products.merchantId, o.merchantId), eq(products.sku, orderLines.sku)))
    .where(eq(orderLines.orderId, o.id))
    .orderBy(asc(orderLines.position));
  const tenders = await db
    .select()
    .from(orderTenders)
    .where(eq(orderTenders.orderId, o.id))
    .orderBy(asc(orderTenders.position));
  const fs = await db
    .select()
    .from(fulfilments)
    .where(eq(fulfilments.orderId, o.id))
    .orderBy(asc(fulfilments.externalId));
  const fls =
    fs.length === 0
      ? []
      : await db
          .select()
          .from(fulfilmentLines)
          .where(
            inArray(
              fulfilmentLines.fulfilmentId,
              fs.map((f) => f.id),
            ),
          );
  return {
    id: o.id,
    merchantId: o.merchantId,
    externalId: o.externalId,
    customerId: o.customerId,
    customerTimeZone: customer?.timeZone ?? null,
    customerLocale: customer?.locale ?? null,
    placedAt: o.placedAt,
    currency: o.currency,
    taxesIncluded: o.taxesIncluded,
    shippingAddress: o.shippingAddress as Address,
    lines: lines.map(({ line, product }) => ({
      id: line.id,
      externalId: line.externalId,
      sku: line.sku,
      title: line.title,
      quantity: line.quantity,
      unitPrice: m(line.unitPrice),
      tax: m(line.tax),
      discount: m(line.discount),
      startsAt: line.startsAt,
      product: product
        ? {
            category: product.category,
            vendor: product.vendor,
            finalSale: product.finalSale,
            personalised: product.personalised,
            perishable: product.perishable,
            sealedHygiene: product.sealedHygiene,
            sealedMedia: product.sealedMedia,
            digital: product.digital,
            hsCode: product.hsCode,
            originCountry: product.originCountry,
            weightGrams: product.weightGrams,
          }
        : null,
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
    tenders: tenders.map((t) => ({
      id: t.id,
      kind: t.kind as TenderKind,
      provider: t.provider,
      reference: t.reference,
      amount: m(t.amount),
      capturedAt: t.capturedAt,
    })),
    fulfilments: fs.map((f) => ({
      id: f.id,
      externalId: f.externalId,
      lines: fls
        .filter((l) => l.fulfilmentId === f.id)
        .map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity })),
      shippedAt: f.shippedAt,
      deliveredAt: f.deliveredAt,
      carrier: f.carrier,
      trackingNumber: f.trackingNumber,
    })),
    returnTermsDisclosed: o.returnTermsDisclosed,
    giftCodeHash: o.giftCodeHash,
  };
}

export function orderRepo(db: Executor): OrderRepo {
  return {
    async lock(merchantId, ref) {
      const match = "id" in ref ? eq(orders.id, ref.id) : eq(orders.externalId, ref.externalId);
      const rows = await db
        .select({ id: orders.id })
        .from(orders)
        .where(and(eq(orders.merchantId, merchantId), match))
        .for("update");
      return rows.length > 0;
    },
    async get(merchantId, externalId) {
      const [o] = await db
        .select()
        .from(orders)
        .where(and(eq(orders.merchantId, merchantId), eq(orders.externalId, externalId)));
      return o ? hydrate(db, o) : null;
    },
    async getById(merchantId, id) {
      const [o] = await db
        .select()
        .from(orders)
        .where(and(eq(orders.merchantId, merchantId), eq(orders.id, id)));
      return o ? hydrate(db, o) : null;
    },
    async contentHash(merchantId, externalId) {
      const [o] = await db
        .select({ hash: orders.contentHash })
        .from(orders)
        .where(and(eq(orders.merchantId, merchantId), eq(orders.externalId, externalId)));
      return o?.hash ?? null;
    },
    save: (merchantId, draft, hash, ids, at) => saveOrder(db, merchantId, draft, hash, ids, at),
    async returnedLineQuantities(orderId) {
      const rows = await db
        .select({ lineId: returnLines.orderLineId, q: sql<number>`max(${returnLines.requested})::int` })
        .from(returnLines)
        .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
        .where(eq(orderLines.orderId, orderId))
        .groupBy(returnLines.orderLineId);
      return new Map(rows.map((r) => [r.lineId, Number(r.q)]));
    },
  };
}
