import type { PlatformOrder } from "../../app/platforms/ports.ts";
import { formatMoney, parseMoney } from "../../domain/money.ts";
import { decimal, sumDecimals } from "./platform-amounts.ts";

/** The fields of a WooCommerce REST v3 order we read (https://woocommerce.github.io/woocommerce-rest-api-docs/#order-properties). */
export interface WooOrder {
  readonly id: number;
  readonly number: string;
  readonly status: string;
  readonly currency: string;
  readonly prices_include_tax: boolean;
  readonly date_created_gmt: string;
  readonly date_modified_gmt?: string;
  readonly date_paid_gmt: string | null;
  readonly date_completed_gmt: string | null;
  readonly total: string;
  readonly payment_method: string;
  readonly transaction_id: string;
  readonly billing: { first_name: string; last_name: string; email: string; country: string };
  readonly shipping: { country: string; state: string; postcode: string; city: string; address_1: string };
  readonly line_items: readonly {
    id: number;
    name: string;
    product_id: number;
    sku: string;
    global_unique_id?: string;
    quantity: number;
    subtotal: string;
    subtotal_tax: string;
    total: string;
    total_tax: string;
  }[];
  readonly shipping_lines: readonly { method_title: string; total: string; total_tax: string }[];
}

const TENDERS: Readonly<Record<string, string>> = {
  bacs: "bank_transfer",
  cod: "cash_on_delivery",
  cheque: "other",
};
const PAID = new Set(["processing", "completed", "on-hold", "refunded"]);
/** WooCommerce's *_gmt dates carry no offset; they are UTC. */
const gmt = (s: string | null | undefined) => (s ? (/[zZ]|[+-]\d\d:\d\d$/.test(s) ? s : `${s}Z`) : null);

/**
 * `total` of `quantity` units as a unit price. A total the units do not share exactly is no price the
 * order contract takes (`total/quantity`): the order is refused, naming the line, instead of rounded.
 */
function unitPrice(total: string, quantity: number, currency: string): string {
  const m = parseMoney(total, currency);
  if (!m.ok || quantity <= 0 || m.value.amount % quantity !== 0) return `${total}/${quantity}`;
  return formatMoney({ amount: m.value.amount / quantity, currency });
}

/**
 * A WooCommerce order onto the order contract. Line subtotals are before discounts and (in
 * WooCommerce) always without tax: with prices including tax the tax is added back. A completed order
 * counts as delivered at its completion (WooCommerce core has no shipments); a paid order has one
 * tender of its payment method for its total.
 */
export function fromWooOrder(o: WooOrder): PlatformOrder {
  const cur = o.currency;
  const incl = o.prices_include_tax;
  const gross = (net: string, tax: string) => (incl ? sumDecimals([net, tax], cur) : decimal(net));
  const region = /^[A-Z0-9]{1,3}$/.test(o.shipping.state) ? o.shipping.state : null;
  const done = gmt(o.date_completed_gmt);
  const body = {
    placedAt: gmt(o.date_created_gmt),
    currency: cur,
    customer: {
      email: o.billing.email,
      name: [o.billing.first_name, o.billing.last_name].filter(Boolean).join(" ") || null,
    },
    shippingAddress: {
      country: o.shipping.country || o.billing.country,
      region,
      postalCode: o.shipping.postcode || null,
      city: o.shipping.city || null,
      line1: o.shipping.address_1 || null,
    },
    taxesIncluded: incl,
    lines: o.line_items.map((l) => {
      const before = gross(l.subtotal, l.subtotal_tax);
      const after = gross(l.total, l.total_tax);
      const b = parseMoney(before, cur);
      const a = parseMoney(after, cur);
      return {
        externalId: String(l.id),
        sku: l.sku || l.global_unique_id || `woo-product-${l.product_id}`,
        title: l.name,
        quantity: l.quantity,
        unitPrice: unitPrice(before, l.quantity, cur),
        tax: decimal(l.total_tax),
        discount:
          b.ok && a.ok ? formatMoney({ amount: b.value.amount - a.value.amount, currency: cur }) : "0",
      };
    }),
    shipping: {
      amount: sumDecimals(
        o.shipping_lines.flatMap((s) => (incl ? [s.total, s.total_tax] : [s.total])),
        cur,
      ),
      tax: sumDecimals(
        o.shipping_lines.map((s) => s.total_tax),
        cur,
      ),
      method: o.shipping_lines[0]?.method_title ?? null,
    },
    tenders:
      o.date_paid_gmt && PAID.has(o.status)
        ? [
            {
              kind: TENDERS[o.payment_method] ?? "card",
              provider: o.payment_method || null,
              reference: o.transaction_id || null,
              amount: decimal(o.total),
              capturedAt: gmt(o.date_paid_gmt),
            },
          ]
        : [],
    fulfilments:
      o.status === "completed" && done
        ? [
            {
              externalId: `completed-${o.id}`,
              lines: o.line_items.map((l) => ({ lineExternalId: String(l.id), quantity: l.quantity })),
              shippedAt: done,
              deliveredAt: done,
            },
          ]
        : [],
  };
  return { platformOrderId: String(o.id), externalId: o.number || String(o.id), body };
}
