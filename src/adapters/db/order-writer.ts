import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { IdSource } from "../../app/ports/index.ts";
import type { OrderDraft } from "../../domain/order-draft.ts";
import type { Executor } from "./database.ts";
import { customers, fulfilmentLines, fulfilments, orderLines, orders, orderTenders } from "./schema.ts";

/**
 * Inserts or replaces an order with its children. Existing lines, tenders (by position) and
 * fulfilments keep their ids, so return cases and settlements that point at them stay valid.
 * The caller has already refused removing lines that return cases use.
 */
export async function saveOrder(
  db: Executor,
  merchantId: string,
  d: OrderDraft,
  hash: string,
  ids: IdSource,
  at: Date,
): Promise<string> {
  const [customer] = await db
    .insert(customers)
    .values({ id: ids.next(), merchantId, ...d.customer, createdAt: at })
    .onConflictDoUpdate({
      target: [customers.merchantId, customers.email],
      set: { name: d.customer.name, locale: d.customer.locale, timeZone: d.customer.timeZone },
    })
    .returning({ id: customers.id });
  if (!customer) throw new Error("customer not written");

  const values = {
    customerId: customer.id,
    placedAt: d.placedAt,
    currency: d.currency,
    taxesIncluded: d.taxesIncluded,
    shippingAddress: d.shippingAddress,
    shippingAmount: d.shipping.amount.amount,
    shippingTax: d.shipping.tax.amount,
    shippingMethod: d.shipping.method,
    cheapestStandardAmount: d.shipping.cheapestStandardAmount?.amount ?? null,
    dutiesAmount: d.duties?.amount.amount ?? null,
    dutiesPaidBy: d.duties?.paidBy ?? null,
    dutiesIncoterm: d.duties?.incoterm ?? null,
    returnTermsDisclosed: d.returnTermsDisclosed,
    giftCodeHash: d.giftCodeHash ?? null,
    contentHash: hash,
    updatedAt: at,
  };
  const [order] = await db
    .insert(orders)
    .values({ id: ids.next(), merchantId, externalId: d.externalId, createdAt: at, ...values })
    .onConflictDoUpdate({ target: [orders.merchantId, orders.externalId], set: values })
    .returning({ id: orders.id });
  if (!order) throw new Error("order not written");
  const orderId = order.id;

  // Fulfilment lines point at order lines: drop them first, rebuild them at the end.
  const oldFulfilments = await db
    .select({ id: fulfilments.id, externalId: fulfilments.externalId })
    .from(fulfilments)
    .where(eq(fulfilments.orderId, orderId));
  if (oldFulfilments.length > 0) {
    await db.delete(fulfilmentLines).where(
      inArray(
        fulfilmentLines.fulfilmentId,
        oldFulfilments.map((f) => f.id),
      ),
    );
  }

  const oldLines = await db
    .select({ id: orderLines.id, externalId: orderLines.externalId })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId));
  const lineIds = new Map(oldLines.map((l) => [l.externalId, l.id]));
  for (const [position, l] of d.lines.entries()) {
    const row = {
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      unitPrice: l.unitPrice.amount,
      tax: l.tax.amount,
      discount: l.discount.amount,
      startsAt: l.startsAt ?? null,
      position,
    };
    const id = lineIds.get(l.externalId);
    if (id) await db.update(orderLines).set(row).where(eq(orderLines.id, id));
    else {
      const newId = ids.next();
      lineIds.set(l.externalId, newId);
      await db.insert(orderLines).values({ id: newId, orderId, externalId: l.externalId, ...row });
    }
  }
  const keep = d.lines.map((l) => l.externalId);
  await db
    .delete(orderLines)
    .where(and(eq(orderLines.orderId, orderId), notInArray(orderLines.externalId, keep)));

  const oldTenders = await db
    .select({ id: orderTenders.id, position: orderTenders.position })
    .from(orderTenders)
    .where(eq(orderTenders.orderId, orderId));
  for (const [position, t] of d.tenders.entries()) {
    const row = {
      kind: t.kind,
      provider: t.provider,
      reference: t.reference,
      amount: t.amount.amount,
      capturedAt: t.capturedAt,
    };
    const old = oldTenders.find((x) => x.position === position);
    if (old) await db.update(orderTenders).set(row).where(eq(orderTenders.id, old.id));
    else await db.insert(orderTenders).values({ id: ids.next(), orderId, position, ...row });
  }
  const extraTenders = oldTenders.filter((t) => t.position >= d.tenders.length).map((t) => t.id);
  if (extraTenders.length > 0) await db.delete(orderTenders).where(inArray(orderTenders.id, extraTenders));

  const fulfilmentIds = new Map(oldFulfilments.map((f) => [f.externalId, f.id]));
  for (const f of d.fulfilments) {
    const row = {
      shippedAt: f.shippedAt,
      deliveredAt: f.deliveredAt,
      carrier: f.carrier,
      trackingNumber: f.trackingNumber,
    };
    let id = fulfilmentIds.get(f.externalId);
    if (id) await db.update(fulfilments).set(row).where(eq(fulfilments.id, id));
    else {
      id = ids.next();
      await db.insert(fulfilments).values({ id, orderId, externalId: f.externalId, ...row });
    }
    const fid = id;
    const merged = new Map<string, number>();
    for (const fl of f.lines)
      merged.set(fl.lineExternalId, (merged.get(fl.lineExternalId) ?? 0) + fl.quantity);
    await db.insert(fulfilmentLines).values(
      [...merged].map(([ext, quantity]) => {
        const orderLineId = lineIds.get(ext);
        if (!orderLineId) throw new Error(`fulfilment references unknown line ${ext}`);
        return { fulfilmentId: fid, orderLineId, quantity };
      }),
    );
  }
  const keepF = d.fulfilments.map((f) => f.externalId);
  const dropF = oldFulfilments.filter((f) => !keepF.includes(f.externalId)).map((f) => f.id);
  if (dropF.length > 0) await db.delete(fulfilments).where(inArray(fulfilments.id, dropF));
  return orderId;
}
