import type { PlatformOrder } from "../../app/platforms/ports.ts";
import { decimal, legacyId, sumDecimals } from "./platform-amounts.ts";

interface Money {
  readonly amount: string;
  readonly currencyCode?: string;
}
/** A MoneyBag: the amount in the shop currency and in the currency the shopper paid in. */
interface Amount {
  readonly shopMoney: Money;
  readonly presentmentMoney?: Money;
}
type Nodes<T> = { readonly nodes: readonly T[] };

/** An order as CrossbackOrder (shopify-queries.ts) reads it. */
export interface ShopifyOrderNode {
  readonly id: string;
  readonly legacyResourceId: string;
  readonly name: string;
  readonly processedAt: string;
  readonly updatedAt: string;
  readonly currencyCode: string;
  /** The currency the shopper paid in (the same as currencyCode unless the order is multi-currency). */
  readonly presentmentCurrencyCode?: string;
  readonly taxesIncluded: boolean;
  readonly email: string | null;
  readonly customer: {
    firstName: string | null;
    lastName: string | null;
    email: string | null;
    locale: string | null;
  } | null;
  readonly shippingAddress: {
    countryCodeV2: string | null;
    provinceCode: string | null;
    zip: string | null;
    city: string | null;
    address1: string | null;
  } | null;
  readonly lineItems: Nodes<{
    id: string;
    sku: string | null;
    name: string;
    quantity: number;
    variant: { barcode: string | null } | null;
    originalUnitPriceSet: Amount;
    taxLines: readonly { priceSet: Amount }[];
    discountAllocations: readonly { allocatedAmountSet: Amount }[];
  }>;
  readonly shippingLines: Nodes<{
    title: string;
    discountedPriceSet: Amount;
    taxLines: readonly { priceSet: Amount }[];
  }>;
  readonly fulfillments: readonly {
    id: string;
    createdAt: string;
    deliveredAt: string | null;
    trackingInfo: readonly { company: string | null; number: string | null }[];
    fulfillmentLineItems: Nodes<{ id: string; quantity: number; lineItem: { id: string } }>;
  }[];
  readonly transactions: readonly {
    id: string;
    kind: string;
    status: string;
    gateway: string | null;
    processedAt: string | null;
    amountSet: Amount;
  }[];
}

const TENDER_KINDS: Readonly<Record<string, string>> = {
  gift_card: "gift_card",
  cash: "other",
  manual: "other",
};

/**
 * Gateways whose payments Shopify itself refunds (refundCreate): their tenders get the provider
 * `shopify`, so a refund runs through the `shopify` payment gateway (shopify-refunds.ts). Manual,
 * cash and other offline gateways keep their name (a refund of them is recorded, not moved, by hand).
 */
const REFUNDED_BY_SHOPIFY: ReadonlySet<string> = new Set([
  "shopify_payments",
  "shopify_installments",
  "gift_card",
]);

/** An amount in the currency the shopper paid in (presentment money; shop money on older data). */
const paid = (x: Amount): string => x.presentmentMoney?.amount ?? x.shopMoney.amount;

/**
 * A Shopify order onto the order contract: amounts in the currency the shopper paid in (the
 * presentment currency: a return refunds what the shopper paid, and Shopify refunds a multi-currency
 * order in its presentment currency only — RefundInput.currency "must be the presentment currency"), line ids, SKUs (else the
 * barcode/GTIN), taxes and discounts per line, shipping after discounts, fulfilments with tracking,
 * and the successful SALE/CAPTURE transactions as tenders. Our external id is the order's name
 * without "#" (what the shopper sees on the confirmation); the GID stays with the link.
 */
export function fromShopifyOrder(o: ShopifyOrderNode): PlatformOrder {
  const cur = o.presentmentCurrencyCode ?? o.currencyCode;
  const sum = (xs: readonly Amount[]) =>
    sumDecimals(
      xs.map((x) => paid(x)),
      cur,
    );
  const name = [o.customer?.firstName, o.customer?.lastName].filter(Boolean).join(" ");
  const body = {
    placedAt: o.processedAt,
    currency: cur,
    customer: {
      email: o.email ?? o.customer?.email ?? "",
      name: name || null,
      locale: o.customer?.locale ?? null,
    },
    shippingAddress: {
      country: o.shippingAddress?.countryCodeV2 ?? "",
      region: o.shippingAddress?.provinceCode ?? null,
      postalCode: o.shippingAddress?.zip ?? null,
      city: o.shippingAddress?.city ?? null,
      line1: o.shippingAddress?.address1 ?? null,
    },
    taxesIncluded: o.taxesIncluded,
    lines: o.lineItems.nodes.map((l) => ({
      externalId: legacyId(l.id),
      sku: l.sku || l.variant?.barcode || `shopify-line-${legacyId(l.id)}`,
      title: l.name,
      quantity: l.quantity,
      unitPrice: decimal(paid(l.originalUnitPriceSet)),
      tax: sum(l.taxLines.map((t) => t.priceSet)),
      discount: sum(l.discountAllocations.map((d) => d.allocatedAmountSet)),
    })),
    shipping: {
      amount: sum(o.shippingLines.nodes.map((s) => s.discountedPriceSet)),
      tax: sum(o.shippingLines.nodes.flatMap((s) => s.taxLines.map((t) => t.priceSet))),
      method: o.shippingLines.nodes[0]?.title ?? null,
    },
    tenders: o.transactions
      .filter((t) => (t.kind === "SALE" || t.kind === "CAPTURE") && t.status === "SUCCESS")
      .map((t) => ({
        kind: TENDER_KINDS[t.gateway ?? ""] ?? "card",
        provider: t.gateway && REFUNDED_BY_SHOPIFY.has(t.gateway) ? "shopify" : t.gateway,
        reference: legacyId(t.id),
        amount: decimal(paid(t.amountSet)),
        capturedAt: t.processedAt,
      })),
    fulfilments: o.fulfillments.map((f) => ({
      externalId: legacyId(f.id),
      lines: f.fulfillmentLineItems.nodes.map((fl) => ({
        lineExternalId: legacyId(fl.lineItem.id),
        quantity: fl.quantity,
      })),
      shippedAt: f.createdAt,
      deliveredAt: f.deliveredAt,
      carrier: f.trackingInfo[0]?.company ?? null,
      trackingNumber: f.trackingInfo[0]?.number ?? null,
    })),
  };
  return { platformOrderId: o.id, externalId: o.name.replace(/^#/, ""), body };
}
