import { afterAll, beforeAll, expect, it } from "vitest";
import { type StripeFake, startStripeFake } from "../../src/adapters/payments/fakes/stripe-fake.ts";
import { killHard, serve } from "../support/cli.ts";
import { cliEnvironment, merchantAndKeyFor } from "../support/cli-env.ts";
import { describeEachDb } from "../support/databases.ts";
import { orderJson } from "../support/fixtures.ts";
import { http, type Json, until } from "../support/http-client.ts";

/** Resolves when the server process has died (here: killed itself at the fault point). */
const died = (child: {
  once: (e: "exit", f: () => void) => void;
  exitCode: number | null;
  signalCode: string | null;
}) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve()),
  );

describeEachDb("a crash at any point of a settlement moves the money exactly once", (kind) => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let stripe: StripeFake;
  let auth: string;
  beforeAll(async () => {
    ({ env, cleanup } = await cliEnvironment(kind));
    stripe = await startStripeFake();
    env = {
      ...env,
      STRIPE_API_KEY: stripe.apiKey,
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
      STRIPE_API_BASE: stripe.url,
      CROSSBACK_SETTLEMENT_STALE_MS: "1500",
    };
    auth = await merchantAndKeyFor(env, "acme");
  });
  afterAll(async () => {
    await stripe.close();
    await cleanup();
  });

  /** An order paid by Stripe and a return of two units, with a policy that refunds at approval. */
  async function openCase(base: string, pi: string): Promise<string> {
    stripe.addPayment(pi, 12_460, "eur");
    const o = orderJson({ customer: { email: `${pi}@example.de` } });
    o.tenders = [
      {
        kind: "card",
        provider: "stripe",
        reference: pi,
        amount: "124.60",
        capturedAt: "2026-11-20T09:00:00Z",
      },
    ];
    o.fulfilments = o.fulfilments.map((f) => ({
      ...f,
      shippedAt: "2026-11-21T08:00:00Z",
      deliveredAt: "2026-11-22T12:00:00Z",
    }));
    const own = { apiKey: stripe.apiKey };
    expect((await http(base, auth, "PUT", "/api/v1/settings/payment-providers/stripe", own)).status).toBe(
      200,
    );
    expect((await http(base, auth, "PUT", `/api/v1/orders/${pi}`, o)).status).toBe(201);
    const policy = {
      name: "Refund at approval",
      scope: { countries: ["*"] },
      window: { days: 3650 },
      refundTrigger: "approval",
    };
    expect((await http(base, auth, "PUT", "/api/v1/policies/default", policy)).status).toBeLessThan(300);
    const c = await http(base, auth, "POST", "/api/v1/returns", {
      orderExternalId: pi,
      lines: [{ orderLineExternalId: "L1", quantity: 2, reason: "changed_mind" }],
      requestedResolution: "refund",
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    return c.body.id as string;
  }

  /** Restarts the server and waits for the settlement: exactly one refund of 89.80 at Stripe, recorded. */
  async function expectExactlyOnce(pi: string, caseId: string): Promise<void> {
    const server = await serve(env);
    try {
      const settled = await until("the settlement to succeed", async () => {
        const s = (
          (await http(server.base, auth, "GET", `/api/v1/returns/${caseId}`)).body.settlements as Json[]
        )[0];
        return s?.status === "succeeded" ? s : null;
      });
      const refunds = stripe.refunds().filter((r) => r.payment_intent === pi);
      expect(refunds.map((r) => r.amount)).toEqual([8_980]);
      expect([settled.amount, settled.gateway, settled.providerReference]).toEqual([
        "89.80",
        "stripe",
        refunds[0]?.id,
      ]);
    } finally {
      await killHard(server);
    }
  }

  it("kill -9 while the provider call is in flight, restart: one refund at Stripe, settlement succeeded", async () => {
    const pi = `pi_inflight_${kind}`;
    const server = await serve(env);
    const caseId = await openCase(server.base, pi);
    const before = stripe.requests.length;
    stripe.hangNext(1);
    expect((await http(server.base, auth, "POST", `/api/v1/returns/${caseId}/approve`, {})).status).toBe(200);
    await until("the refund call to reach Stripe", async () =>
      stripe.requests.length > before ? true : null,
    );
    await killHard(server); // the call hangs: the process dies while it is in flight
    await expectExactlyOnce(pi, caseId);
  });

  for (const fault of ["before_provider_call", "after_provider_call"] as const) {
    it(`kill -9 ${fault.replaceAll("_", " ")}, restart: one refund at Stripe, settlement succeeded`, async () => {
      const pi = `pi_${fault}_${kind}`;
      const server = await serve({ ...env, CROSSBACK_FAULT: fault });
      const caseId = await openCase(server.base, pi);
      const exited = died(server.child);
      expect((await http(server.base, auth, "POST", `/api/v1/returns/${caseId}/approve`, {})).status).toBe(
        200,
      );
      await exited; // the job worker reached the fault point and the process killed itself
      expect(stripe.refunds().filter((r) => r.payment_intent === pi)).toHaveLength(
        fault === "after_provider_call" ? 1 : 0,
      );
      await expectExactlyOnce(pi, caseId);
    });
  }
});
