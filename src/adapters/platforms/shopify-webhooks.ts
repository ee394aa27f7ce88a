import type { DeliveryOrder, VerifiedDelivery } from "../../app/platforms/ports.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import { base64HmacMatches, header, parseJson } from "./platform-signatures.ts";

/**
 * Shopify webhooks (https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-5-verify-the-webhook):
 * `X-Shopify-Hmac-Sha256` is the base64 HMAC-SHA256 of the raw body with the app's secret;
 * `X-Shopify-Shop-Domain` names the shop, `X-Shopify-Topic` the topic, `X-Shopify-Webhook-Id` the
 * delivery (the same on retries: our dedup key). Payloads are REST resources (orders/*: an Order,
 * refunds/create: a Refund with `order_id`).
 */
export function verifyShopifyWebhook(
  raw: Buffer,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  secret: string,
): Result<VerifiedDelivery, string> {
  if (!base64HmacMatches(raw, secret, header(headers, "x-shopify-hmac-sha256")))
    return err("X-Shopify-Hmac-Sha256 does not match the body");
  const deliveryId = header(headers, "x-shopify-webhook-id") ?? header(headers, "x-shopify-event-id");
  const topic = header(headers, "x-shopify-topic");
  if (!deliveryId || !topic) return err("X-Shopify-Webhook-Id and X-Shopify-Topic are required");
  return ok({ deliveryId, topic, payload: parseJson(raw) });
}

const ORDER_TOPICS = new Set([
  "orders/create",
  "orders/updated",
  "orders/paid",
  "orders/fulfilled",
  "orders/edited",
]);

const idOf = (v: unknown): string | null =>
  typeof v === "number" || (typeof v === "string" && /^\d+$/.test(v)) ? `gid://shopify/Order/${v}` : null;

/** Orders are read again through the API (the latest state, in the GraphQL shape we map). */
export function shopifyDeliveryOrder(d: VerifiedDelivery): DeliveryOrder {
  const p = d.payload && typeof d.payload === "object" ? (d.payload as Record<string, unknown>) : {};
  const id = ORDER_TOPICS.has(d.topic) ? idOf(p.id) : d.topic === "refunds/create" ? idOf(p.order_id) : null;
  return id ? { kind: "fetch", platformOrderId: id } : { kind: "ignore" };
}
