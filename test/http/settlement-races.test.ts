import { afterAll, beforeAll, expect, it } from "vitest";
import { type StripeFake, startStripeFake } from "../../src/adapters/payments/fakes/stripe-fake.ts";
import { stripeGateway } from "../../src/adapters/payments/stripe-gateway.ts";
import type { PaymentGateway } from "../../src/app/ports/index.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import {
  connectProviders,
  GENEROUS_POLICY,
  type Harness,
  merchantWithKey,
  startHarness,
} from "../support/harness.ts";

describeEachDb("settlement state changes are compare-and-set under row locks", (kind) => {
  let h: Harness;
  let auth: string;
  let stripe: StripeFake;
  let base: string;
  let n = 0;
  const logged: Record<string, unknown>[] = [];
  /** When set, the provider's webhook for the refund arrives while our refund call is still answering. */
  let webhookDuringCall: ((refundId: string) => Promise<void>) | null = null;
  const api = (method: "GET" | "POST" | "PUT", url: string, body?: unknown) =>
    call(h.app, auth, method, url, body);
  const settlement = async (id: string) => (await api("GET", `/api/v1/settlements/${id}`)).body;

  beforeAll(async () => {
    stripe = await startStripeFake();
    const u = new URL(stripe.url);
    const real = stripeGateway({
      apiKey: stripe.apiKey,
      webhookSecret: stripe.webhookSecret,
      host: u.hostname,
      port: Number(u.port),
      protocol: "http",
      timeoutMs: 3_000,
    });
    // Stripe answers the refund call, and its webhook overtakes that answer on the way back to us.
    const racing: PaymentGateway = {
      name: "stripe",
      needsAccount: true,
      async refund(req) {
        const res = await real.refund(req);
        if (res.status !== "failed" && webhookDuringCall) await webhookDuringCall(res.providerReference);
        return res;
      },
    };
    h = await startHarness(kind, {
      gateways: [racing],
      webhooks: [real.webhooks],
      log: (e) => logged.push({ ...e }),
    });
    base = await h.app.listen({ host: "127.0.0.1", port: 0 });
    const acme = await merchantWithKey(h.deps, "acme", {
      policy: { ...GENEROUS_POLICY, window: { days: 3650 }, refundTrigger: "approval" },
    });
    auth = acme.auth;
    await connectProviders(h.deps, acme.merchantId, { stripe: { apiKey: stripe.apiKey } });
  });
  afterAll(async () => {
    await h.close();
    await stripe.close();
  });

  async function refund(pi: string): Promise<Json> {
    const id = `ORD-${++n}`;
    const tender = { kind: "card", provider: "stripe", reference: pi, amount: "124.60" };
    const o = orderJson({ customer: { email: `c${n}@example.de` }, tenders: [tender] });
    expect((await api("PUT", `/api/v1/orders/${id}`, o)).status).toBe(201);
    const c = await api("POST", "/api/v1/returns", {
      orderExternalId: id,
      lines: [{ orderLineExternalId: "L1", quantity: 2, reason: "changed_mind" }],
      requestedResolution: "refund",
    });
    const approved = await api("POST", `/api/v1/returns/${c.body.id}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    return (approved.body.settlements as Json[])[0] as Json;
  }

  it("a worker's pending answer never undoes the success a webhook recorded meanwhile (refused, logged)", async () => {
    stripe.addPayment("pi_race", 12_460, "eur", { refundStatus: "pending" });
    webhookDuringCall = async (refundId) => {
      stripe.updateRefund(refundId, "succeeded");
      const delivered = await stripe.sendWebhook(`${base}/api/webhooks/stripe`, refundId);
      expect(delivered.status).toBe(200);
    };
    const s = await refund("pi_race");
    webhookDuringCall = null;
    const now = await settlement(s.id as string);
    expect([now.status, now.providerReference]).toEqual(["succeeded", stripe.refunds()[0]?.id]);
    const events = await api("GET", `/api/v1/returns/${s.caseId}/events`);
    expect((events.body.items as Json[]).filter((e) => e.type === "settlement.succeeded")).toHaveLength(1);
    expect(logged).toContainEqual(
      expect.objectContaining({
        event: "settlement.transition_refused",
        settlementId: s.id,
        from: "succeeded",
        to: "awaiting_provider",
      }),
    );
  });

  it("a charge.refunded listing two refunds, arriving while the worker's second refund call answers, settles both once", async () => {
    stripe.addPayment("pi_two", 12_460, "eur", { refundStatus: "pending" });
    const id = `ORD-${++n}`;
    const tender = { kind: "card", provider: "stripe", reference: "pi_two", amount: "124.60" };
    const o = orderJson({ customer: { email: `c${n}@example.de` }, tenders: [tender] });
    expect((await api("PUT", `/api/v1/orders/${id}`, o)).status).toBe(201);
    const refundLine = async (line: string) => {
      const c = await api("POST", "/api/v1/returns", {
        orderExternalId: id,
        lines: [{ orderLineExternalId: line, quantity: 1, reason: "changed_mind" }],
        requestedResolution: "refund",
      });
      const approved = await api("POST", `/api/v1/returns/${c.body.id}/approve`, {});
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      return (approved.body.settlements as Json[])[0] as Json;
    };
    const first = await refundLine("L1");
    expect((await settlement(first.id as string)).status).toBe("awaiting_provider");
    webhookDuringCall = async (refundId) => {
      const both = stripe.refunds().filter((r) => r.payment_intent === "pi_two");
      expect(both.map((r) => r.id)).toContain(refundId);
      for (const r of both) stripe.updateRefund(r.id, "succeeded");
      const delivered = await stripe.sendWebhook(`${base}/api/webhooks/stripe`, refundId, {
        type: "charge.refunded",
      });
      expect(delivered.status).toBe(200);
    };
    const second = await refundLine("L2");
    webhookDuringCall = null;
    for (const s of [first, second]) {
      expect((await settlement(s.id as string)).status).toBe("succeeded");
      const events = await api("GET", `/api/v1/returns/${s.caseId}/events`);
      expect((events.body.items as Json[]).filter((e) => e.type === "settlement.succeeded")).toHaveLength(1);
    }
  });

  it("a late provider event cannot move a succeeded refund back to pending or to failed", async () => {
    stripe.addPayment("pi_late", 12_460, "eur");
    const s = await refund("pi_late");
    expect((await settlement(s.id as string)).status).toBe("succeeded");
    const refundId = stripe.refunds().find((r) => r.payment_intent === "pi_late")?.id as string;
    stripe.updateRefund(refundId, "failed", "lost_or_stolen_card");
    expect((await stripe.sendWebhook(`${base}/api/webhooks/stripe`, refundId)).status).toBe(200);
    expect((await settlement(s.id as string)).status).toBe("succeeded");
    expect(logged).toContainEqual(
      expect.objectContaining({ settlementId: s.id, from: "succeeded", to: "failed" }),
    );
  });

  it("two agents marking the same payout paid at once: one wins, one event, the other is told why", async () => {
    await api("PUT", "/api/v1/settings", { bankTransferApprovalAbove: { EUR: "500.00" } });
    const id = `ORD-${++n}`;
    const o = orderJson({
      customer: { email: `c${n}@example.de` },
      tenders: [{ kind: "cash_on_delivery", amount: "124.60" }],
    });
    expect((await api("PUT", `/api/v1/orders/${id}`, o)).status).toBe(201);
    const c = await api("POST", "/api/v1/returns", {
      orderExternalId: id,
      lines: [{ orderLineExternalId: "L1", quantity: 2, reason: "changed_mind" }],
      requestedResolution: "refund",
    });
    const approved = await api("POST", `/api/v1/returns/${c.body.id}/approve`, {});
    const transfer = (approved.body.settlements as Json[])[0] as Json;
    await api("POST", `/api/v1/settlements/${transfer.id}/bank-account`, {
      accountHolder: "Ana Schmidt",
      scheme: "iban",
      iban: "DE89 3704 0044 0532 0130 00",
    });
    expect((await settlement(transfer.id as string)).status).toBe("awaiting_export");
    const both = await Promise.all([
      api("POST", `/api/v1/settlements/${transfer.id}/mark-paid`, {}),
      api("POST", `/api/v1/settlements/${transfer.id}/mark-paid`, {}),
    ]);
    expect(both.map((r) => r.status).sort(), JSON.stringify(both.map((r) => r.body))).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)?.body).toMatchObject({
      code: "settlement_state",
      status: 409,
    });
    const events = await api("GET", `/api/v1/returns/${c.body.id}/events`);
    expect((events.body.items as Json[]).filter((e) => e.type === "settlement.succeeded")).toHaveLength(1);
  });
});
