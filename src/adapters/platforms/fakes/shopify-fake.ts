import { createHmac, randomUUID } from "node:crypto";
import {
  deliver,
  type FakeReply,
  type FakeRequest,
  type FakeServer,
  fakeId,
  startFakeServer,
} from "../../payments/fakes/fake-http.ts";
import type { ShopifyOrderNode } from "../shopify-orders.ts";
import { SHOPIFY_API_VERSION } from "../shopify-queries.ts";
import { idempotencyKeyOf } from "./shopify-fake-idempotency.ts";
import { type FakeRefund, ShopifyRefunds } from "./shopify-fake-refunds.ts";
import { type FakeReturn, ShopifyReturns } from "./shopify-fake-returns.ts";

/**
 * A local stand-in for one shop's Admin GraphQL API (POST /admin/api/{version}/graphql.json) on
 * 127.0.0.1, answering the documented shapes of the operations shopify-queries.ts sends:
 * - Auth: `X-Shopify-Access-Token`, else 401 `{"errors":"[API] Invalid API key or access token …"}`.
 * - `orders(first, after, query: "updated_at:>='…'", sortKey: UPDATED_AT)` with opaque cursors and
 *   `pageInfo { hasNextPage endCursor }`; `order(id)`.
 * - Returns: `returnableFulfillments`, `returnRequest` (REQUESTED), `returnApproveRequest` (→ OPEN),
 *   `returnProcess` (processedQuantity; CLOSED when all is processed), `return(id)`, with `userErrors`.
 * - Refunds (shopify-fake-refunds.ts): `node(id:)` on an OrderTransaction, `refundCreate` with the
 *   `@idempotent(key:)` directive and `userErrors`.
 * - Webhooks: `X-Shopify-Hmac-Sha256` = base64 HMAC-SHA256 of the body with the app secret.
 */
export interface ShopifyFake extends FakeServer {
  readonly shop: string;
  readonly accessToken: string;
  readonly webhookSecret: string;
  readonly orders: Map<string, ShopifyOrderNode>;
  readonly returns: readonly FakeReturn[];
  /** The refunds created (money moved), in order. */
  readonly refunds: readonly FakeRefund[];
  /** The next refundCreate is refused with this user error. */
  refuseNextRefund(message: string): void;
  /** The next refund's transaction stays PENDING until `settleRefund`. */
  pendNextRefund(): void;
  /** A pending refund's transaction ends (the provider answered Shopify). */
  settleRefund(id: string, status: "SUCCESS" | "FAILURE" | "ERROR", errorCode?: string | null): void;
  /** The next refundCreate is carried out but its answer is lost (500): the caller cannot know. */
  loseNextRefundAnswer(): void;
  putOrder(o: ShopifyOrderNode): void;
  /** The `n`th orders page asked for from now on (1 = the next) answers 500: an interrupted backfill. */
  failOrdersPage(n: number): void;
  /** The GraphQL operation names received, in order (`CrossbackOrders`, `CrossbackReturnRequest`…). */
  operations(): string[];
  /** Posts a webhook as Shopify does; `secret` signs instead of the real one (a forgery). */
  sendWebhook(
    url: string,
    topic: string,
    payload: unknown,
    opts?: { secret?: string; webhookId?: string; shop?: string },
  ): Promise<{ status: number; body: string }>;
}

const cursorOf = (i: number) => Buffer.from(JSON.stringify({ last: i })).toString("base64url");
const indexOf = (cursor: unknown) =>
  typeof cursor === "string"
    ? (JSON.parse(Buffer.from(cursor, "base64url").toString()) as { last: number }).last
    : -1;

export async function startShopifyFake(opts: { shop?: string } = {}): Promise<ShopifyFake> {
  const shop = opts.shop ?? "acme-test.myshopify.com";
  const accessToken = fakeId("shpat_", 32, "0123456789abcdef");
  const webhookSecret = fakeId("", 32, "0123456789abcdef");
  const orders = new Map<string, ShopifyOrderNode>();
  const returns = new ShopifyReturns(orders);
  const refunds = new ShopifyRefunds(orders);
  let loseRefundAnswer = false;
  const ops: string[] = [];
  let failPage = 0;

  function ordersPage(v: Record<string, unknown>): unknown {
    const since = /updated_at:>='([^']+)'/.exec(String(v.query ?? ""))?.[1];
    const all = [...orders.values()]
      .filter((o) => !since || o.updatedAt >= since)
      .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id));
    const start = indexOf(v.after) + 1;
    const nodes = all.slice(start, start + Number(v.first ?? 50));
    const last = start + nodes.length - 1;
    return {
      orders: {
        pageInfo: { hasNextPage: last < all.length - 1, endCursor: nodes.length ? cursorOf(last) : null },
        nodes,
      },
    };
  }

  function handle(req: FakeRequest): FakeReply {
    if (req.method !== "POST" || req.path !== `/admin/api/${SHOPIFY_API_VERSION}/graphql.json`)
      return { status: 404, body: { errors: "Not Found" } };
    if (req.headers["x-shopify-access-token"] !== accessToken)
      return {
        status: 401,
        body: { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" },
      };
    const { query, variables } = JSON.parse(req.body) as {
      query: string;
      variables?: Record<string, unknown>;
    };
    const v = variables ?? {};
    const op = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? "";
    ops.push(op);
    if (op === "CrossbackOrders" && failPage > 0 && --failPage === 0)
      return { status: 500, body: { errors: "Internal error" } };
    if (op === "CrossbackRefundCreate") {
      const answer = refunds.create(
        v.input as Parameters<ShopifyRefunds["create"]>[0],
        idempotencyKeyOf(query, v),
      );
      if (loseRefundAnswer) {
        loseRefundAnswer = false;
        return { status: 500, body: { errors: "Internal error" } };
      }
      return { status: 200, body: answer };
    }
    const data = ((): unknown => {
      switch (op) {
        case "CrossbackOrders":
          return ordersPage(v);
        case "CrossbackOrder":
          return { order: orders.get(String(v.id)) ?? null };
        case "CrossbackRefundTarget":
          return refunds.node(String(v.id));
        case "CrossbackReturnable":
          return returns.returnable(String(v.orderId));
        case "CrossbackReturn":
          return { return: returns.view(String(v.id)) };
        case "CrossbackReturnRequest":
          return { returnRequest: returns.request(v.input as Parameters<ShopifyReturns["request"]>[0]) };
        case "CrossbackReturnApprove":
          return { returnApproveRequest: returns.approve(String((v.input as { id: string }).id)) };
        case "CrossbackReturnProcess":
          return { returnProcess: returns.process(v.input as Parameters<ShopifyReturns["process"]>[0]) };
        default:
          return null;
      }
    })();
    if (data === null) return { status: 200, body: { errors: [{ message: `Unknown operation ${op}` }] } };
    return { status: 200, body: { data, extensions: { cost: { requestedQueryCost: 10 } } } };
  }

  const server = await startFakeServer(handle, (status) => ({
    errors: status === 429 ? "Throttled" : "Internal error",
  }));
  return {
    ...server,
    requests: server.requests,
    shop,
    accessToken,
    webhookSecret,
    orders,
    get returns() {
      return returns.all();
    },
    get refunds() {
      return refunds.all();
    },
    refuseNextRefund: (message) => refunds.refuse(message),
    pendNextRefund: () => refunds.pend(),
    settleRefund: (id, status, errorCode = null) => refunds.settle(id, status, errorCode),
    loseNextRefundAnswer: () => {
      loseRefundAnswer = true;
    },
    putOrder: (o) => orders.set(o.id, o),
    operations: () => [...ops],
    failOrdersPage: (n) => {
      failPage = n;
    },
    sendWebhook(url, topic, payload, o = {}) {
      const body = JSON.stringify(payload);
      const hmac = createHmac("sha256", o.secret ?? webhookSecret)
        .update(body)
        .digest("base64");
      return deliver(url, body, {
        "X-Shopify-Topic": topic,
        "X-Shopify-Hmac-Sha256": hmac,
        "X-Shopify-Shop-Domain": o.shop ?? shop,
        "X-Shopify-Webhook-Id": o.webhookId ?? randomUUID(),
        "X-Shopify-API-Version": SHOPIFY_API_VERSION,
        "X-Shopify-Triggered-At": new Date().toISOString(),
      });
    },
  };
}
