import { shopifyPlatform } from "../adapters/platforms/shopify.ts";
import { wooCommercePlatform } from "../adapters/platforms/woocommerce.ts";
import type { Platform, PlatformAdapter } from "../app/platforms/ports.ts";

/**
 * Shopify and WooCommerce, always available (each merchant connects its own shop). SHOPIFY_ADMIN_API_BASE
 * sends the Shopify Admin API to another origin (a local fake); PLATFORM_SYNC_PAGE_SIZE sets the page size.
 */
export function platformsFromEnv(env: NodeJS.ProcessEnv = process.env): Map<Platform, PlatformAdapter> {
  const size = Number(env.PLATFORM_SYNC_PAGE_SIZE ?? "");
  const pageSize = Number.isInteger(size) && size > 0 && size <= 100 ? size : undefined;
  return new Map<Platform, PlatformAdapter>([
    ["shopify", shopifyPlatform({ pageSize, apiBase: env.SHOPIFY_ADMIN_API_BASE || null })],
    ["woocommerce", wooCommercePlatform({ pageSize })],
  ]);
}
