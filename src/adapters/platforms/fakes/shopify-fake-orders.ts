import { formatMoney } from "../../../domain/money.ts";
import type { ShopifyOrderNode } from "../shopify-orders.ts";

/** One line of a fake order: amounts in minor units (per unit price; tax and discount for the line). */
export interface FakeLine {
  readonly sku: string | null;
  readonly barcode?: string | null;
  readonly title: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly tax?: number;
  readonly discount?: number;
}

export interface FakeOrderSpec {
  readonly number: number;
  readonly updatedAt: string;
  /** The shop currency (default EUR). */
  readonly currency?: string;
  /**
   * A multi-currency order: the shopper paid in `currency` (the presentment currency); the spec's
   * amounts are in it, and the shop-currency amounts are them times `shopPerUnit`, rounded.
   */
  readonly presentment?: { readonly currency: string; readonly shopPerUnit: number };
  readonly email?: string;
  readonly country?: string;
  readonly lines: readonly FakeLine[];
  readonly shipping?: number;
  /** Fulfilled and delivered at this time (all lines); null: not fulfilled. */
  readonly deliveredAt?: string | null;
}

const moneyOf = (amount: number, currency: string) => ({
  amount: formatMoney({ amount, currency }),
  currencyCode: currency,
});

/**
 * An order as the Admin GraphQL API returns it (the fields of shopify-queries.ts), built like Shopify's
 * documented examples: GIDs, MoneyBags (shopMoney + presentmentMoney), tax lines and discount allocations per line item,
 * one successful SALE transaction for the total (prices exclude tax: taxesIncluded false).
 */
export function shopifyFakeOrder(s: FakeOrderSpec): ShopifyOrderNode {
  const shopCur = s.currency ?? "EUR";
  const cur = s.presentment?.currency ?? shopCur;
  const rate = s.presentment?.shopPerUnit ?? 1;
  /** A MoneyBag: shop money and presentment money (the same when the shopper paid in the shop currency). */
  const money = (amount: number, _c: string) => ({
    shopMoney: moneyOf(Math.round(amount * rate), shopCur),
    presentmentMoney: moneyOf(amount, cur),
  });
  const id = 5_000_000 + s.number;
  const lines = s.lines.map((l, i) => ({ ...l, id: `gid://shopify/LineItem/${id * 10 + i}` }));
  const shipping = s.shipping ?? 0;
  const total =
    lines.reduce((n, l) => n + l.unitPrice * l.quantity - (l.discount ?? 0) + (l.tax ?? 0), 0) + shipping;
  const placed = "2026-01-10T09:00:00Z";
  return {
    id: `gid://shopify/Order/${id}`,
    legacyResourceId: String(id),
    name: `#${s.number}`,
    processedAt: placed,
    updatedAt: s.updatedAt,
    currencyCode: shopCur,
    presentmentCurrencyCode: cur,
    taxesIncluded: false,
    email: s.email ?? `buyer${s.number}@example.com`,
    customer: { firstName: "Ada", lastName: `Buyer ${s.number}`, email: null, locale: "en" },
    shippingAddress: {
      countryCodeV2: s.country ?? "DE",
      provinceCode: null,
      zip: "10115",
      city: "Berlin",
      address1: "Street 1",
    },
    lineItems: {
      nodes: lines.map((l) => ({
        id: l.id,
        sku: l.sku,
        name: l.title,
        quantity: l.quantity,
        variant: { barcode: l.barcode ?? null },
        originalUnitPriceSet: money(l.unitPrice, cur),
        taxLines: l.tax ? [{ priceSet: money(l.tax, cur) }] : [],
        discountAllocations: l.discount ? [{ allocatedAmountSet: money(l.discount, cur) }] : [],
      })),
    },
    shippingLines: { nodes: [{ title: "Standard", discountedPriceSet: money(shipping, cur), taxLines: [] }] },
    fulfillments: s.deliveredAt
      ? [
          {
            id: `gid://shopify/Fulfillment/${id}`,
            createdAt: placed,
            deliveredAt: s.deliveredAt,
            trackingInfo: [{ company: "DHL Express", number: `JD0${id}` }],
            fulfillmentLineItems: {
              nodes: lines.map((l, i) => ({
                id: `gid://shopify/FulfillmentLineItem/${id * 10 + i}`,
                quantity: l.quantity,
                lineItem: { id: l.id },
              })),
            },
          },
        ]
      : [],
    transactions: [
      {
        id: `gid://shopify/OrderTransaction/${id}`,
        kind: "SALE",
        status: "SUCCESS",
        gateway: "shopify_payments",
        processedAt: placed,
        amountSet: money(total, cur),
      },
    ],
  };
}
