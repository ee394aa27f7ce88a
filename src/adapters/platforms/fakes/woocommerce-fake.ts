import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { parseMoney } from "../../../domain/money.ts";
import {
  deliver,
  type FakeReply,
  type FakeRequest,
  type FakeServer,
  fakeId,
  startFakeServer,
} from "../../payments/fakes/fake-http.ts";
import type { WooOrder } from "../woocommerce-orders.ts";

export interface WooFakeRefund {
  readonly id: number;
  readonly orderId: number;
  readonly amount: string;
  readonly reason: string;
  readonly refunded_payment: boolean;
}

/**
 * A local stand-in for a WooCommerce store's REST API v3 (/wp-json/wc/v3) on 127.0.0.1:
 * - Auth over plain HTTP: OAuth 1.0a one-legged, HMAC-SHA256 signature checked (what the official
 *   client sends for http:// stores); else 401 `woocommerce_rest_cannot_view`.
 * - GET /orders (`modified_after`, `page`, `per_page`, `orderby=id`; `X-WP-Total`, `X-WP-TotalPages`),
 *   GET /orders/{id}, GET|POST /orders/{id}/notes, GET|POST /orders/{id}/refunds (amount checked
 *   against what is left to refund).
 * - Webhooks: `X-WC-Webhook-Signature` = base64 HMAC-SHA256 of the body with the webhook secret.
 */
export interface WooFake extends FakeServer {
  readonly consumerKey: string;
  readonly consumerSecret: string;
  readonly webhookSecret: string;
  readonly orders: Map<number, WooOrder>;
  readonly notes: { orderId: number; id: number; note: string }[];
  readonly refunds: WooFakeRefund[];
  putOrder(o: WooOrder): void;
  /** The `n`th order list asked for from now on (1 = the next) answers 500: an interrupted backfill. */
  failOrdersPage(n: number): void;
  sendWebhook(
    url: string,
    topic: string,
    payload: unknown,
    opts?: { secret?: string; deliveryId?: string },
  ): Promise<{ status: number; body: string }>;
}

const enc = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** RFC 5849 §3.4: the signature base string and HMAC-SHA256 with `secret&` (no token). */
function oauthValid(req: FakeRequest, port: number, key: string, secret: string): boolean {
  const url = new URL(req.path, `http://127.0.0.1:${port}`);
  // PHP's $_GET keeps the last of repeated keys (the official client sends its query twice).
  const params = [...new Map(url.searchParams.entries()).entries()];
  const given = url.searchParams.get("oauth_signature");
  if (url.searchParams.get("oauth_consumer_key") !== key || !given) return false;
  const normalized = params
    .filter(([k]) => k !== "oauth_signature")
    .map(([k, v]) => [enc(k), enc(v)] as const)
    .sort((a, b) => (a[0] === b[0] ? a[1].localeCompare(b[1]) : a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const base = `${req.method.toUpperCase()}&${enc(`${url.origin}${url.pathname}`)}&${enc(normalized)}`;
  const expected = createHmac("sha256", `${enc(secret)}&`)
    .update(base)
    .digest();
  const got = Buffer.from(given, "base64");
  return got.length === expected.length && timingSafeEqual(got, expected);
}

const wooError = (status: number, code: string, message: string): FakeReply => ({
  status,
  body: { code, message, data: { status } },
});

export async function startWooFake(): Promise<WooFake> {
  const consumerKey = fakeId("ck_", 40, "0123456789abcdef");
  const consumerSecret = fakeId("cs_", 40, "0123456789abcdef");
  const webhookSecret = fakeId("", 32);
  const orders = new Map<number, WooOrder>();
  const notes: WooFake["notes"] = [];
  const refunds: WooFakeRefund[] = [];
  let seq = 100;
  let port = 0;
  let failPage = 0;

  function ordersList(q: URLSearchParams): FakeReply {
    const since = q.get("modified_after");
    const all = [...orders.values()]
      .filter((o) => !since || `${o.date_modified_gmt}Z` >= since.replace(/\.\d+Z$/, "Z"))
      .sort((a, b) => a.id - b.id);
    const perPage = Number(q.get("per_page") ?? 10);
    const page = Number(q.get("page") ?? 1);
    const totalPages = Math.max(1, Math.ceil(all.length / perPage));
    const body = all.slice((page - 1) * perPage, page * perPage);
    return {
      status: 200,
      body,
      headers: { "X-WP-Total": String(all.length), "X-WP-TotalPages": String(totalPages) },
    };
  }

  function handle(req: FakeRequest): FakeReply {
    const url = new URL(req.path, "http://127.0.0.1");
    const path = url.pathname.replace(/^\/wp-json\/wc\/v3/, "");
    if (!oauthValid(req, port, consumerKey, consumerSecret))
      return wooError(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
    if (req.method === "GET" && path === "/orders") {
      if (failPage > 0 && --failPage === 0) return wooError(500, "internal_server_error", "Error");
      return ordersList(url.searchParams);
    }
    const m = /^\/orders\/(\d+)(\/notes|\/refunds)?$/.exec(path);
    const order = m ? orders.get(Number(m[1])) : undefined;
    if (!m || !order) return wooError(404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.");
    const body = req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {};
    if (!m[2] && req.method === "GET") return { status: 200, body: order };
    if (m[2] === "/notes") {
      if (req.method === "GET") return { status: 200, body: notes.filter((n) => n.orderId === order.id) };
      const note = { orderId: order.id, id: ++seq, note: String(body.note ?? "") };
      notes.push(note);
      return { status: 201, body: { id: note.id, note: note.note, customer_note: false } };
    }
    if (req.method === "GET") return { status: 200, body: refunds.filter((r) => r.orderId === order.id) };
    const cents = (s: string) => {
      const m = parseMoney(s, order.currency);
      return m.ok ? m.value.amount : -1;
    };
    const left =
      cents(order.total) -
      refunds.filter((r) => r.orderId === order.id).reduce((n, r) => n + cents(r.amount), 0);
    const amount = String(body.amount ?? "0");
    if (cents(amount) <= 0 || cents(amount) > left)
      return wooError(400, "woocommerce_rest_cannot_create_order_refund", "Invalid refund amount.");
    const refund = {
      id: ++seq,
      orderId: order.id,
      amount,
      reason: String(body.reason ?? ""),
      refunded_payment: body.api_refund === true,
    };
    refunds.push(refund);
    return { status: 201, body: refund };
  }

  const server = await startFakeServer(handle, (status) => ({
    code: "internal_server_error",
    message: "Error",
    data: { status },
  }));
  port = server.port;
  return {
    ...server,
    consumerKey,
    consumerSecret,
    webhookSecret,
    orders,
    notes,
    refunds,
    putOrder: (o) => orders.set(o.id, o),
    failOrdersPage: (n) => {
      failPage = n;
    },
    sendWebhook(url, topic, payload, o = {}) {
      const body = JSON.stringify(payload);
      const signature = createHmac("sha256", o.secret ?? webhookSecret)
        .update(body)
        .digest("base64");
      return deliver(url, body, {
        "X-WC-Webhook-Source": server.url,
        "X-WC-Webhook-Topic": topic,
        "X-WC-Webhook-Resource": topic.split(".")[0] ?? "order",
        "X-WC-Webhook-Event": topic.split(".")[1] ?? "updated",
        "X-WC-Webhook-Signature": signature,
        "X-WC-Webhook-ID": "7",
        "X-WC-Webhook-Delivery-ID": o.deliveryId ?? randomUUID(),
      });
    },
  };
}
