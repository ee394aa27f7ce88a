import type { MirrorCase, MirrorOutcome, OrderPage, PlatformAdapter } from "../../app/platforms/ports.ts";
import { formatMoney } from "../../domain/money.ts";
import { type WooClient, wooClient } from "./woocommerce-client.ts";
import { fromWooOrder, type WooOrder } from "./woocommerce-orders.ts";
import { verifyWooWebhook, wooDeliveryOrder } from "./woocommerce-webhooks.ts";

export interface WooOptions {
  /** Orders per page (WooCommerce allows up to 100). */
  readonly pageSize?: number;
}

/**
 * `GET /orders?modified_after=…&dates_are_gmt=true&orderby=id&order=asc&page=&per_page=`: ordered by
 * id, a page's place does not move when orders change during the run; `X-WP-TotalPages` gives the end.
 */
async function ordersPage(
  woo: WooClient,
  since: Date,
  cursor: string | null,
  perPage: number,
): Promise<OrderPage> {
  const page = Number(cursor ?? "1");
  const r = await woo.get<WooOrder[]>("orders", {
    modified_after: since.toISOString(),
    dates_are_gmt: true,
    orderby: "id",
    order: "asc",
    page,
    per_page: perPage,
  });
  const totalPages = Number(r.headers["x-wp-totalpages"] ?? 1) || 1;
  return { orders: r.data.map(fromWooOrder), next: page < totalPages ? String(page + 1) : null, totalPages };
}

/** An order note once: a note already starting with `text` (a retry after a lost answer) is taken. */
async function noteOnce(woo: WooClient, c: MirrorCase, text: string): Promise<MirrorOutcome> {
  const path = `orders/${c.platformOrderId}/notes`;
  const notes = (await woo.get<{ id: number; note: string }[]>(path, { type: "internal" })).data;
  const found = notes.find((n) => n.note.startsWith(text));
  if (found) return { id: String(found.id), detail: { note: found.note } };
  const lines = c.lines
    .filter((l) => l.quantity > 0)
    .map((l) => `${l.quantity} × line ${l.lineExternalId} (${l.reason})`);
  const note = `${text}: ${lines.join(", ")}`;
  const created = (await woo.post<{ id: number }>(path, { note, customer_note: false })).data;
  return { id: String(created.id), detail: { note } };
}

/** WooCommerce: REST API v3 through @woocommerce/woocommerce-rest-api; webhooks verified with HMAC-SHA256. */
export function wooCommercePlatform(opts: WooOptions = {}): PlatformAdapter {
  const perPage = opts.pageSize ?? 50;
  return {
    platform: "woocommerce",
    api(conn) {
      const woo = wooClient(conn);
      return {
        ordersPage: (since, cursor) => ordersPage(woo, since, cursor, perPage),
        async order(id) {
          return fromWooOrder((await woo.get<WooOrder>(`orders/${id}`)).data);
        },
        requestReturn: (c) => noteOnce(woo, c, `Crossback ${c.caseNumber}: return requested`),
        approveReturn: (c) => noteOnce(woo, c, `Crossback ${c.caseNumber}: return approved`),
        async refundReturn(c, _req, refund) {
          // The refund's reason names the case and our refund: a retry finds it instead of refunding twice.
          const reason = `Crossback ${c.caseNumber} refund ${refund.key}`;
          const path = `orders/${c.platformOrderId}/refunds`;
          const existing = (await woo.get<{ id: number; reason: string }[]>(path)).data.find(
            (r) => r.reason === reason,
          );
          if (existing) return { id: String(existing.id), detail: { reason } };
          const amount = formatMoney(refund.amount);
          const body = { amount, reason, api_refund: refund.moveMoney, api_restock: false };
          const created = (await woo.post<{ id: number }>(path, body)).data;
          return { id: String(created.id), detail: { reason, amount, apiRefund: refund.moveMoney } };
        },
      };
    },
    verifyWebhook: verifyWooWebhook,
    orderOfDelivery: wooDeliveryOrder,
  };
}
