import { zero } from "../domain/money.ts";
import type { Order } from "../domain/order.ts";
import type { ReturnCase } from "../domain/return-case.ts";
import type { Deps, Repos } from "./ports/index.ts";
import type { Replacement } from "./refunds.ts";

/** The exchange's outbound order: the replacement, linked to the case by its external id. */
export async function createReplacementOrder(
  deps: Deps,
  r: Repos,
  order: Order,
  c: ReturnCase,
  rep: Replacement,
  at: Date,
): Promise<void> {
  const customer = await r.customers.get(c.merchantId, c.customerId);
  const none = zero(order.currency);
  await r.orders.save(
    c.merchantId,
    {
      externalId: `${order.externalId}-X-${c.number}`,
      placedAt: at,
      currency: order.currency,
      customer: {
        email: customer?.email ?? "",
        name: customer?.name ?? null,
        locale: customer?.locale ?? null,
        timeZone: customer?.timeZone ?? null,
      },
      shippingAddress: order.shippingAddress,
      taxesIncluded: order.taxesIncluded,
      lines: [
        {
          externalId: "1",
          sku: rep.sku,
          title: rep.title,
          quantity: rep.quantity ?? 1,
          unitPrice: rep.unitPrice,
          tax: none,
          discount: none,
        },
      ],
      shipping: { amount: none, tax: none, method: "exchange", cheapestStandardAmount: null },
      duties: null,
      tenders: [],
      fulfilments: [],
      returnTermsDisclosed: order.returnTermsDisclosed,
    },
    `exchange:${c.id}`,
    deps.ids,
    at,
  );
}
