import { formatMoney } from "../../../domain/money.ts";
import type { WooOrder } from "../woocommerce-orders.ts";

export interface WooFakeOrderSpec {
  readonly id: number;
  readonly modifiedAt: string;
  readonly currency?: string;
  /** Per line: unit price before discount, tax of the line, discount of the line (minor units, ex tax). */
  readonly lines: readonly {
    sku: string;
    name: string;
    quantity: number;
    unitPrice: number;
    tax?: number;
    discount?: number;
  }[];
  readonly shipping?: number;
  readonly status?: string;
  readonly completedAt?: string | null;
  readonly country?: string;
}

const GMT = (iso: string) => iso.replace(/\.\d+Z$|Z$/, "");

/** An order as REST v3 returns it (prices exclude tax; *_gmt dates without offset; amounts as "12.50"). */
export function wooFakeOrder(s: WooFakeOrderSpec): WooOrder {
  const cur = s.currency ?? "EUR";
  const m = (amount: number) => formatMoney({ amount, currency: cur });
  const shipping = s.shipping ?? 0;
  const lines = s.lines.map((l, i) => {
    const subtotal = l.unitPrice * l.quantity;
    const total = subtotal - (l.discount ?? 0);
    return {
      id: s.id * 100 + i,
      name: l.name,
      product_id: 900 + i,
      sku: l.sku,
      quantity: l.quantity,
      subtotal: m(subtotal),
      subtotal_tax: m(l.tax ?? 0),
      total: m(total),
      total_tax: m(l.tax ?? 0),
      price: total / l.quantity,
    };
  });
  const total =
    s.lines.reduce((n, l) => n + l.unitPrice * l.quantity - (l.discount ?? 0) + (l.tax ?? 0), 0) + shipping;
  const status = s.status ?? "completed";
  return {
    id: s.id,
    number: String(s.id),
    status,
    currency: cur,
    prices_include_tax: false,
    date_created_gmt: "2026-01-10T09:00:00",
    date_modified_gmt: GMT(s.modifiedAt),
    date_paid_gmt: "2026-01-10T09:01:00",
    date_completed_gmt: status === "completed" ? GMT(s.completedAt ?? "2026-01-14T12:00:00Z") : null,
    total: m(total),
    payment_method: "stripe",
    transaction_id: `pi_woo_${s.id}`,
    billing: {
      first_name: "Bo",
      last_name: `Buyer ${s.id}`,
      email: `woo${s.id}@example.com`,
      country: s.country ?? "FR",
    },
    shipping: { country: s.country ?? "FR", state: "", postcode: "75001", city: "Paris", address_1: "1 Rue" },
    line_items: lines,
    shipping_lines: [{ method_title: "Flat rate", total: m(shipping), total_tax: m(0) }],
  };
}
