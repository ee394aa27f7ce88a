/**
 * Shopify Admin GraphQL documents (API version SHOPIFY_API_VERSION). Docs followed:
 * - orders: https://shopify.dev/docs/api/admin-graphql/latest/queries/orders (cursor pagination:
 *   `first`/`after`, `pageInfo { hasNextPage endCursor }`; search syntax `updated_at:>=…`)
 * - returns: https://shopify.dev/docs/apps/build/orders-fulfillment/returns-apps/build-return-management
 *   (`returnableFulfillments` → `returnRequest` → `returnApproveRequest` → `returnProcess`)
 */
export const SHOPIFY_API_VERSION = "2026-07";

const ORDER_FIELDS = `
fragment CrossbackOrder on Order {
  id legacyResourceId name processedAt updatedAt currencyCode presentmentCurrencyCode taxesIncluded email
  customer { firstName lastName email locale }
  shippingAddress { countryCodeV2 provinceCode zip city address1 }
  lineItems(first: 250) { nodes {
    id sku name quantity variant { barcode }
    originalUnitPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
    taxLines { priceSet { shopMoney { amount } presentmentMoney { amount } } }
    discountAllocations { allocatedAmountSet { shopMoney { amount } presentmentMoney { amount } } }
  } }
  shippingLines(first: 10) { nodes {
    title discountedPriceSet { shopMoney { amount } presentmentMoney { amount } } taxLines { priceSet { shopMoney { amount } presentmentMoney { amount } } }
  } }
  fulfillments(first: 50) {
    id createdAt deliveredAt trackingInfo(first: 1) { company number }
    fulfillmentLineItems(first: 250) { nodes { id quantity lineItem { id } } }
  }
  transactions(first: 50) { id kind status gateway processedAt amountSet { shopMoney { amount } presentmentMoney { amount } } }
}`;

export const ORDERS_QUERY = `query CrossbackOrders($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes { ...CrossbackOrder }
  }
}
${ORDER_FIELDS}`;

export const ORDER_QUERY = `query CrossbackOrder($id: ID!) {
  order(id: $id) { ...CrossbackOrder }
}
${ORDER_FIELDS}`;

export const RETURNABLE_QUERY = `query CrossbackReturnable($orderId: ID!) {
  returnableFulfillments(orderId: $orderId, first: 50) { nodes {
    returnableFulfillmentLineItems(first: 250) { nodes { quantity fulfillmentLineItem { id lineItem { id } } } }
  } }
  order(id: $orderId) { returns(first: 50) { nodes {
    id status returnLineItems(first: 250) { nodes { ... on ReturnLineItem { id customerNote } } }
  } } }
}`;

const RETURN_FIELDS = `return { id status returnLineItems(first: 250) { nodes {
  ... on ReturnLineItem { id quantity processedQuantity fulfillmentLineItem { lineItem { id } } }
} } }
userErrors { field message }`;

export const RETURN_REQUEST = `mutation CrossbackReturnRequest($input: ReturnRequestInput!) {
  returnRequest(input: $input) { ${RETURN_FIELDS} }
}`;

export const RETURN_APPROVE = `mutation CrossbackReturnApprove($input: ReturnApproveRequestInput!) {
  returnApproveRequest(input: $input) { ${RETURN_FIELDS} }
}`;

export const RETURN_QUERY = `query CrossbackReturn($id: ID!) {
  return(id: $id) { id status returnLineItems(first: 250) { nodes {
    ... on ReturnLineItem { id quantity processedQuantity fulfillmentLineItem { lineItem { id } } }
  } } }
}`;

export const RETURN_PROCESS = `mutation CrossbackReturnProcess($input: ReturnProcessInput!) {
  returnProcess(input: $input) { ${RETURN_FIELDS} }
}`;

const REFUND_FIELDS = `id note totalRefundedSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
    transactions(first: 10) { nodes { id kind status gateway errorCode parentTransaction { id } } }`;

/**
 * Refunds (shopify-refunds.ts). The parent transaction with its order and the order's refunds (a refund
 * carrying our note is one a lost answer already created):
 * https://shopify.dev/docs/api/admin-graphql/latest/objects/OrderTransaction (`order`),
 * https://shopify.dev/docs/api/admin-graphql/latest/objects/Order (`refunds(first:)`).
 */
export const REFUND_TARGET_QUERY = `query CrossbackRefundTarget($id: ID!) {
  node(id: $id) { ... on OrderTransaction {
    id kind status gateway amountSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
    order { id presentmentCurrencyCode refunds(first: 250) { ${REFUND_FIELDS} } }
  } }
}`;

/**
 * refundCreate with RefundInput.transactions (kind REFUND, parentId = the SALE/CAPTURE), no line items:
 * https://shopify.dev/docs/api/admin-graphql/latest/mutations/refundCreate. The `@idempotent(key:)`
 * directive is mandatory for refundCreate from 2026-04 (https://shopify.dev/changelog/making-idempotency-mandatory-for-inventory-adjustments-and-refund-mutations,
 * https://shopify.dev/docs/api/usage/implementing-idempotency): the same key answers the first result.
 */
export const REFUND_CREATE = `mutation CrossbackRefundCreate($input: RefundInput!, $key: String!) {
  refundCreate(input: $input) @idempotent(key: $key) {
    refund { ${REFUND_FIELDS} }
    userErrors { field message }
  }
}`;
