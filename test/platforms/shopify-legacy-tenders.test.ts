import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ShopifyFake, startShopifyFake } from "../../src/adapters/platforms/fakes/shopify-fake.ts";
import { shopifyFakeOrder } from "../../src/adapters/platforms/fakes/shopify-fake-orders.ts";
import { shopifyPlatform } from "../../src/adapters/platforms/shopify.ts";
import { fromShopifyOrder } from "../../src/adapters/platforms/shopify-orders.ts";
import { runBackfill } from "../../src/app/platforms/backfill.ts";
import { writePlatformOrder } from "../../src/app/platforms/platform-orders.ts";
import { describeEachDb } from "../support/databases.ts";
import { call } from "../support/fixtures.ts";
import { type Harness, startHarness } from "../support/harness.ts";
import { refundingMerchant, testNotify } from "../support/platforms.ts";

const MIGRATION = new URL(
  "../../src/adapters/db/migrations/0023_shopify_tender_provider.sql",
  import.meta.url,
);

describeEachDb("Shopify tenders imported before the shopify gateway (migration 0023)", (kind) => {
  let h: Harness;
  let fake: ShopifyFake;
  afterAll(async () => {
    await h.close();
    await fake.close();
  });
  beforeAll(async () => {
    fake = await startShopifyFake();
    h = await startHarness(kind, {
      notify: testNotify(),
      platforms: new Map([["shopify", shopifyPlatform({ apiBase: fake.url })]]),
    });
  });

  it("renames a refunded legacy tender to 'shopify', so re-importing the order is not refused", async () => {
    const { auth, merchantId } = await refundingMerchant(h, "acme");
    await call(h.app, auth, "PUT", "/api/v1/settings/platforms/shopify", {
      shop: fake.shop,
      credential: fake.accessToken,
      webhookSecret: fake.webhookSecret,
    });
    const node = shopifyFakeOrder({
      number: 3001,
      updatedAt: "2026-02-10T00:00:00Z",
      lines: [{ sku: "TEE", title: "Linen tee", quantity: 1, unitPrice: 2500 }],
      deliveredAt: "2026-03-05T10:00:00Z",
    });
    fake.putOrder(node);
    expect((await runBackfill(h.deps, merchantId, "shopify", new Date("2026-02-01"), () => {})).ok).toBe(
      true,
    );
    // As the import stored it before: the gateway's name as the provider.
    await h.database.db.execute(sql`update order_tenders set provider = 'shopify_payments'`);
    await h.database.db.execute(sql`update orders set content_hash = 'before the shopify gateway'`);
    const c = await call(h.app, auth, "POST", "/api/v1/returns", {
      orderExternalId: "3001",
      lines: [{ orderLineExternalId: "50030010", quantity: 1, reason: "defective" }],
      requestedResolution: "refund",
    });
    expect((await call(h.app, auth, "POST", `/api/v1/returns/${c.body.id}/approve`, {})).status).toBe(200);
    const write = () =>
      h.deps.store.transaction((r) =>
        writePlatformOrder(h.deps, r, merchantId, "shopify", fromShopifyOrder(node)),
      );
    const refused = await write();
    expect(refused).toMatchObject({ status: "refused" });
    expect(JSON.stringify(refused)).toContain("tenders[0].provider");

    await h.database.db.execute(sql.raw(readFileSync(MIGRATION, "utf8")));
    expect(await write()).toMatchObject({ status: "updated" });
    expect(await write()).toMatchObject({ status: "unchanged" });
    const got = await call(h.app, auth, "GET", "/api/v1/orders/3001");
    expect(JSON.stringify(got.body.tenders)).toContain('"provider":"shopify"');
  });
});
