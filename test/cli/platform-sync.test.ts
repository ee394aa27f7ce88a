import { afterAll, beforeAll, expect, it } from "vitest";
import { type ShopifyFake, startShopifyFake } from "../../src/adapters/platforms/fakes/shopify-fake.ts";
import { shopifyFakeOrder } from "../../src/adapters/platforms/fakes/shopify-fake-orders.ts";
import { crossback } from "../support/cli.ts";
import { cliEnvironment } from "../support/cli-env.ts";
import { describeEachDb } from "../support/databases.ts";

describeEachDb("crossback platforms connect / sync (Shopify fake)", (kind) => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let fake: ShopifyFake;
  beforeAll(async () => {
    ({ env, cleanup } = await cliEnvironment(kind));
    fake = await startShopifyFake();
    for (const n of [1, 2, 3, 4, 5])
      fake.putOrder(
        shopifyFakeOrder({
          number: 2000 + n,
          updatedAt: `2026-02-0${n}T00:00:00Z`,
          lines: [{ sku: `SKU-${n}`, title: "Scarf", quantity: 1, unitPrice: 3900, tax: 741 }],
          deliveredAt: "2026-02-10T00:00:00Z",
        }),
      );
    env = {
      ...env,
      SHOPIFY_ADMIN_API_BASE: fake.url,
      PLATFORM_SYNC_PAGE_SIZE: "2",
      SHOPIFY_ACCESS_TOKEN: fake.accessToken,
      SHOPIFY_WEBHOOK_SECRET: fake.webhookSecret,
    };
    expect((await crossback(["merchants", "create", "acme"], env)).code).toBe(0);
  });
  afterAll(async () => {
    await fake.close();
    await cleanup();
  });

  it("connects the shop from the environment, refusing a bad shop with exit code 2; secrets never printed", async () => {
    const bad = await crossback(
      ["platforms", "connect", "shopify", "--merchant", "acme", "--shop", "acme.com"],
      env,
    );
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining("--shop")]);
    const ok = await crossback(
      ["platforms", "connect", "shopify", "--merchant", "acme", "--shop", fake.shop],
      env,
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(fake.shop);
    expect(ok.stdout + ok.stderr).not.toContain(fake.accessToken);
  });

  it("prints progress per page; an interrupted sync resumes where it stopped; a re-run changes nothing", async () => {
    const args = ["sync", "shopify", "--merchant", "acme", "--since", "2026-02-01"];
    fake.failOrdersPage(2);
    const cut = await crossback(args, env);
    expect(cut.code).toBe(1);
    expect(cut.stdout).toContain(
      "shopify: page 1: 2 created, 0 updated, 0 unchanged, 0 refused (2 orders so far)",
    );
    expect(cut.stderr).toContain("interrupted after page 1");
    expect(cut.stderr).not.toContain(fake.accessToken);

    const resumed = await crossback(["sync", "shopify", "--merchant", "acme"], env);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout.trim().split("\n")).toEqual([
      "shopify: page 2: 2 created, 0 updated, 0 unchanged, 0 refused (4 orders so far)",
      "shopify: page 3: 1 created, 0 updated, 0 unchanged, 0 refused (5 orders so far)",
      "shopify: done (resumed): 5 orders in 3 pages since 2026-02-01T00:00:00.000Z",
    ]);
    const again = await crossback(args, env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("page 3: 0 created, 0 updated, 1 unchanged");
    expect(
      (await crossback(["sync", "shopify", "--merchant", "acme", "--since", "yesterday"], env)).code,
    ).toBe(2);
  });
});
