import { afterAll, beforeAll, expect, it } from "vitest";
import { type ShopifyFake, startShopifyFake } from "../../src/adapters/platforms/fakes/shopify-fake.ts";
import { shopifyFakeOrder } from "../../src/adapters/platforms/fakes/shopify-fake-orders.ts";
import { shopifyPlatform } from "../../src/adapters/platforms/shopify.ts";
import { shopifyRequest } from "../../src/adapters/platforms/shopify-client.ts";
import { REFUND_CREATE } from "../../src/adapters/platforms/shopify-queries.ts";
import { shopifyRefundGateway } from "../../src/adapters/platforms/shopify-refunds.ts";
import { runBackfill } from "../../src/app/platforms/backfill.ts";
import { executeSettlement, STALE_MS } from "../../src/app/settle.ts";
import { recoverSettlements } from "../../src/app/settlement-recovery.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json } from "../support/fixtures.ts";
import { type Harness, startHarness } from "../support/harness.ts";
import { refundingMerchant, testNotify } from "../support/platforms.ts";

const SINCE = new Date("2026-02-01T00:00:00Z");
const order = (n: number) =>
  shopifyFakeOrder({
    number: n,
    updatedAt: "2026-02-10T00:00:00Z",
    lines: [{ sku: `TEE-${n}`, title: "Linen tee", quantity: 2, unitPrice: 2500 }],
    deliveredAt: "2026-03-05T10:00:00Z",
  });

describeEachDb("Shopify refunds: money moves on Shopify, once (against the local fake)", (kind) => {
  let h: Harness;
  let fake: ShopifyFake;
  let auth: string;
  let merchantId: string;
  beforeAll(async () => {
    fake = await startShopifyFake();
    h = await startHarness(kind, {
      notify: testNotify(),
      platforms: new Map([["shopify", shopifyPlatform({ apiBase: fake.url })]]),
      gateways: [shopifyRefundGateway({ apiBase: fake.url })],
    });
    ({ auth, merchantId } = await refundingMerchant(h, "acme"));
    const put = await call(h.app, auth, "PUT", "/api/v1/settings/platforms/shopify", {
      shop: fake.shop,
      credential: fake.accessToken,
      webhookSecret: fake.webhookSecret,
    });
    expect(put.status).toBe(200);
    for (const n of [2001, 2002, 2003, 2004, 2005]) fake.putOrder(order(n));
    // A multi-currency order: the shop sells in EUR, the shopper paid in USD (presentment currency).
    fake.putOrder(
      shopifyFakeOrder({
        number: 2006,
        updatedAt: "2026-02-10T00:00:00Z",
        presentment: { currency: "USD", shopPerUnit: 0.92 },
        lines: [{ sku: "TEE-2006", title: "Linen tee", quantity: 2, unitPrice: 2999 }],
        shipping: 495,
        deliveredAt: "2026-03-05T10:00:00Z",
      }),
    );
    expect((await runBackfill(h.deps, merchantId, "shopify", SINCE, () => {})).ok).toBe(true);
  });
  afterAll(async () => {
    await h.close();
    await fake.close();
  });

  /** Opens and approves a return of one tee (the policy refunds at approval); its settlements. */
  async function refundOne(n: number) {
    const c = await call(h.app, auth, "POST", "/api/v1/returns", {
      orderExternalId: String(n),
      lines: [{ orderLineExternalId: `${(5_000_000 + n) * 10}`, quantity: 1, reason: "defective" }],
      requestedResolution: "refund",
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const id = c.body.id as string;
    const approved = await call(h.app, auth, "POST", `/api/v1/returns/${id}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    return { id, settlements: await h.deps.store.read.settlements.byCase(merchantId, id) };
  }

  it("imports Shopify Payments tenders for the shopify gateway and refunds them with refundCreate, once", async () => {
    const got = await call(h.app, auth, "GET", "/api/v1/orders/2001");
    expect(JSON.stringify(got.body.tenders)).toContain('"provider":"shopify"');
    const { id, settlements } = await refundOne(2001);
    expect(settlements.map((s) => [s.gateway, s.status, s.amount.amount])).toEqual([
      ["shopify", "succeeded", 2500],
    ]);
    expect(fake.refunds.map((r) => [r.orderId, r.parentId, r.gateway, r.amount, r.note])).toEqual([
      [
        "gid://shopify/Order/5002001",
        "gid://shopify/OrderTransaction/5002001",
        "shopify_payments",
        2500,
        `Crossback refund ${settlements[0]?.id}`,
      ],
    ]);
    // Shopify's refund id is recorded on the settlement, and shown by the API.
    expect(settlements[0]?.providerReference).toBe(fake.refunds[0]?.id);
    const shown = (await call(h.app, auth, "GET", `/api/v1/returns/${id}`)).body.settlements as Json[];
    expect(shown.map((s) => s.providerReference)).toEqual([fake.refunds[0]?.id]);
    // The job runs again (a redelivered job): nothing more is sent.
    const before = fake.operations().length;
    for (const s of settlements) await executeSettlement(h.deps, s.id);
    expect(fake.operations().length).toBe(before);
    expect(fake.refunds).toHaveLength(1);
  });

  it("a lost answer: the retried job finds the refund Shopify made (same note) instead of refunding twice", async () => {
    fake.loseNextRefundAnswer();
    const { settlements } = await refundOne(2002);
    const s = settlements[0];
    expect([s?.status, s?.failureReason]).toEqual(["pending", expect.stringContaining("Shopify")]);
    expect(fake.refunds.filter((r) => r.orderId.endsWith("5002002"))).toHaveLength(1);
    const again = await executeSettlement(h.deps, s?.id ?? "");
    const mine = fake.refunds.filter((r) => r.orderId.endsWith("5002002"));
    expect(mine).toHaveLength(1);
    expect([again?.status, again?.providerReference]).toEqual(["succeeded", mine[0]?.id]);
  });

  it("a userError leaves the settlement retryable with Shopify's message; the retry uses a fresh key", async () => {
    fake.refuseNextRefund("Refund failed: the card issuer declined the refund");
    const { id, settlements } = await refundOne(2003);
    const s = settlements[0];
    expect([s?.gateway, s?.status]).toEqual(["shopify", "pending"]);
    expect(s?.failureReason).toBe(
      "Shopify refundCreate refused: Refund failed: the card issuer declined the refund",
    );
    const shown = (await call(h.app, auth, "GET", `/api/v1/returns/${id}`)).body.settlements as Json[];
    expect(shown.map((x) => x.failureReason)).toEqual([s?.failureReason]);
    expect(fake.refunds.filter((r) => r.orderId.endsWith("5002003"))).toHaveLength(0);
    // The refused key is spent on Shopify (IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED): the retry moves on.
    const again = await executeSettlement(h.deps, s?.id ?? "");
    const mine = fake.refunds.filter((r) => r.orderId.endsWith("5002003"));
    expect(mine.map((r) => [r.amount, r.key])).toEqual([[2500, `${s?.idempotencyKey}:2`]]);
    expect([again?.status, again?.failureReason, again?.providerReference]).toEqual([
      "succeeded",
      null,
      mine[0]?.id,
    ]);
  });

  /** A refund Shopify accepted as PENDING: the settlement waits, the sweep asks again. */
  async function pendingRefund(n: number) {
    fake.pendNextRefund();
    const { settlements } = await refundOne(n);
    const s = settlements[0];
    expect([s?.gateway, s?.status]).toEqual(["shopify", "awaiting_provider"]);
    const mine = () => fake.refunds.filter((r) => r.orderId.endsWith(`500${n}`));
    expect(mine().map((r) => r.status)).toEqual(["PENDING"]);
    expect(s?.providerReference).toBe(mine()[0]?.id);
    // Still pending on Shopify: the sweep asks, sends no refund, and the settlement keeps waiting.
    h.clock.advance(STALE_MS + 1_000);
    const before = fake.operations().filter((o) => o === "CrossbackRefundCreate").length;
    expect((await recoverSettlements(h.deps)).settled).toBe(0);
    expect((await h.deps.store.read.settlements.get(merchantId, s?.id ?? ""))?.status).toBe(
      "awaiting_provider",
    );
    return { id: s?.id ?? "", mine, before };
  }

  it("a PENDING Shopify refund is asked again by the sweep and succeeds there, refunded once", async () => {
    const { id, mine, before } = await pendingRefund(2004);
    fake.settleRefund(mine()[0]?.id ?? "", "SUCCESS");
    h.clock.advance(60_000);
    expect((await recoverSettlements(h.deps)).settled).toBe(1);
    const done = await h.deps.store.read.settlements.get(merchantId, id);
    expect([done?.status, done?.providerReference, done?.failureReason]).toEqual([
      "succeeded",
      mine()[0]?.id,
      null,
    ]);
    expect(mine()).toHaveLength(1);
    expect(fake.operations().filter((o) => o === "CrossbackRefundCreate").length).toBe(before);
    // Settled: later sweeps leave it alone.
    h.clock.advance(STALE_MS + 1_000);
    expect((await recoverSettlements(h.deps)).settled).toBe(0);
  });

  it("a PENDING Shopify refund that then fails is recorded as failed with Shopify's reason, refunded once", async () => {
    const { id, mine, before } = await pendingRefund(2005);
    fake.settleRefund(mine()[0]?.id ?? "", "FAILURE", "CARD_DECLINED");
    h.clock.advance(60_000);
    expect((await recoverSettlements(h.deps)).settled).toBe(1);
    const done = await h.deps.store.read.settlements.get(merchantId, id);
    expect([done?.status, done?.failureReason]).toEqual([
      "failed",
      `Shopify refund ${mine()[0]?.id} FAILURE (CARD_DECLINED)`,
    ]);
    expect(mine()).toHaveLength(1);
    expect(fake.operations().filter((o) => o === "CrossbackRefundCreate").length).toBe(before);
  });

  it("a multi-currency order is imported and refunded in the currency the shopper paid in (presentment)", async () => {
    const got = await call(h.app, auth, "GET", "/api/v1/orders/2006");
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    expect(got.body.currency).toBe("USD");
    const body = JSON.stringify(got.body);
    expect(body).toContain('"29.99"');
    expect(body).not.toContain('"27.59"'); // 29.99 USD in shop money (EUR): not what the shopper paid
    const { settlements } = await refundOne(2006);
    const s = settlements[0];
    expect([s?.gateway, s?.status, s?.amount]).toEqual([
      "shopify",
      "succeeded",
      { amount: 2999, currency: "USD" },
    ]);
    const mine = fake.refunds.filter((r) => r.orderId.endsWith("5002006"));
    expect(mine.map((r) => [r.amount, r.currency, r.parentId])).toEqual([
      [2999, "USD", "gid://shopify/OrderTransaction/5002006"],
    ]);
  });

  it("the fake keeps Shopify's idempotency rules: directive required, same key replays, other input refused", async () => {
    const request = shopifyRequest(
      {
        platform: "shopify",
        shop: fake.shop,
        keyId: null,
        credential: fake.accessToken,
        webhookSecret: fake.webhookSecret,
        refundOnPlatform: false,
      },
      { apiBase: fake.url },
    );
    const tx = (amount: string) => ({
      orderId: "gid://shopify/Order/5002001",
      transactions: [
        {
          orderId: "gid://shopify/Order/5002001",
          parentId: "gid://shopify/OrderTransaction/5002001",
          amount,
          gateway: "shopify_payments",
          kind: "REFUND",
        },
      ],
    });
    const count = fake.refunds.length;
    type R = { refundCreate: { refund: { id: string } | null } };
    const a = await request<R>(REFUND_CREATE, { input: tx("1.00"), key: "k-1" });
    const b = await request<R>(REFUND_CREATE, { input: tx("1.00"), key: "k-1" });
    expect(b.refundCreate.refund?.id).toBe(a.refundCreate.refund?.id);
    expect(fake.refunds.length).toBe(count + 1);
    await expect(request(REFUND_CREATE, { input: tx("2.00"), key: "k-1" })).rejects.toThrow(
      /different operation parameters/,
    );
    const noKey = REFUND_CREATE.replace(" @idempotent(key: $key)", "").replace(", $key: String!", "");
    await expect(request(noKey, { input: tx("1.00") })).rejects.toThrow(/@idempotent directive is required/);
    const over = await request<{ refundCreate: { userErrors: { message: string }[] } }>(REFUND_CREATE, {
      input: tx("99.00"),
      key: "k-2",
    });
    expect(over.refundCreate.userErrors[0]?.message).toMatch(/greater than net payment received/);
    expect(fake.refunds.length).toBe(count + 1);
  });
});
