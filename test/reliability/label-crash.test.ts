import { afterAll, beforeAll, expect, it } from "vitest";
import { type EasyPostFake, startEasyPostFake } from "../../src/adapters/carriers/fakes/easypost-fake.ts";
import { killHard, serve } from "../support/cli.ts";
import { cliEnvironment, merchantAndKeyFor } from "../support/cli-env.ts";
import { describeEachDb } from "../support/databases.ts";
import { orderJson } from "../support/fixtures.ts";
import { http, type Json, until } from "../support/http-client.ts";

describeEachDb("a crash between label purchase and recording buys one label, never two", (kind) => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let fake: EasyPostFake;
  let auth: string;
  beforeAll(async () => {
    ({ env, cleanup } = await cliEnvironment(kind));
    fake = await startEasyPostFake();
    env = {
      ...env,
      EASYPOST_API_KEY: fake.apiKey,
      EASYPOST_WEBHOOK_SECRET: fake.webhookSecret,
      EASYPOST_API_BASE: `${fake.url}/v2/`,
      CROSSBACK_SHIPMENT_STALE_MS: "0",
    };
    auth = await merchantAndKeyFor(env, "labels");
  });
  afterAll(async () => {
    await fake.close();
    await cleanup();
  });

  it("kill -9 right after EasyPost sold the label, restart: the label is found and recorded, not bought again", async () => {
    const server = await serve({ ...env, CROSSBACK_FAULT: "after_label_purchase" });
    const put = async (url: string, body: unknown) =>
      expect((await http(server.base, auth, "PUT", url, body)).status).toBeLessThan(300);
    await put("/api/v1/policies/default", {
      name: "All",
      scope: { countries: ["*"] },
      window: { days: 3650 },
    });
    await put("/api/v1/locations/NL-WH", {
      kind: "warehouse",
      name: "Venlo",
      country: "NL",
      address: { line1: "Logistiekweg 4", city: "Venlo", postalCode: "5928 LB" },
      accepts: ["*"],
    });
    await put("/api/v1/orders/CRASH-1", orderJson());
    const c = await http(server.base, auth, "POST", "/api/v1/returns", {
      orderExternalId: "CRASH-1",
      requestedResolution: "refund",
      lines: [{ orderLineExternalId: "L1", quantity: 2, reason: "changed_mind" }],
    });
    expect((await http(server.base, auth, "POST", `/api/v1/returns/${c.body.id}/approve`, {})).status).toBe(
      200,
    );
    const exited = new Promise<void>((resolve) => server.child.once("exit", () => resolve()));
    await expect(
      http(server.base, auth, "POST", `/api/v1/returns/${c.body.id}/shipments`, {
        method: "carrier",
        carrier: "easypost",
      }),
    ).rejects.toThrow();
    await exited;
    expect(fake.purchases()).toHaveLength(1);
    const bought = fake.purchases()[0];

    const again = await serve(env);
    try {
      const s = await until("the recovered label", async () => {
        const list = (await http(again.base, auth, "GET", `/api/v1/returns/${c.body.id}/shipments`)).body
          .items as Json[];
        return list[0]?.status === "label_created" ? list[0] : null;
      });
      expect(s.trackingNumber).toBe(bought?.trackingCode);
      expect(fake.purchases()).toHaveLength(1);
      const events = (
        (await http(again.base, auth, "GET", `/api/v1/returns/${c.body.id}/events`)).body.items as Json[]
      ).filter((e) => e.type === "shipment.label_created");
      expect(events.map((e) => (e.data as Json).recovered)).toEqual([true]);
    } finally {
      await killHard(again);
    }
  });
});
