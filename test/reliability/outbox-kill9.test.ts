import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import { killHard, serve } from "../support/cli.ts";
import { cliEnvironment, merchantAndKeyFor } from "../support/cli-env.ts";
import { describeEachDb } from "../support/databases.ts";
import { orderJson } from "../support/fixtures.ts";
import { GENEROUS_POLICY } from "../support/harness.ts";
import { http, type Json, until } from "../support/http-client.ts";
import { webhookReceiver } from "../support/webhook-receiver.ts";

/** Orders with plenty of units, so that many returns can be opened against one. */
function bulkOrder() {
  const order = orderJson();
  order.lines = [
    {
      externalId: "L1",
      sku: "BULK",
      title: "Bulk",
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
  return order;
}

describeEachDb("outbox: kill -9 while case events are being delivered", (kind) => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ env, cleanup } = await cliEnvironment(kind));
    env = { ...env, CROSSBACK_OUTBOX_LEASE_MS: "2000", CROSSBACK_OUTBOX_RETRY_MS: "500" };
  });
  afterAll(() => cleanup());

  it("delivers every committed event at least once, in order per case, after the crash", async () => {
    const auth = await merchantAndKeyFor(env, "acme");
    // The merchant's system: slow enough that deliveries are still in flight at the kill.
    const rx = await webhookReceiver();
    let server = await serve(env);
    try {
      const ep = await http(server.base, auth, "POST", "/api/v1/webhook-endpoints", { url: rx.url });
      expect(ep.status).toBe(201);
      const verifier = new Webhook(ep.body.secret as string);
      expect((await http(server.base, auth, "PUT", "/api/v1/orders/BULK", bulkOrder())).status).toBe(201);
      const policy = { ...GENEROUS_POLICY, window: { days: 3650, from: "delivery" } };
      expect((await http(server.base, auth, "PUT", "/api/v1/policies/default", policy)).status).toBe(201);

      let acknowledged = 0;
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
            acknowledged++;
            await http(server.base, auth, "POST", `/api/v1/returns/${c.body.id}/approve`, {});
          } catch {
            return; // the server is gone
          }
        }
      };
      const clients = Array.from({ length: 4 }, client);
      for (let waited = 0; (acknowledged < 12 || rx.received.length < 5) && waited < 60_000; waited += 50)
        await new Promise((r) => setTimeout(r, 50));
      await killHard(server);
      stop = true;
      await Promise.all(clients);
      expect(rx.received.length).toBeGreaterThanOrEqual(5); // the relay ran during the load

      server = await serve(env);
      // Every event of every stored case reaches the receiver.
      const cases: Json[] = [];
      let cursor: string | null = null;
      do {
        const page = await http(
          server.base,
          auth,
          "GET",
          `/api/v1/returns?limit=200${cursor ? `&cursor=${cursor}` : ""}`,
        );
        cases.push(...(page.body.items as Json[]));
        cursor = page.body.nextCursor as string | null;
      } while (cursor);
      expect(cases.length).toBeGreaterThanOrEqual(12);
      const seqsOf = (id: string) =>
        rx.received.filter((r) => r.json.data.caseId === id).map((r) => r.json.data.sequence as number);
      await until(
        "every event delivered",
        async () => (cases.every((c) => new Set(seqsOf(c.id as string)).size === c.version) ? true : null),
        100_000,
      );
      for (const c of cases) {
        const seqs = seqsOf(c.id as string);
        // In order: never an older event after a newer one (a redelivery repeats the last one at most).
        for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThanOrEqual(seqs[i - 1] as number);
        expect([...new Set(seqs)]).toEqual(Array.from({ length: c.version as number }, (_, i) => i + 1));
      }
      // Every message carries a valid Standard Webhooks signature (reference implementation).
      for (const r of rx.received)
        expect(() => verifier.verify(r.body, r.headers as Record<string, string>)).not.toThrow();
    } finally {
      await killHard(server);
      await rx.close();
    }
  }, 360_000); // two server starts and a crash on a loaded machine: a hang guard, not a time assertion
});
