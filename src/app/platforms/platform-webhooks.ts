import type { Deps } from "../ports/index.ts";
import type { WebhookHeaders } from "../refund-updates.ts";
import { openConnection } from "./connections.ts";
import { type PlatformOrderOutcome, writePlatformOrder } from "./platform-orders.ts";
import type { Platform, PlatformConnectionRecord, PlatformOrder } from "./ports.ts";

export type PlatformWebhookOutcome =
  | { readonly status: "unauthorized"; readonly reason: string }
  | { readonly status: "duplicate"; readonly deliveryId: string }
  | { readonly status: "ignored"; readonly topic: string }
  | { readonly status: "applied"; readonly topic: string; readonly order: PlatformOrderOutcome };

/** Whose delivery it says it is: Shopify names the shop (X-Shopify-Shop-Domain), WooCommerce our URL's slug. */
export type DeliveryAddressee = { readonly shop: string } | { readonly merchantSlug: string };

async function connectionOf(
  deps: Deps,
  platform: Platform,
  to: DeliveryAddressee,
): Promise<PlatformConnectionRecord | null> {
  const read = deps.store.read;
  if ("shop" in to) return read.platforms.connectionByShop(platform, to.shop.trim().toLowerCase());
  const merchant = await read.merchants.bySlug(to.merchantSlug);
  return merchant ? read.platforms.connection(merchant.id, platform) : null;
}

/**
 * A platform's webhook: the signature over the raw body with the shop's webhook secret is the
 * authentication (an unknown shop and a forged signature look the same to the sender and change
 * nothing). Each delivery id is applied once per merchant: the id is recorded in the transaction that
 * writes the order, so a replay, or a retry after we answered, is a no-op.
 */
export async function receivePlatformWebhook(
  deps: Deps,
  platform: Platform,
  to: DeliveryAddressee,
  raw: Buffer,
  headers: WebhookHeaders,
): Promise<PlatformWebhookOutcome> {
  const adapter = deps.platforms?.get(platform);
  const record = adapter ? await connectionOf(deps, platform, to) : null;
  const connection = record ? openConnection(deps, record) : null;
  if (!adapter || !record || !connection) return { status: "unauthorized", reason: "unknown shop" };
  const verified = adapter.verifyWebhook(raw, headers, connection.webhookSecret);
  if (!verified.ok) return { status: "unauthorized", reason: verified.error };
  const d = verified.value;
  const about = adapter.orderOfDelivery(d);
  let order: PlatformOrder | null = null;
  if (about.kind === "order") order = about.order;
  // Shopify: the order is read again through the API, so late or out-of-order deliveries write the latest.
  if (about.kind === "fetch") order = await adapter.api(connection).order(about.platformOrderId);
  const merchantId = record.merchantId;
  return deps.store.transaction(async (r) => {
    if (!(await r.webhookEvents.firstSeen(platform, `${merchantId}:${d.deliveryId}`, deps.clock.now())))
      return { status: "duplicate", deliveryId: d.deliveryId };
    if (!order) return { status: "ignored", topic: d.topic };
    return {
      status: "applied",
      topic: d.topic,
      order: await writePlatformOrder(deps, r, merchantId, platform, order),
    };
  });
}
