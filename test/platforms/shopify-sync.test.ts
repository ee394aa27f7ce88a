import { afterAll, beforeAll, expect, it } from "vitest";
import { type ShopifyFake, startShopifyFake } from "../../src/adapters/platforms/fakes/shopify-fake.ts";
import { shopifyFakeOrder } from "../../src/adapters/platforms/fakes/shopify-fake-orders.ts";
import { shopifyPlatform } from "../../src/adapters/platforms/shopify.ts";
import { drainCase } from "../../src/app/notify/outbox-relay.ts";
import { runBackfill } from "../../src/app/platforms/backfill.ts";
import { platformMirrorConsumer } from "../../src/app/platforms/platform-mirror.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json } from "../support/fixtures.ts";
import { type Harness, startHarness } from "../support/harness.ts";
import { progressLog, refundingMerchant, testNotify } from "../support/platforms.ts";

const SINCE = new Date("2026-02-01T00:00:00Z");
const order = (n: number, updatedAt: string, extra: Partial<Parameters<typeof shopifyFakeOrder>[0]> = {}) =>
  shopifyFakeOrder({
    number: n,
    updatedAt,
    lines: [
      { sku: `TEE-${n}`, title: "Linen tee", quantity: 2, unitPrice: 2500, tax: 950, discount: 500 },
      { sku: null, barcode: "4006381333931", title: "Cap", quantity: 1, unitPrice: 1990 },
    ],
    shipping: 490,
    deliveredAt: "2026-03-05T10:00:00Z",
    ...extra,
  });

describeEachDb("Shopify: import, webhooks, mirroring (against the local fake)", (kind) => {
  let h: Harness;
  let fake: ShopifyFake;
  let auth: string;
  let merchantId: string;
  let base: string;
  beforeAll(async () => {
    fake = await startShopifyFake();
    h = await startHarness(kind, {
      notify: testNotify(),
      platforms: new Map([["shopify", shopifyPlatform({ pageSize: 2, apiBase: fake.url })]]),
    });
    ({ auth, merchantId } = await refundingMerchant(h, "acme"));
    base = await h.app.listen({ host: "127.0.0.1", port: 0 });
    fake.putOrder(order(1001, "2026-01-15T00:00:00Z")); // before --since: not imported
    for (const [i, n] of [1002, 1003, 1004, 1005, 1006].entries())
      fake.putOrder(order(n, `2026-02-0${i + 2}T00:00:00Z`));
  });
  afterAll(async () => {
    await h.close();
    await fake.close();
  });

  it("connects the shop: bad input names the field, secrets are sealed and never shown", async () => {
    const put = (body: Json) => call(h.app, auth, "PUT", "/api/v1/settings/platforms/shopify", body);
    const bad = await put({
      shop: "acme.example.com",
      credential: fake.accessToken,
      webhookSecret: fake.webhookSecret,
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain("shop");
    const ok = await put({
      shop: fake.shop.toUpperCase(),
      credential: fake.accessToken,
      webhookSecret: fake.webhookSecret,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.shop).toBe(fake.shop);
    const listed = JSON.stringify((await call(h.app, auth, "GET", "/api/v1/settings/platforms")).body);
    for (const text of [JSON.stringify(ok.body), listed]) {
      expect(text).not.toContain(fake.accessToken);
      expect(text).not.toContain(fake.webhookSecret);
    }
    const stored = await h.deps.store.read.platforms.connection(merchantId, "shopify");
    expect(stored?.sealedCredential).not.toContain(fake.accessToken);
    expect(stored?.sealedWebhookSecret).not.toContain(fake.webhookSecret);
  });

  it("backfills page by page, resumes after an interruption at the page it stopped, and re-runs idempotently", async () => {
    const first = progressLog();
    const failed = runBackfill(h.deps, merchantId, "shopify", SINCE, (p) => {
      first.push(p);
      fake.failNext(1, 500); // the next page's request fails: the run stops after page 1
    });
    await expect(failed).rejects.toThrow();
    expect(first.lines).toEqual(["1:2/0/0"]);
    const stopped = await h.deps.store.read.platforms.run(merchantId, "shopify");
    expect([stopped?.status, stopped?.pages, stopped?.orders, stopped?.cursor !== null]).toEqual([
      "running",
      1,
      2,
      true,
    ]);

    const before = fake.requests.length;
    const resumed = progressLog();
    const r = await runBackfill(h.deps, merchantId, "shopify", SINCE, resumed.push);
    expect(r.ok && r.resumed).toBe(true);
    expect(resumed.lines).toEqual(["2:2/0/0", "3:1/0/0"]);
    // The resumed run's first request asked for the page after the stored cursor.
    const firstResumed = JSON.parse(fake.requests[before]?.body ?? "{}") as {
      variables: { after: string | null };
    };
    expect(firstResumed.variables.after).toBe(stopped?.cursor);

    const again = progressLog();
    expect((await runBackfill(h.deps, merchantId, "shopify", SINCE, again.push)).ok).toBe(true);
    expect(again.lines).toEqual(["1:0/0/2", "2:0/0/2", "3:0/0/1"]);

    const got = await call(h.app, auth, "GET", "/api/v1/orders/1002");
    expect(got.status).toBe(200);
    const lines = got.body.lines as Json[];
    expect(lines.map((l) => [l.sku, l.quantity, l.unitPrice, l.tax, l.discount])).toEqual([
      ["TEE-1002", 2, "25.00", "9.50", "5.00"],
      ["4006381333931", 1, "19.90", "0.00", "0.00"],
    ]);
    expect((await call(h.app, auth, "GET", "/api/v1/orders/1001")).status).toBe(404);
  });

  it("applies signed webhooks once; forged, unsigned and wrong-shop deliveries are 401 and change nothing", async () => {
    const url = `${base}/api/webhooks/shopify`;
    fake.putOrder(order(1010, "2026-03-10T00:00:00Z"));
    const payload = { id: 5_001_010, admin_graphql_api_id: "gid://shopify/Order/5001010", name: "#1010" };
    const forged = await fake.sendWebhook(url, "orders/create", payload, { secret: "not-the-secret" });
    const wrongShop = await fake.sendWebhook(url, "orders/create", payload, { shop: "other.myshopify.com" });
    expect([forged.status, wrongShop.status]).toEqual([401, 401]);
    const unsigned = await fetch(url, {
      method: "POST",
      body: JSON.stringify(payload),
      headers: {
        "Content-Type": "application/json",
        "X-Shopify-Shop-Domain": fake.shop,
        "X-Shopify-Topic": "orders/create",
      },
    });
    expect(unsigned.status).toBe(401);
    expect((await call(h.app, auth, "GET", "/api/v1/orders/1010")).status).toBe(404);

    const ok = await fake.sendWebhook(url, "orders/create", payload, { webhookId: "wh-1" });
    expect([ok.status, JSON.parse(ok.body).order?.status]).toEqual([200, "created"]);
    const replay = await fake.sendWebhook(url, "orders/create", payload, { webhookId: "wh-1" });
    expect(JSON.parse(replay.body).status).toBe("duplicate");
    expect((await call(h.app, auth, "GET", "/api/v1/orders/1010")).status).toBe(200);
    // refunds/create names the order: it is read again (unchanged here); other topics are acknowledged.
    const refund = await fake.sendWebhook(url, "refunds/create", { id: 77, order_id: 5_001_010 });
    expect([refund.status, JSON.parse(refund.body).order?.status]).toEqual([200, "unchanged"]);
    const other = await fake.sendWebhook(url, "products/update", { id: 1 });
    expect([other.status, JSON.parse(other.body).status]).toEqual([200, "ignored"]);
  });

  it("mirrors a case: returnRequest when opened, returnApproveRequest and returnProcess when approved and refunded", async () => {
    const c = await call(h.app, auth, "POST", "/api/v1/returns", {
      orderExternalId: "1003",
      lines: [{ orderLineExternalId: "50010030", quantity: 1, reason: "defective" }],
      requestedResolution: "refund",
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const id = c.body.id as string;
    expect((await drainCase(h.deps, id)).status).toBe("settled");
    expect(
      fake.returns.map((r) => [r.status, r.lines.map((l) => [l.quantity, l.returnReason, l.customerNote])]),
    ).toEqual([["REQUESTED", [[1, "DEFECTIVE", `Crossback ${c.body.number}`]]]]);
    expect((await call(h.app, auth, "POST", `/api/v1/returns/${id}/approve`, {})).status).toBe(200);
    expect((await drainCase(h.deps, id)).status).toBe("settled");
    expect(fake.returns.map((r) => [r.status, r.lines.map((l) => l.processedQuantity)])).toEqual([
      ["CLOSED", [1]],
    ]);
    // Delivered again (at least once: a crash before the progress was saved): nothing is done twice.
    const mutations = () => fake.operations().filter((o) => /Request|Approve|Process/.test(o)).length;
    const before = mutations();
    const consumer = platformMirrorConsumer(h.deps, "shopify");
    for (const e of await h.deps.store.read.cases.events(merchantId, id))
      expect(await consumer.deliver({ ...e, merchantId })).toMatchObject({ ok: true });
    expect(mutations()).toBe(before);
    expect(fake.returns).toHaveLength(1);
  });
});
