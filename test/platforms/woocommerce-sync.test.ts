import { afterAll, beforeAll, expect, it } from "vitest";
import { startWooFake, type WooFake } from "../../src/adapters/platforms/fakes/woocommerce-fake.ts";
import { wooFakeOrder } from "../../src/adapters/platforms/fakes/woocommerce-fake-orders.ts";
import { wooCommercePlatform } from "../../src/adapters/platforms/woocommerce.ts";
import { drainCase } from "../../src/app/notify/outbox-relay.ts";
import { runBackfill } from "../../src/app/platforms/backfill.ts";
import { platformMirrorConsumer } from "../../src/app/platforms/platform-mirror.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json } from "../support/fixtures.ts";
import { type Harness, startHarness } from "../support/harness.ts";
import { progressLog, refundingMerchant, testNotify } from "../support/platforms.ts";

const SINCE = new Date("2026-02-01T00:00:00Z");
const order = (id: number, modifiedAt: string) =>
  wooFakeOrder({
    id,
    modifiedAt,
    lines: [
      { sku: `MUG-${id}`, name: "Mug", quantity: 3, unitPrice: 1200, tax: 684, discount: 300 },
      { sku: "", name: "Poster", quantity: 1, unitPrice: 900, tax: 171 },
    ],
    shipping: 590,
    completedAt: "2026-03-12T12:00:00Z",
  });

describeEachDb("WooCommerce: import, webhooks, mirroring (against the local fake)", (kind) => {
  let h: Harness;
  let fake: WooFake;
  let auth: string;
  let merchantId: string;
  let base: string;
  beforeAll(async () => {
    fake = await startWooFake();
    h = await startHarness(kind, {
      notify: testNotify(),
      platforms: new Map([["woocommerce", wooCommercePlatform({ pageSize: 2 })]]),
    });
    ({ auth, merchantId } = await refundingMerchant(h, "bistro"));
    base = await h.app.listen({ host: "127.0.0.1", port: 0 });
    fake.putOrder(order(700, "2026-01-20T00:00:00Z"));
    for (const id of [701, 702, 703, 704, 705]) fake.putOrder(order(id, "2026-02-10T00:00:00Z"));
  });
  afterAll(async () => {
    await h.close();
    await fake.close();
  });

  it("connects the store: the consumer key is required, secrets are never shown", async () => {
    const put = (body: Json) => call(h.app, auth, "PUT", "/api/v1/settings/platforms/woocommerce", body);
    const missing = await put({
      shop: fake.url,
      credential: fake.consumerSecret,
      webhookSecret: fake.webhookSecret,
    });
    expect(missing.status).toBe(422);
    expect(JSON.stringify(missing.body)).toContain("consumerKey");
    const ok = await put({
      shop: `${fake.url}/`,
      consumerKey: fake.consumerKey,
      credential: fake.consumerSecret,
      webhookSecret: fake.webhookSecret,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.shop).toBe(fake.url);
    expect(JSON.stringify(ok.body)).not.toContain(fake.consumerSecret);
    expect(JSON.stringify(ok.body)).not.toContain(fake.webhookSecret);
  });

  it("backfills with page numbers and X-WP-TotalPages, resumes after an interruption, re-runs idempotently", async () => {
    const first = progressLog();
    const failed = runBackfill(h.deps, merchantId, "woocommerce", SINCE, (p) => {
      first.push(p);
      fake.failNext(1, 500);
    });
    await expect(failed).rejects.toThrow(/HTTP 500/);
    expect(first.lines).toEqual(["1:2/0/0"]);
    const before = fake.requests.length;
    const resumed = progressLog();
    const r = await runBackfill(h.deps, merchantId, "woocommerce", SINCE, resumed.push);
    expect(r.ok && r.resumed).toBe(true);
    expect(resumed.lines).toEqual(["2:2/0/0", "3:1/0/0"]);
    const asked = new URL(fake.requests[before]?.path ?? "/", fake.url).searchParams;
    expect([asked.get("page"), asked.get("per_page"), asked.get("modified_after")]).toEqual([
      "2",
      "2",
      SINCE.toISOString(),
    ]);
    const again = progressLog();
    await runBackfill(h.deps, merchantId, "woocommerce", SINCE, again.push);
    expect(again.lines).toEqual(["1:0/0/2", "2:0/0/2", "3:0/0/1"]);
    const got = await call(h.app, auth, "GET", "/api/v1/orders/702");
    expect(got.status).toBe(200);
    expect(
      (got.body.lines as Json[]).map((l) => [l.sku, l.quantity, l.unitPrice, l.tax, l.discount]),
    ).toEqual([
      ["MUG-702", 3, "12.00", "6.84", "3.00"],
      ["woo-product-901", 1, "9.00", "1.71", "0.00"],
    ]);
    expect((await call(h.app, auth, "GET", "/api/v1/orders/700")).status).toBe(404);
  });

  it("applies signed webhooks once; forged signatures, other merchants' URLs and replays change nothing", async () => {
    const url = `${base}/api/webhooks/woocommerce/bistro`;
    const o = order(710, "2026-03-10T00:00:00Z");
    expect((await fake.sendWebhook(url, "order.created", o, { secret: "forged-secret" })).status).toBe(401);
    expect(
      (await fake.sendWebhook(`${base}/api/webhooks/woocommerce/nobody`, "order.created", o)).status,
    ).toBe(401);
    expect((await call(h.app, auth, "GET", "/api/v1/orders/710")).status).toBe(404);
    const ok = await fake.sendWebhook(url, "order.created", o, { deliveryId: "d-1" });
    expect([ok.status, JSON.parse(ok.body).order?.status]).toEqual([200, "created"]);
    const changed = { ...o, billing: { ...o.billing, email: "new@example.com" } };
    const replay = await fake.sendWebhook(url, "order.updated", changed, { deliveryId: "d-1" });
    expect(JSON.parse(replay.body).status).toBe("duplicate");
    const updated = await fake.sendWebhook(url, "order.updated", changed, { deliveryId: "d-2" });
    expect(JSON.parse(updated.body).order?.status).toBe("updated");
    const ping = await fetch(url, {
      method: "POST",
      body: "webhook_id=7",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(ping.status).toBe(200);
  });

  it("mirrors a case as order notes and one refund (api_refund false), never twice", async () => {
    const c = await call(h.app, auth, "POST", "/api/v1/returns", {
      orderExternalId: "703",
      lines: [{ orderLineExternalId: "70300", quantity: 2, reason: "changed_mind" }],
      requestedResolution: "refund",
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const id = c.body.id as string;
    expect((await drainCase(h.deps, id)).status).toBe("settled");
    expect((await call(h.app, auth, "POST", `/api/v1/returns/${id}/approve`, {})).status).toBe(200);
    expect((await drainCase(h.deps, id)).status).toBe("settled");
    const number = c.body.number as string;
    expect(fake.notes.map((n) => n.note.split(":")[1]?.trim())).toEqual([
      "return requested",
      "return approved",
    ]);
    expect(
      fake.refunds.map((r) => [
        r.orderId,
        r.reason.startsWith(`Crossback ${number} refund`),
        r.refunded_payment,
      ]),
    ).toEqual([[703, true, false]]);
    expect(fake.refunds[0]?.amount).toMatch(/^\d+\.\d\d$/);
    const consumer = platformMirrorConsumer(h.deps, "woocommerce");
    const posts = () => fake.requests.filter((r) => r.method === "POST").length;
    const before = posts();
    for (const e of await h.deps.store.read.cases.events(merchantId, id))
      expect(await consumer.deliver({ ...e, merchantId })).toMatchObject({ ok: true });
    expect(posts()).toBe(before);
    expect(fake.refunds).toHaveLength(1);
  });
});
