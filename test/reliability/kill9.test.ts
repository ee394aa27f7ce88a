import { afterAll, beforeAll, expect, it } from "vitest";
import { killHard, serve } from "../support/cli.ts";
import { cliEnvironment, merchantAndKeyFor } from "../support/cli-env.ts";
import { describeEachDb } from "../support/databases.ts";
import { orderJson } from "../support/fixtures.ts";
import { GENEROUS_POLICY } from "../support/harness.ts";
import { http, type Json } from "../support/http-client.ts";

describeEachDb("kill -9 during load", (kind) => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ env, cleanup } = await cliEnvironment(kind)));
  afterAll(() => cleanup());

  it("loses no acknowledged case and leaves no half-written one", async () => {
    const auth = await merchantAndKeyFor(env, "acme");
    let server = await serve(env);
    const order = orderJson();
    order.lines = [
      {
        externalId: "L1",
        sku: "BULK",
        title: "Bulk item",
        quantity: 100_000,
        unitPrice: "1.00",
        tax: "0",
        discount: "0",
      },
    ];
    order.fulfilments = [
      {
        externalId: "F1",
        lines: [{ lineExternalId: "L1", quantity: 100_000 }],
        shippedAt: "2026-03-02T08:00:00Z",
        deliveredAt: "2026-03-03T12:00:00Z",
        carrier: "DHL",
        trackingNumber: "1",
      },
    ];
    order.tenders = [];
    order.shipping = { amount: "0", tax: "0", method: "x", cheapestStandardAmount: "0" };
    expect((await http(server.base, auth, "PUT", "/api/v1/orders/BULK", order)).status).toBe(201);
    expect(
      (
        await http(server.base, auth, "PUT", "/api/v1/policies/default", {
          ...GENEROUS_POLICY,
          window: { days: 3650, from: "delivery" },
        })
      ).status,
    ).toBe(201);

    // 8 clients create and approve returns as fast as they can; the server is killed mid-flight.
    const acknowledged: { id: string; approved: boolean }[] = [];
    let stop = false;
    const client = async () => {
      while (!stop) {
        try {
          const c = await http(server.base, auth, "POST", "/api/v1/returns", {
            orderExternalId: "BULK",
            lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
            requestedResolution: "refund",
          });
          if (c.status !== 201) continue;
          const entry = { id: c.body.id as string, approved: false };
          acknowledged.push(entry);
          const a = await http(server.base, auth, "POST", `/api/v1/returns/${entry.id}/approve`, {});
          if (a.status === 200) entry.approved = true;
        } catch {
          return; // connection refused or reset: the server is gone
        }
      }
    };
    const clients = Array.from({ length: 8 }, client);
    // Kill once the load is well under way (however fast this machine is), with requests in flight.
    for (let waited = 0; acknowledged.length < 30 && waited < 60_000; waited += 50)
      await new Promise((r) => setTimeout(r, 50));
    await killHard(server);
    stop = true;
    await Promise.all(clients);
    expect(acknowledged.length).toBeGreaterThanOrEqual(30);

    server = await serve(env);
    try {
      const seen = new Map<string, Json>();
      let cursor: string | null = null;
      do {
        const page = await http(
          server.base,
          auth,
          "GET",
          `/api/v1/returns?limit=200${cursor ? `&cursor=${cursor}` : ""}`,
        );
        for (const c of page.body.items as Json[]) seen.set(c.id as string, c);
        cursor = page.body.nextCursor as string | null;
      } while (cursor);
      for (const a of acknowledged) {
        const c = seen.get(a.id);
        expect(c, `acknowledged case ${a.id} is missing`).toBeDefined();
        if (a.approved) expect(c?.status).toBe("awaiting_shipment");
      }
      // Whole cases only: every stored case has its line and exactly one event per version.
      for (const c of seen.values()) {
        expect((c.lines as Json[]).length).toBe(1);
        const events = await http(server.base, auth, "GET", `/api/v1/returns/${c.id}/events`);
        expect((events.body.items as Json[]).length).toBe(c.version);
      }
      // And the server still works after the crash.
      const more = await http(server.base, auth, "POST", "/api/v1/returns", {
        orderExternalId: "BULK",
        lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
        requestedResolution: "refund",
      });
      expect(more.status).toBe(201);
    } finally {
      await killHard(server);
    }
  });
});
