import { add, type Money, subtract, sum, times, zero } from "./money.ts";

/** The return-relevant attributes of a product (domain-model "Product / variant"). */
export interface ProductAttributes {
  readonly category: string | null;
  readonly vendor: string | null;
  readonly finalSale: boolean;
  readonly personalised: boolean;
  readonly perishable: boolean;
  readonly sealedHygiene: boolean;
  readonly sealedMedia: boolean;
  readonly digital: boolean;
  readonly hsCode: string | null;
  readonly originCountry: string | null;
  readonly weightGrams: number | null;
}

export interface OrderLine {
  readonly id: string;
  readonly externalId: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  /** Per unit; includes tax when the order's prices include tax. */
  readonly unitPrice: Money;
  /** Totals for the whole line (all its units). */
  readonly tax: Money;
  readonly discount: Money;
  /** Bookable goods and services: when the booking starts. */
  readonly startsAt?: Date | null;
  readonly product: ProductAttributes | null;
}

export type TenderKind =
  | "card"
  | "gift_card"
  | "store_credit"
  | "bank_transfer"
  | "cash_on_delivery"
  | "other";

export interface Tender {
  readonly id: string;
  readonly kind: TenderKind;
  readonly provider: string | null;
  readonly reference: string | null;
  readonly amount: Money;
  readonly capturedAt: Date | null;
}

export interface Fulfilment {
  readonly id: string;
  readonly externalId: string;
  readonly lines: readonly { readonly orderLineId: string; readonly quantity: number }[];
  readonly shippedAt: Date | null;
  readonly deliveredAt: Date | null;
  readonly carrier: string | null;
  readonly trackingNumber: string | null;
}

export interface Address {
  readonly country: string;
  readonly region: string | null;
  readonly postalCode: string | null;
  readonly city: string | null;
  readonly line1: string | null;
}

export interface Order {
  readonly id: string;
  readonly merchantId: string;
  readonly externalId: string;
  readonly customerId: string;
  readonly customerTimeZone: string | null;
  readonly customerLocale: string | null;
  readonly placedAt: Date;
  readonly currency: string;
  readonly taxesIncluded: boolean;
  readonly shippingAddress: Address;
  readonly lines: readonly OrderLine[];
  readonly shipping: {
    readonly amount: Money;
    readonly tax: Money;
    readonly method: string | null;
    readonly cheapestStandardAmount: Money | null;
  };
  readonly duties: {
    readonly amount: Money;
    readonly paidBy: "customer" | "merchant";
    readonly incoterm: "DDP" | "DAP";
  } | null;
  readonly tenders: readonly Tender[];
  readonly fulfilments: readonly Fulfilment[];
  readonly returnTermsDisclosed: boolean;
  /** SHA-256 (hex) of the gift code printed on the order; a recipient returns with the code. */
  readonly giftCodeHash?: string | null;
}

/** Units of an order line delivered by `at` (fulfilments without a delivery time are still on their way). */
export function deliveredQuantity(order: Order, lineId: string, at: Date): number {
  let n = 0;
  for (const f of order.fulfilments) {
    if (!f.deliveredAt || f.deliveredAt.getTime() > at.getTime()) continue;
    for (const fl of f.lines) if (fl.orderLineId === lineId) n += fl.quantity;
  }
  return n;
}

/** What the shopper paid for the whole line: after its discount, with its tax. */
export function linePaid(order: Order, line: OrderLine): Money {
  const gross = times(line.unitPrice, line.quantity);
  const net = subtract(gross, line.discount);
  return order.taxesIncluded ? net : add(net, line.tax);
}

/** The order total the tenders must cover: lines, shipping and duties the customer paid. */
export function orderTotal(order: Order): Money {
  const lines = sum(
    order.currency,
    order.lines.map((l) => linePaid(order, l)),
  );
  const shipping = order.taxesIncluded
    ? order.shipping.amount
    : add(order.shipping.amount, order.shipping.tax);
  const duties =
    order.duties && order.duties.paidBy === "customer" ? order.duties.amount : zero(order.currency);
  return add(add(lines, shipping), duties);
}
