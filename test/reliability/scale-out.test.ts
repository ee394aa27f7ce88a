import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeFake, startStripeFake } from "../../src/adapters/payments/fakes/stripe-fake.ts";
import { killHard, type Server, serve, worker } from "../support/cli.ts";
import { cliEnvironment, merchantAndKeyFor } from "../support/cli-env.ts";
import { orderJson } from "../support/fixtures.ts";
import { http, type Json, until } from "../support/http-client.ts";

const url = process.env.TEST_DATABASE_URL;
const CASES = 16;

/** Stops a `serve --processes N` primary the way an operator does, waiting for its processes. */
const terminate = (s: Server) =>
  new Promise<void>((resolve) => {
    s.child.removeAllListeners("exit");
    s.child.on("exit", () => resolve());
    s.child.kill("SIGTERM");
  });

describe.skipIf(!url)(
  `scale-out: two servers (one with --processes 2) and two workers on one PostgreSQL database${url ? "" : " — skipped: set TEST_DATABASE_URL to run"}`,
  () => {
    let env: Record<string, string>;
    let cleanup: () => Promise<void>;
    let stripe: StripeFake;
    let auth: string;
    let cluster: Server | undefined;
    const others: Server[] = [];
    beforeAll(async () => {
      ({ env, cleanup } = await cliEnvironment("postgres"));
      stripe = await startStripeFake();
      env = {
        ...env,
        STRIPE_API_KEY: stripe.apiKey,
        STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
        STRIPE_API_BASE: stripe.url,
      };
      auth = await merchantAndKeyFor(env, "acme");
      cluster = await serve(env, ["serve", "--processes", "2"], 2);
      others.push(await serve(env), await worker(env), await worker(env));
    });
    afterAll(async () => {
      if (cluster) await terminate(cluster);
      for (const s of others) await killHard(s);
      await stripe.close();
      await cleanup();
    });

    const base = () => cluster?.base ?? "";

    /** The same POST with the same key sent to both servers at once, as a client retrying elsewhere. */
    async function twice(path: string, body: unknown, key: string): Promise<Json> {
      const send = (base: string) =>
        fetch(base + path, {
          method: "POST",
          headers: { authorization: auth, "content-type": "application/json", "idempotency-key": key },
          body: JSON.stringify(body),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as Json }));
      const bases = [cluster?.base ?? "", others[0]?.base ?? ""];
      const answers = await Promise.all(bases.map(send));
      for (const a of answers)
        if (a.status >= 300) expect(a.body.code, JSON.stringify(a.body)).toBe("idempotency_key_in_flight");
      // Once the first has finished, every server answers the key with the one stored response.
      const settled = await until(`the response for ${key}`, async () => {
        const r = await send(bases[0] ?? "");
        return r.status < 300 ? r : null;
      });
      expect(await send(bases[1] ?? "")).toEqual(settled);
      for (const a of answers) if (a.status < 300) expect(a).toEqual(settled);
      return settled.body;
    }

    it("answers each idempotency key once and moves each refund's money exactly once", async () => {
      const policy = {
        name: "Refund at approval",
        scope: { countries: ["*"] },
        window: { days: 3650 },
        refundTrigger: "approval",
      };
      expect((await http(base(), auth, "PUT", "/api/v1/policies/default", policy)).status).toBeLessThan(300);
      const own = { apiKey: stripe.apiKey };
      expect((await http(base(), auth, "PUT", "/api/v1/settings/payment-providers/stripe", own)).status).toBe(
        200,
      );
      const ids = await Promise.all(
        Array.from({ length: CASES }, async (_, i) => {
          const pi = `pi_scale_${i}`;
          stripe.addPayment(pi, 12_460, "eur");
          const o = orderJson({ customer: { email: `scale${i}@example.de` } });
          o.tenders = [
            {
              kind: "card",
              provider: "stripe",
              reference: pi,
              amount: "124.60",
              capturedAt: "2026-11-20T09:00:00Z",
            },
          ];
          expect((await http(others[0]?.base ?? "", auth, "PUT", `/api/v1/orders/${pi}`, o)).status).toBe(
            201,
          );
          const line = { orderLineExternalId: "L1", quantity: 2, reason: "changed_mind" };
          const body = { orderExternalId: pi, lines: [line], requestedResolution: "refund" };
          const c = await twice("/api/v1/returns", body, `create-${i}`);
          await twice(`/api/v1/returns/${c.id}/approve`, {}, `approve-${i}`);
          return { id: String(c.id), pi };
        }),
      );
      for (const { id, pi } of ids) {
        await until(`the settlement of ${id}`, async () => {
          const s = (
            (await http(base(), auth, "GET", `/api/v1/returns/${id}`)).body.settlements as Json[]
          )[0];
          return s?.status === "succeeded" ? s : null;
        });
        expect(stripe.refunds().filter((r) => r.payment_intent === pi)).toHaveLength(1);
        const events = (await http(base(), auth, "GET", `/api/v1/returns/${id}/events`)).body.items as Json[];
        expect(events.filter((e) => e.type === "return.requested")).toHaveLength(1);
        expect(events.filter((e) => e.type === "return.approved")).toHaveLength(1);
        expect(events.filter((e) => e.type === "settlement.succeeded")).toHaveLength(1);
      }
      const list = (await http(base(), auth, "GET", "/api/v1/returns?limit=100")).body.items as Json[];
      expect(list).toHaveLength(CASES);
      expect(new Set(list.map((c) => c.number)).size).toBe(CASES);
    });
  },
);
