import { afterAll, beforeAll, expect, it } from "vitest";
import { adyenGateway } from "../../src/adapters/payments/adyen-gateway.ts";
import {
  type AdyenFake,
  signAdyenItem,
  startAdyenFake,
} from "../../src/adapters/payments/fakes/adyen-fake.ts";
import { type StripeFake, startStripeFake } from "../../src/adapters/payments/fakes/stripe-fake.ts";
import { stripeGateway } from "../../src/adapters/payments/stripe-gateway.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { GENEROUS_POLICY, type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

/**
 * Issue 8 point 9: provider credentials are per merchant. A merchant whose order names another
 * merchant's Stripe PaymentIntent or Adyen pspReference gets no refund of it; the payment's currency
 * must be the refund's; keys are stored encrypted and never shown.
 */
describeEachDb("payment-provider accounts per merchant", (kind) => {
  let h: Harness;
  let stripe: StripeFake;
  let adyen: AdyenFake;
  let acme: string;
  let globex: string;
  let initech: string;
  const policy = { ...GENEROUS_POLICY, window: { days: 3650 }, refundTrigger: "approval" };

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
      // A company-level webhook: every merchant account's notifications arrive here.
      hmacKey: adyen.hmacKey,
      endpoint: adyen.url,
      timeoutMs: 3_000,
    });
    h = await startHarness(kind, {
      gateways: [sg, ag],
      webhooks: [sg.webhooks, ag.webhooks],
      now: new Date().toISOString(),
    });
    acme = (await merchantWithKey(h.deps, "acme", { policy })).auth;
    globex = (await merchantWithKey(h.deps, "globex", { policy })).auth;
    initech = (await merchantWithKey(h.deps, "initech", { policy })).auth;
    // Acme: a Stripe Connect account under the platform key; Adyen merchantAccount AcmeECOM.
    // Globex: its own Stripe account and key; Adyen GlobexECOM.
    stripe.addApiKey("sk_test_globex_own_key_123", "acct_1Globex");
    const put = async (auth: string, provider: string, body: Json) => {
      const r = await call(h.app, auth, "PUT", `/api/v1/settings/payment-providers/${provider}`, body);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    };
    await put(acme, "stripe", { accountId: "acct_1Acme" });
    await put(acme, "adyen", { accountId: "AcmeECOM" });
    await put(globex, "stripe", { apiKey: "sk_test_globex_own_key_123" });
    await put(globex, "adyen", { accountId: "GlobexECOM" });
  });
  afterAll(async () => {
    await h.close();
    await stripe.close();
    await adyen.close();
  });

  let n = 0;
  /** An order of `auth` paid with `reference`, a return approved: its settlement. */
  async function refundVia(auth: string, provider: string, reference: string, currency = "EUR") {
    const id = `o-${kind}-${++n}`;
    const o = orderJson({ customer: { email: `${id}@example.de` }, currency });
    o.tenders = [
      { kind: "card", provider, reference, amount: "124.60", capturedAt: new Date().toISOString() },
    ];
    o.fulfilments = o.fulfilments.map((f) => ({
      ...f,
      shippedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      deliveredAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    }));
    const put = await call(h.app, auth, "PUT", `/api/v1/orders/${id}`, o);
    expect(put.status, JSON.stringify(put.body)).toBe(201);
    const c = await call(h.app, auth, "POST", "/api/v1/returns", {
      orderExternalId: id,
      lines: [{ orderLineExternalId: "L1", quantity: 2, reason: "changed_mind" }],
      requestedResolution: "refund",
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const approved = await call(h.app, auth, "POST", `/api/v1/returns/${c.body.id}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const sid = ((approved.body.settlements as Json[])[0] as Json).id as string;
    return (await call(h.app, auth, "GET", `/api/v1/settlements/${sid}`)).body;
  }
  const stripeRefundsOf = (pi: string) => stripe.refunds().filter((r) => r.payment_intent === pi);

  it("refunds a merchant's own Stripe payments: through its Connect account, or its own key", async () => {
    stripe.addPayment(`pi_acme_${kind}`, 12_460, "eur", { account: "acct_1Acme" });
    stripe.addPayment(`pi_globex_own_${kind}`, 12_460, "eur", { account: "acct_1Globex" });
    expect((await refundVia(acme, "stripe", `pi_acme_${kind}`)).status).toBe("succeeded");
    expect((await refundVia(globex, "stripe", `pi_globex_own_${kind}`)).status).toBe("succeeded");
    expect(stripeRefundsOf(`pi_acme_${kind}`)).toHaveLength(1);
    expect(stripeRefundsOf(`pi_globex_own_${kind}`)).toHaveLength(1);
  });

  it("refuses another merchant's Stripe PaymentIntent: nothing is refunded", async () => {
    stripe.addPayment(`pi_globex_${kind}`, 12_460, "eur", { account: "acct_1Globex" });
    stripe.addPayment(`pi_platform_${kind}`, 12_460, "eur");
    const stolen = await refundVia(acme, "stripe", `pi_globex_${kind}`);
    expect(stolen.status).toBe("failed");
    expect(stolen.failureReason).toMatch(/does not belong to the merchant's Stripe account/);
    // Globex's own key cannot reach the platform's (or anyone else's) payments either.
    const platform = await refundVia(globex, "stripe", `pi_platform_${kind}`);
    expect(platform.status).toBe("failed");
    expect(stripeRefundsOf(`pi_globex_${kind}`)).toEqual([]);
    expect(stripeRefundsOf(`pi_platform_${kind}`)).toEqual([]);
  });

  it("refuses a Stripe payment in another currency than the refund", async () => {
    stripe.addPayment(`pi_acme_usd_${kind}`, 12_460, "usd", { account: "acct_1Acme" });
    const s = await refundVia(acme, "stripe", `pi_acme_usd_${kind}`);
    expect(s.status).toBe("failed");
    expect(s.failureReason).toMatch(/in USD, the refund in EUR/);
    expect(stripeRefundsOf(`pi_acme_usd_${kind}`)).toEqual([]);
  });

  it("sends each merchant's Adyen refunds under its own merchantAccount; another's payment is refused", async () => {
    adyen.addPayment(`ACME${kind}0001`, 12_460, "EUR", { merchantAccount: "AcmeECOM" });
    adyen.addPayment(`GLOBEX${kind}01`, 12_460, "EUR", { merchantAccount: "GlobexECOM" });
    expect((await refundVia(acme, "adyen", `ACME${kind}0001`)).status).toBe("awaiting_provider");
    const stolen = await refundVia(acme, "adyen", `GLOBEX${kind}01`);
    expect(stolen.status).toBe("failed");
    const of = (psp: string) => adyen.refunds().filter((r) => r.paymentPspReference === psp);
    expect(of(`ACME${kind}0001`).map((r) => r.merchantAccount)).toEqual(["AcmeECOM"]);
    expect(of(`GLOBEX${kind}01`)).toEqual([]);
  });

  it("applies an Adyen notification only to a settlement of the merchant with that merchantAccount", async () => {
    adyen.addPayment(`ACME${kind}0002`, 12_460, "EUR", { merchantAccount: "AcmeECOM" });
    const s = await refundVia(acme, "adyen", `ACME${kind}0002`);
    expect(s.status).toBe("awaiting_provider");
    const refundPsp = s.providerReference as string;
    const genuine = adyen.notification(refundPsp);
    const wrapper = genuine.notificationItems[0];
    if (!wrapper) throw new Error("no item");
    // Globex's account (signed with the shared company webhook key) names Acme's settlement.
    const { additionalData: _a, ...fields } = wrapper.NotificationRequestItem;
    const foreign = { ...fields, additionalData: {}, merchantAccountCode: "GlobexECOM" };
    const forged = {
      ...genuine,
      notificationItems: [
        {
          NotificationRequestItem: {
            ...foreign,
            additionalData: { hmacSignature: signAdyenItem(foreign, adyen.hmacKey) },
          },
        },
      ],
    };
    const post = (body: unknown) =>
      h.app.inject({
        method: "POST",
        url: "/api/webhooks/adyen",
        payload: JSON.stringify(body),
        headers: { "content-type": "application/json" },
      });
    expect((await post(forged)).statusCode).toBe(200);
    const after = (await call(h.app, acme, "GET", `/api/v1/settlements/${s.id}`)).body;
    expect(after.status).toBe("awaiting_provider");
    expect((await post(genuine)).statusCode).toBe(200);
    expect((await call(h.app, acme, "GET", `/api/v1/settlements/${s.id}`)).body.status).toBe("succeeded");
  });

  it("a merchant without an account of the provider gets needs_review, never the platform's account", async () => {
    stripe.addPayment(`pi_initech_${kind}`, 12_460, "eur");
    const s = await refundVia(initech, "stripe", `pi_initech_${kind}`);
    expect(s.status).toBe("needs_review");
    expect(s.failureReason).toMatch(/no stripe account configured/);
    expect(stripeRefundsOf(`pi_initech_${kind}`)).toEqual([]);
  });

  it("stores the key encrypted, never shows it, and refuses another merchant's account id", async () => {
    const list = await call(h.app, globex, "GET", "/api/v1/settings/payment-providers");
    expect(JSON.stringify(list.body)).not.toContain("sk_test_globex_own_key_123");
    expect(list.body.data).toContainEqual(
      expect.objectContaining({ provider: "stripe", apiKey: { set: true, last4: "_123" } }),
    );
    const rows = await h.database.db.execute(
      "select api_key_sealed from merchant_provider_accounts where api_key_sealed is not null",
    );
    const text = JSON.stringify(rows);
    expect(text).toContain("enc:v1:test:");
    expect(text).not.toContain("sk_test_globex_own_key_123");
    const taken = await call(h.app, initech, "PUT", "/api/v1/settings/payment-providers/stripe", {
      accountId: "acct_1Acme",
    });
    expect(taken.status).toBe(422);
    expect(taken.body.errors).toEqual([expect.objectContaining({ path: "accountId" })]);
    const bad = await call(h.app, initech, "PUT", "/api/v1/settings/payment-providers/stripe", {
      apiKey: "pk_test_publishable_key",
    });
    expect(bad.status).toBe(422);
  });
});
