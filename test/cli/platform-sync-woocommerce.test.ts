import { afterAll, beforeAll, expect, it } from "vitest";
import { startWooFake, type WooFake } from "../../src/adapters/platforms/fakes/woocommerce-fake.ts";
import { wooFakeOrder } from "../../src/adapters/platforms/fakes/woocommerce-fake-orders.ts";
import { crossback } from "../support/cli.ts";
import { cliEnvironment } from "../support/cli-env.ts";
import { describeEachDb } from "../support/databases.ts";

describeEachDb("crossback platforms connect / sync (WooCommerce fake)", (kind) => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let fake: WooFake;
  beforeAll(async () => {
    ({ env, cleanup } = await cliEnvironment(kind));
    fake = await startWooFake();
    for (const id of [801, 802, 803, 804, 805])
      fake.putOrder(
        wooFakeOrder({
          id,
          modifiedAt: "2026-02-05T00:00:00Z",
          lines: [{ sku: `BAG-${id}`, name: "Bag", quantity: 2, unitPrice: 2450, tax: 931 }],
        }),
      );
    env = {
      ...env,
      PLATFORM_SYNC_PAGE_SIZE: "2",
      WOOCOMMERCE_CONSUMER_SECRET: fake.consumerSecret,
      WOOCOMMERCE_WEBHOOK_SECRET: fake.webhookSecret,
    };
    expect((await crossback(["merchants", "create", "bistro"], env)).code).toBe(0);
  });
  afterAll(async () => {
    await fake.close();
    await cleanup();
  });

  it("connects the store, syncs with page N/total progress, resumes after an interruption", async () => {
    const connect = ["platforms", "connect", "woocommerce", "--merchant", "bistro", "--shop", fake.url];
    const noKey = await crossback(connect, env);
    expect([noKey.code, noKey.stderr]).toEqual([2, expect.stringContaining("--consumer-key")]);
    const ok = await crossback([...connect, "--consumer-key", fake.consumerKey], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout + ok.stderr).not.toContain(fake.consumerSecret);

    const args = ["sync", "woocommerce", "--merchant", "bistro", "--since", "2026-02-01"];
    fake.failOrdersPage(3);
    const cut = await crossback(args, env);
    expect(cut.code).toBe(1);
    expect(cut.stdout.trim().split("\n")).toEqual([
      "woocommerce: page 1/3: 2 created, 0 updated, 0 unchanged, 0 refused (2 orders so far)",
      "woocommerce: page 2/3: 2 created, 0 updated, 0 unchanged, 0 refused (4 orders so far)",
    ]);
    expect(cut.stderr).toContain("interrupted after page 2: WooCommerce GET orders: HTTP 500");
    const resumed = await crossback(args, env);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout.trim().split("\n")).toEqual([
      "woocommerce: page 3/3: 1 created, 0 updated, 0 unchanged, 0 refused (5 orders so far)",
      "woocommerce: done (resumed): 5 orders in 3 pages since 2026-02-01T00:00:00.000Z",
    ]);
  });
});
