import { afterAll, beforeAll, expect, it } from "vitest";
import { type JobRunner, startJobQueue } from "../../src/adapters/jobs/job-queue.ts";
import { adyenGateway } from "../../src/adapters/payments/adyen-gateway.ts";
import { type AdyenFake, startAdyenFake } from "../../src/adapters/payments/fakes/adyen-fake.ts";
import { type StripeFake, startStripeFake } from "../../src/adapters/payments/fakes/stripe-fake.ts";
import { stripeGateway } from "../../src/adapters/payments/stripe-gateway.ts";
import type { Deps } from "../../src/app/ports/index.ts";
import { registerSettlementJobs } from "../../src/jobs/settlement-jobs.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import {
  connectProviders,
  GENEROUS_POLICY,
  type Harness,
  merchantWithKey,
  startHarness,
} from "../support/harness.ts";

async function until<T>(what: string, probe: () => Promise<T | null>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describeEachDb(
  "refunds through Stripe and Adyen, executed by the job queue and settled by webhooks",
  (kind) => {
    let h: Harness;
    let auth: string;
    let stripe: StripeFake;
    let adyen: AdyenFake;
    let jobs: JobRunner;
    let deps: Deps;
    let base: string;
    const api = (method: "GET" | "POST" | "PUT", url: string, body?: unknown) =>
      call(h.app, auth, method, url, body);

    beforeAll(async () => {
      stripe = await startStripeFake();
      adyen = await startAdyenFake();
      const s = new URL(stripe.url);
      const sg = stripeGateway({
        apiKey: stripe.apiKey,
        webhookSecret: stripe.webhookSecret,
        host: s.hostname,
        port: Number(s.port),
        protocol: "http",
        timeoutMs: 3_000,
      });
      const ag = adyenGateway({
        apiKey: adyen.apiKey,
        merchantAccount: adyen.merchantAccount,
        hmacKey: adyen.hmacKey,
        endpoint: adyen.url,
        timeoutMs: 3_000,
      });
      h = await startHarness(kind, {
        gateways: [sg, ag],
        webhooks: [sg.webhooks, ag.webhooks],
        now: new Date().toISOString(),
      });
      jobs = await startJobQueue(h.database, { pollingIntervalSeconds: 0.5 });
      deps = { ...h.deps, jobs };
      await registerSettlementJobs(deps, jobs);
      // The API uses the queue from now on (the harness server was built with h.deps: rebuild its view).
      (h.deps as { jobs?: unknown }).jobs = jobs;
      const acme = await merchantWithKey(h.deps, "acme", {
        policy: { ...GENEROUS_POLICY, window: { days: 3650 }, refundTrigger: "approval" },
      });
      auth = acme.auth;
      await connectProviders(h.deps, acme.merchantId, {
        stripe: { apiKey: stripe.apiKey },
        adyen: { merchantAccount: adyen.merchantAccount },
      });
      base = await h.app.listen({ host: "127.0.0.1", port: 0 });
    });
    afterAll(async () => {
      await jobs.stop();
      await h.close();
      await stripe.close();
      await adyen.close();
    });

    async function refundVia(provider: "stripe" | "adyen", reference: string) {
      const id = `${provider}-${reference}`;
      const o = orderJson({ customer: { email: `${id}@example.de` } });
      o.tenders = [
        { kind: "card", provider, reference, amount: "124.60", capturedAt: new Date().toISOString() },
      ];
      o.fulfilments = o.fulfilments.map((f) => ({
        ...f,
        shippedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
        deliveredAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      }));
      expect((await api("PUT", `/api/v1/orders/${id}`, o)).status).toBe(201);
      const c = await api("POST", "/api/v1/returns", {
        orderExternalId: id,
        lines: [{ orderLineExternalId: "L1", quantity: 2, reason: "changed_mind" }],
        requestedResolution: "refund",
      });
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      const approved = await api("POST", `/api/v1/returns/${c.body.id}/approve`, {});
      expect(approved.status).toBe(200);
      return ((approved.body.settlements as Json[])[0] as Json).id as string;
    }
    const settlement = async (id: string) => (await api("GET", `/api/v1/settlements/${id}`)).body;

    it("retries a failing Stripe refund with backoff until it succeeds, once", async () => {
      stripe.addPayment(`pi_retry_${kind}`, 12_460, "eur");
      stripe.failNext(2, 503);
      const id = await refundVia("stripe", `pi_retry_${kind}`);
      const done = await until("succeeded", async () =>
        (await settlement(id)).status === "succeeded" ? settlement(id) : null,
      );
      expect(done.attempts).toBe(3);
      expect(
        stripe
          .refunds()
          .filter((r) => r.payment_intent === `pi_retry_${kind}`)
          .map((r) => r.amount),
      ).toEqual([8_980]);
    });

    it("settles an asynchronous Adyen refund on its signed notification; replays and forgeries change nothing", async () => {
      adyen.addPayment(`PSP${kind}`, 12_460, "EUR");
      const id = await refundVia("adyen", `PSP${kind}`);
      // Adyen received the refund: it awaits the provider's outcome (never sent again by the sweep).
      const processing = await until("Adyen to accept the refund", async () => {
        const s = await settlement(id);
        return s.status === "awaiting_provider" && s.providerReference ? s : null;
      });
      const refundPsp = processing.providerReference as string;
      expect(adyen.refunds().map((r) => r.pspReference)).toContain(refundPsp);
      const forged = await adyen.sendNotification(`${base}/api/webhooks/adyen`, refundPsp, {
        hmacKey: "00".repeat(32),
      });
      expect(forged.status).toBe(400);
      expect((await settlement(id)).status).toBe("awaiting_provider");
      const real = await adyen.sendNotification(`${base}/api/webhooks/adyen`, refundPsp);
      expect([real.status, real.body]).toEqual([200, "[accepted]"]);
      expect((await settlement(id)).status).toBe("succeeded");
      const replay = await adyen.sendNotification(`${base}/api/webhooks/adyen`, refundPsp, {
        success: false,
      });
      expect(replay.status).toBe(200);
      expect((await settlement(id)).status).toBe("succeeded");
      const events = await api("GET", `/api/v1/returns/${processing.caseId}/events`);
      expect((events.body.items as Json[]).filter((e) => e.type === "settlement.succeeded")).toHaveLength(1);
    });
  },
);
