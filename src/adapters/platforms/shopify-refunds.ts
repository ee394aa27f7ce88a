import type { GatewayRefundRequest, GatewayRefundResult, PaymentGateway } from "../../app/ports/index.ts";
import { formatMoney } from "../../domain/money.ts";
import { type ShopifyOptions, type ShopifyRequest, shopifyRequest } from "./shopify-client.ts";
import { REFUND_CREATE, REFUND_TARGET_QUERY } from "./shopify-queries.ts";

interface MoneyV2 {
  readonly amount: string;
  readonly currencyCode: string;
}
/** A MoneyBag: shop currency, and the currency the shopper paid in (presentment). */
interface ShopMoney {
  readonly shopMoney: MoneyV2;
  readonly presentmentMoney?: MoneyV2;
}
interface RefundTransaction {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly gateway: string | null;
  readonly errorCode: string | null;
  readonly parentTransaction: { readonly id: string } | null;
}
interface ShopifyRefund {
  readonly id: string;
  readonly note: string | null;
  readonly totalRefundedSet: ShopMoney;
  readonly transactions: { readonly nodes: readonly RefundTransaction[] };
}
interface RefundTarget {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly gateway: string;
  readonly amountSet: ShopMoney;
  readonly order: {
    readonly id: string;
    readonly presentmentCurrencyCode?: string;
    readonly refunds: readonly ShopifyRefund[];
  } | null;
}

/** Shopify's answer when a key's earlier request was refused: that key is spent, the next one is used. */
const KEY_SPENT = /IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED|previous request with this idempotency key failed/i;
/** At most this many keys per settlement (each spent one was a refusal that moved no money). */
const MAX_KEYS = 20;

const failed = (reason: string, retryable: boolean): GatewayRefundResult => ({
  status: "failed",
  reason,
  retryable,
});

/** The refund's transaction on our parent: SUCCESS → succeeded, PENDING → processing, else failed. */
function outcome(refund: ShopifyRefund, parentId: string): GatewayRefundResult {
  const t =
    refund.transactions.nodes.find((n) => n.parentTransaction?.id === parentId) ??
    refund.transactions.nodes[0];
  const status = t?.status ?? "SUCCESS";
  if (status === "SUCCESS") return { status: "succeeded", providerReference: refund.id };
  if (status === "PENDING" || status === "AWAITING_RESPONSE")
    return { status: "processing", providerReference: refund.id };
  return failed(`Shopify refund ${refund.id} ${status}${t?.errorCode ? ` (${t.errorCode})` : ""}`, false);
}

const noteOf = (req: GatewayRefundRequest) => `Crossback refund ${req.settlementId}`;

/** The tender's Shopify transaction with its order's refunds; a refusal when it cannot be refunded. */
async function refundTarget(
  request: ShopifyRequest,
  req: GatewayRefundRequest,
): Promise<
  | { target: RefundTarget & { order: NonNullable<RefundTarget["order"]> }; parentId: string; note: string }
  | { failed: GatewayRefundResult }
> {
  const ref = req.tender.reference;
  if (!ref) return { failed: failed("the Shopify tender has no transaction id", false) };
  const parentId = ref.startsWith("gid://") ? ref : `gid://shopify/OrderTransaction/${ref}`;
  const target = (await request<{ node: RefundTarget | null }>(REFUND_TARGET_QUERY, { id: parentId })).node;
  if (!target?.order) return { failed: failed(`Shopify has no order transaction ${parentId}`, false) };
  // Orders are imported in the presentment currency (shopify-orders.ts), and Shopify refunds in it.
  const paidIn = (target.amountSet.presentmentMoney ?? target.amountSet.shopMoney).currencyCode;
  if (paidIn !== req.amount.currency)
    return {
      failed: failed(`the Shopify payment is in ${paidIn}, the refund in ${req.amount.currency}`, false),
    };
  return { target: { ...target, order: target.order }, parentId, note: noteOf(req) };
}

/**
 * Shopify sends no webhook when a PENDING refund transaction ends: the refund made for this
 * settlement (found by its note) is read again. Null when Shopify has none.
 */
async function lookupOnShopify(
  request: ShopifyRequest,
  req: GatewayRefundRequest,
): Promise<GatewayRefundResult | null> {
  const t = await refundTarget(request, req);
  if ("failed" in t) return null;
  const found = t.target.order.refunds.find((r) => r.note === t.note);
  return found ? outcome(found, t.parentId) : null;
}

/**
 * refundCreate on the order's SALE/CAPTURE transaction. The note names our settlement: a refund a lost
 * answer created is found on the order before anything is sent again. The `@idempotent` key is the
 * settlement's; a key Shopify reports spent (an earlier refusal, which moved no money) gives way to the
 * next one (`key:2`, `key:3` …), so a retry after a refusal is a new request and a retry after a lost
 * answer is the same request.
 */
async function refundOnShopify(
  request: ShopifyRequest,
  req: GatewayRefundRequest,
): Promise<GatewayRefundResult> {
  const t = await refundTarget(request, req);
  if ("failed" in t) return t.failed;
  const { target, parentId, note } = t;
  const found = target.order.refunds.find((r) => r.note === note);
  if (found) return outcome(found, parentId);
  // RefundInput.currency "must be the presentment currency … required for orders where the currency
  // and presentment currency differ"; the transaction amount is then in that currency too.
  const input = {
    orderId: target.order.id,
    currency: req.amount.currency,
    note,
    notify: false,
    transactions: [
      {
        orderId: target.order.id,
        parentId,
        amount: formatMoney(req.amount),
        gateway: target.gateway,
        kind: "REFUND",
      },
    ],
  };
  for (let n = 1; n <= MAX_KEYS; n++) {
    const key = n === 1 ? req.idempotencyKey : `${req.idempotencyKey}:${n}`;
    type Payload = {
      refund: ShopifyRefund | null;
      userErrors: { field: string[] | null; message: string }[];
    };
    let res: { refundCreate: Payload };
    try {
      res = await request<{ refundCreate: Payload }>(REFUND_CREATE, { input, key });
    } catch (e) {
      if (e instanceof Error && KEY_SPENT.test(e.message)) continue;
      throw e;
    }
    const errors = res.refundCreate.userErrors;
    if (errors.some((e) => KEY_SPENT.test(e.message))) continue;
    if (errors.length > 0)
      return failed(`Shopify refundCreate refused: ${errors.map((e) => e.message).join("; ")}`, true);
    if (!res.refundCreate.refund) throw new Error("Shopify refundCreate gave no refund");
    return outcome(res.refundCreate.refund, parentId);
  }
  return failed(`Shopify refused ${MAX_KEYS} refund requests of this settlement`, false);
}

/**
 * The `shopify` payment gateway: refunds tenders Shopify processed (Shopify Payments, Shopify gift cards…)
 * through the merchant's connected shop. Calls never run inside a transaction (settle.ts).
 */
export function shopifyRefundGateway(opts: ShopifyOptions = {}): PaymentGateway {
  return {
    name: "shopify",
    needsPlatform: "shopify",
    async refund(req) {
      if (!req.platform) return failed("no Shopify shop is connected", false);
      return refundOnShopify(shopifyRequest(req.platform, opts), req);
    },
    async lookup(req) {
      if (!req.platform) return null;
      return lookupOnShopify(shopifyRequest(req.platform, opts), req);
    },
  };
}
