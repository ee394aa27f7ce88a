import type { PlatformAdapter } from "../../app/platforms/ports.ts";
import { type ShopifyOptions, shopifyOrder, shopifyOrdersPage, shopifyRequest } from "./shopify-client.ts";
import { shopifyApproveReturn, shopifyProcessReturn, shopifyRequestReturn } from "./shopify-returns.ts";
import { shopifyDeliveryOrder, verifyShopifyWebhook } from "./shopify-webhooks.ts";

/** Shopify: Admin GraphQL through @shopify/admin-api-client, webhooks verified with HMAC-SHA256. */
export function shopifyPlatform(opts: ShopifyOptions = {}): PlatformAdapter {
  const pageSize = opts.pageSize ?? 50;
  return {
    platform: "shopify",
    api(c) {
      const request = shopifyRequest(c, opts);
      return {
        ordersPage: (since, cursor) => shopifyOrdersPage(request, since, cursor, pageSize),
        order: (id) => shopifyOrder(request, id),
        requestReturn: (mc) => shopifyRequestReturn(request, mc),
        approveReturn: (_mc, req) => shopifyApproveReturn(request, req),
        refundReturn: (mc, req) => shopifyProcessReturn(request, mc, req),
      };
    },
    verifyWebhook: verifyShopifyWebhook,
    orderOfDelivery: shopifyDeliveryOrder,
  };
}
