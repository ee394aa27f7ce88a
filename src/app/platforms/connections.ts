import type { Deps } from "../ports/index.ts";
import type { Platform, PlatformConnection, PlatformConnectionRecord } from "./ports.ts";

/** What GET shows: the shop and whether secrets are set (last four characters), never the secrets. */
export function presentConnection(r: PlatformConnectionRecord, open: (sealed: string) => string | null) {
  const last4 = (sealed: string) => open(sealed)?.slice(-4) ?? null;
  return {
    platform: r.platform,
    shop: r.shop,
    consumerKey: r.keyId,
    credential: { set: true, last4: last4(r.sealedCredential) },
    webhookSecret: { set: true, last4: last4(r.sealedWebhookSecret) },
    refundOnPlatform: r.refundOnPlatform,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Stores a merchant's shop with its secrets sealed; the shop must not be another merchant's. */
export async function saveConnection(
  deps: Deps,
  merchantId: string,
  c: PlatformConnection,
): Promise<{ saved: PlatformConnectionRecord } | { taken: true }> {
  const secrets = deps.secrets;
  if (!secrets) throw new Error("no encryption key is configured (CROSSBACK_ENCRYPTION_KEY)");
  const record: PlatformConnectionRecord = {
    merchantId,
    platform: c.platform,
    shop: c.shop,
    keyId: c.keyId,
    sealedCredential: secrets.encrypt(c.credential),
    sealedWebhookSecret: secrets.encrypt(c.webhookSecret),
    refundOnPlatform: c.refundOnPlatform,
    updatedAt: deps.clock.now(),
  };
  return deps.store.transaction(async (r) => {
    const owner = await r.platforms.connectionByShop(c.platform, c.shop);
    if (owner && owner.merchantId !== merchantId) return { taken: true as const };
    await r.platforms.putConnection(record);
    return { saved: record };
  });
}

/** A stored connection with its secrets opened (null: no encryption key to open them). */
export function openConnection(deps: Deps, r: PlatformConnectionRecord): PlatformConnection | null {
  if (!deps.secrets) return null;
  return {
    platform: r.platform,
    shop: r.shop,
    keyId: r.keyId,
    credential: deps.secrets.decrypt(r.sealedCredential),
    webhookSecret: deps.secrets.decrypt(r.sealedWebhookSecret),
    refundOnPlatform: r.refundOnPlatform,
  };
}

/** The merchant's shop on a platform, opened, or why it cannot be used. */
export async function merchantConnection(
  deps: Deps,
  merchantId: string,
  platform: Platform,
): Promise<{ connection: PlatformConnection } | { missing: string }> {
  if (!deps.platforms?.has(platform)) return { missing: `${platform} is not available in this installation` };
  const r = await deps.store.read.platforms.connection(merchantId, platform);
  if (!r)
    return {
      missing: `the merchant has no ${platform} shop connected (PUT /api/v1/settings/platforms/${platform})`,
    };
  const connection = openConnection(deps, r);
  if (!connection) return { missing: "the shop's secrets are encrypted and no encryption key is configured" };
  return { connection };
}

/** The shop as stored (lower-case domain; a URL without trailing slash), or what is wrong with it. */
export function shopOf(
  platform: Platform,
  given: string,
  consumerKey: string | null,
): { shop: string } | { path: string; message: string } {
  if (platform === "shopify") {
    const shop = given.trim().toLowerCase();
    if (!/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(shop))
      return { path: "shop", message: "must be the shop's myshopify.com domain, such as acme.myshopify.com" };
    return { shop };
  }
  let url: URL;
  try {
    url = new URL(given.trim());
  } catch {
    return { path: "shop", message: "must be the store URL, such as https://shop.example" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return { path: "shop", message: "must be an http(s) URL" };
  if (!consumerKey)
    return { path: "consumerKey", message: "the WooCommerce consumer key (ck_…) is required" };
  return { shop: `${url.origin}${url.pathname.replace(/\/+$/, "")}` };
}
