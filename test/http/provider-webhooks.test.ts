import { afterAll, beforeAll, expect, it } from "vitest";
import { adyenGateway } from "../../src/adapters/payments/adyen-gateway.ts";
import type { AdyenNotificationItem } from "../../src/adapters/payments/adyen-notifications.ts";
import {
  type AdyenFake,
  signAdyenItem,
  startAdyenFake,
} from "../../src/adapters/payments/fakes/adyen-fake.ts";
import { deliver } from "../../src/adapters/payments/fakes/fake-http.ts";
import {
  type StripeFake,
  signStripePayload,
  startStripeFake,
} from "../../src/adapters/payments/fakes/stripe-fake.ts";
import { stripeGateway } from "../../src/adapters/payments/stripe-gateway.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import {
  connectProviders,
  GENEROUS_POLICY,
  type Harness,
  merchantWithKey,
  startHarness,
} from "../support/harness.ts";

/** Provider webhooks checked against what we asked for (issue 8 point 3). */
describeEachDb("provider webhooks: every refund of an event, only our account and our amount", (kind) => {
  let h: Harness;
  let auth: string;
  let stripe: StripeFake;
  let adyen: AdyenFake;
  let base: string;
  let n = 0;
  const logged: Record<string, unknown>[] = [];
  const api = (method: "GET" | "POST" | "PUT", url: string, body?: unknown) =>
    call(h.app, auth, method, url, body);
  const settlement = async (id: string) => (await api("GET", `/api/v1/settlements/${id}`)).body;

  beforeAll(async () => {
    stripe = await startStripeFake();
    adyen = await startAdyenFake();
    const u = new URL(stripe.url);
    const sg = stripeGateway({
      apiKey: stripe.apiKey,
      webhookSecret: stripe.webhookSecret,
      host: u.hostname,
      port: Number(u.port),
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
      log: (e) => logged.push({ ...e }),
    });
    base = await h.app.listen({ host: "127.0.0.1", port: 0 });
    const acme = await merchantWithKey(h.deps, "acme", {
      policy: { ...GENEROUS_POLICY, window: { days: 3650 }, refundTrigger: "approval" },
    });
    auth = acme.auth;
    await connectProviders(h.deps, acme.merchantId, {
      stripe: { apiKey: stripe.apiKey },
      adyen: { merchantAccount: adyen.merchantAccount },
    });
  });
  afterAll(async () => {
    await h.close();
    await stripe.close();
    await adyen.close();
  });

  async function order(provider: "stripe" | "adyen", reference: string): Promise<string> {
    const id = `ORD-${++n}`;
    const tender = { kind: "card", provider, reference, amount: "124.60" };
    const o = orderJson({ customer: { email: `c${n}@example.de` }, tenders: [tender] });
    expect((await api("PUT", `/api/v1/orders/${id}`, o)).status).toBe(201);
    return id;
  }
  async function refund(orderId: string, line: "L1" | "L2"): Promise<Json> {
    const c = await api("POST", "/api/v1/returns", {
      orderExternalId: orderId,
      lines: [{ orderLineExternalId: line, quantity: 1, reason: "changed_mind" }],
      requestedResolution: "refund",
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const approved = await api("POST", `/api/v1/returns/${c.body.id}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    return (approved.body.settlements as Json[])[0] as Json;
  }
  const succeededEvents = async (caseId: unknown) =>
    ((await api("GET", `/api/v1/returns/${caseId}/events`)).body.items as Json[]).filter(
      (e) => e.type === "settlement.succeeded",
    );

  /** An Adyen notification about `refundPsp` with some fields changed, signed with the real key. */
  function adyenItem(refundPsp: string, patch: Partial<AdyenNotificationItem>): string {
    const real = adyen.notification(refundPsp).notificationItems[0]?.NotificationRequestItem;
    if (!real) throw new Error("no item");
    const unsigned = { ...real, ...patch, additionalData: {} };
    const hmacSignature = signAdyenItem(unsigned, adyen.hmacKey);
    return JSON.stringify({
      live: "false",
      notificationItems: [{ NotificationRequestItem: { ...unsigned, additionalData: { hmacSignature } } }],
    });
  }
  async function adyenRefund(psp: string): Promise<{ s: Json; refundPsp: string }> {
    adyen.addPayment(psp, 12_460, "EUR");
    const s = await refund(await order("adyen", psp), "L1");
    const refundPsp = (await settlement(s.id as string)).providerReference as string;
    expect(refundPsp).toBeTruthy();
    return { s, refundPsp };
  }

  it("a charge.refunded event listing two refunds settles both (deduplicated per event and refund)", async () => {
    stripe.addPayment(`pi_two_${kind}`, 12_460, "eur", { refundStatus: "pending" });
    const o = await order("stripe", `pi_two_${kind}`);
    const first = await refund(o, "L1");
    const second = await refund(o, "L2");
    const refunds = stripe.refunds().filter((r) => r.payment_intent === `pi_two_${kind}`);
    expect(refunds).toHaveLength(2);
    for (const r of refunds) stripe.updateRefund(r.id, "succeeded");
    const { payload, signature } = stripe.signedEvent(refunds[1]?.id as string, { type: "charge.refunded" });
    // Stripe redelivers while the first delivery is still being applied: each refund once.
    const sent = await Promise.all([
      deliver(`${base}/api/webhooks/stripe`, payload, { "Stripe-Signature": signature }),
      deliver(`${base}/api/webhooks/stripe`, payload, { "Stripe-Signature": signature }),
    ]);
    expect(sent.map((d) => d.status)).toEqual([200, 200]);
    for (const s of [first, second]) {
      expect((await settlement(s.id as string)).status).toBe("succeeded");
      expect(await succeededEvents(s.caseId)).toHaveLength(1);
    }
  });

  it("an Adyen notification whose merchantReference is not a UUID is accepted and found by pspReference", async () => {
    const { s, refundPsp } = await adyenRefund(`PSPREF${kind}`);
    const delivered = await deliver(
      `${base}/api/webhooks/adyen`,
      adyenItem(refundPsp, { merchantReference: "ORDER-4711" }),
      {},
    );
    expect([delivered.status, delivered.body]).toEqual([200, "[accepted]"]);
    expect((await settlement(s.id as string)).status).toBe("succeeded");
  });

  it("an Adyen notification of another merchant account is accepted and changes nothing", async () => {
    const { s, refundPsp } = await adyenRefund(`PSPACC${kind}`);
    const other = await deliver(
      `${base}/api/webhooks/adyen`,
      adyenItem(refundPsp, { merchantAccountCode: "SomeoneElseECOM" }),
      {},
    );
    expect([other.status, other.body]).toEqual([200, "[accepted]"]);
    expect((await settlement(s.id as string)).status).toBe("awaiting_provider");
    expect((await adyen.sendNotification(`${base}/api/webhooks/adyen`, refundPsp)).status).toBe(200);
    expect((await settlement(s.id as string)).status).toBe("succeeded");
  });

  it("an Adyen or Stripe event about another amount or currency than ours is refused and logged", async () => {
    const { s, refundPsp } = await adyenRefund(`PSPAMT${kind}`);
    for (const amount of [
      { value: 1, currency: "EUR" },
      { value: 4_990, currency: "USD" },
    ]) {
      const wrong = await deliver(`${base}/api/webhooks/adyen`, adyenItem(refundPsp, { amount }), {});
      expect(wrong.status).toBe(200);
    }
    expect((await settlement(s.id as string)).status).toBe("awaiting_provider");
    expect(logged).toContainEqual(
      expect.objectContaining({
        event: "settlement.webhook_amount_mismatch",
        settlementId: s.id,
        expected: { amount: 4_490, currency: "EUR" },
        received: { amount: 1, currency: "EUR" },
      }),
    );
    expect((await adyen.sendNotification(`${base}/api/webhooks/adyen`, refundPsp)).status).toBe(200);
    expect((await settlement(s.id as string)).status).toBe("succeeded");

    stripe.addPayment(`pi_amt_${kind}`, 12_460, "eur", { refundStatus: "pending" });
    const st = await refund(await order("stripe", `pi_amt_${kind}`), "L1");
    const re = stripe.refunds().find((r) => r.payment_intent === `pi_amt_${kind}`);
    stripe.updateRefund(re?.id as string, "succeeded");
    const { payload } = stripe.signedEvent(re?.id as string);
    const tampered = payload.replace('"amount": 4490', '"amount": 1');
    expect(tampered).not.toBe(payload);
    const t = Math.floor(Date.now() / 1000);
    const sent = await deliver(`${base}/api/webhooks/stripe`, tampered, {
      "Stripe-Signature": signStripePayload(tampered, stripe.webhookSecret, t),
    });
    expect(sent.status).toBe(200);
    expect((await settlement(st.id as string)).status).toBe("awaiting_provider");
  });
});
