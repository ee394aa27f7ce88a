-- Tenders of Shopify orders that Shopify itself refunds (refundCreate) have the provider 'shopify'
-- (shopify-orders.ts): the `shopify` payment gateway refunds them. Orders imported before keep their
-- gateway's name; renamed here so a re-import does not change a tender that settlements lock.
UPDATE "order_tenders" AS t
SET "provider" = 'shopify'
FROM "orders" AS o, "platform_orders" AS p
WHERE t."order_id" = o."id"
  AND p."merchant_id" = o."merchant_id"
  AND p."platform" = 'shopify'
  AND p."order_external_id" = o."external_id"
  AND t."provider" IN ('shopify_payments', 'shopify_installments', 'gift_card');
