import type { DeliveryOrder, VerifiedDelivery } from "../../app/platforms/ports.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import { base64HmacMatches, header, parseJson } from "./platform-signatures.ts";
import { fromWooOrder, type WooOrder } from "./woocommerce-orders.ts";

/**
 * WooCommerce webhooks (WC_Webhook::deliver): `X-WC-Webhook-Signature` is the base64 HMAC-SHA256 of
 * the raw body with the webhook's secret; `X-WC-Webhook-Topic` (order.created, order.updated…) and
 * `X-WC-Webhook-Delivery-ID` (our dedup key). The body is the resource as REST v3 returns it.
 */
export function verifyWooWebhook(
  raw: Buffer,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  secret: string,
): Result<VerifiedDelivery, string> {
  if (!base64HmacMatches(raw, secret, header(headers, "x-wc-webhook-signature")))
    return err("X-WC-Webhook-Signature does not match the body");
  const deliveryId = header(headers, "x-wc-webhook-delivery-id");
  const topic = header(headers, "x-wc-webhook-topic");
  if (!deliveryId || !topic) return err("X-WC-Webhook-Delivery-ID and X-WC-Webhook-Topic are required");
  return ok({ deliveryId, topic, payload: parseJson(raw) });
}

const isOrder = (p: unknown): p is WooOrder =>
  typeof p === "object" &&
  p !== null &&
  typeof (p as { id?: unknown }).id === "number" &&
  Array.isArray((p as { line_items?: unknown }).line_items);

/** order.created / order.updated carry the whole order; other topics change nothing here. */
export function wooDeliveryOrder(d: VerifiedDelivery): DeliveryOrder {
  if ((d.topic === "order.created" || d.topic === "order.updated") && isOrder(d.payload))
    return { kind: "order", order: fromWooOrder(d.payload) };
  return { kind: "ignore" };
}
