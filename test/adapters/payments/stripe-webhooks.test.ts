import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type StripeFake,
  signStripePayload,
  startStripeFake,
} from "../../../src/adapters/payments/fakes/stripe-fake.ts";
import {
  parseStripeRefundEvent,
  type StripeGateway,
  stripeGateway,
  verifyStripeWebhook,
} from "../../../src/adapters/payments/stripe-gateway.ts";
import type { GatewayRefundRequest } from "../../../src/app/ports/index.ts";
import { startReceiver } from "./webhook-receiver.ts";

let fake: StripeFake;
let gateway: StripeGateway;

beforeAll(async () => {
  fake = await startStripeFake();
  gateway = stripeGateway({
    apiKey: fake.apiKey,
    webhookSecret: fake.webhookSecret,
    host: fake.host,
    port: fake.port,
    protocol: "http",
  });
});
afterAll(() => fake.close());

async function refundThrough(refundStatus: "pending" | "succeeded" = "pending") {
  const pi = `pi_${randomUUID().replaceAll("-", "")}`;
  fake.addPayment(pi, 5_000, "EUR", { refundStatus });
  const req: GatewayRefundRequest = {
    settlementId: randomUUID(),
    idempotencyKey: randomUUID(),
    amount: { amount: 2_500, currency: "EUR" },
    tender: { kind: "card", provider: "stripe", reference: pi },
    reason: "return",
    account: { provider: "stripe", accountId: null, apiKey: fake.apiKey },
  };
  const result = await gateway.refund(req);
  if (result.status === "failed") throw new Error(result.reason);
  return { settlementId: req.settlementId, refundId: result.providerReference };
}

describe("verifyStripeWebhook", () => {
  it("accepts a genuine signature", async () => {
    const { refundId } = await refundThrough();
    const now = Math.floor(Date.now() / 1000);
    const { payload, signature } = fake.signedEvent(refundId, { timestamp: now });
    const verified = verifyStripeWebhook(payload, signature, fake.webhookSecret, now);
    expect(verified.ok && verified.value.type).toBe("refund.updated");
    expect(verifyStripeWebhook(Buffer.from(payload), signature, fake.webhookSecret, now).ok).toBe(true);
  });

  it("rejects a signature made with another secret (forged)", async () => {
    const { refundId } = await refundThrough();
    const { payload, signature } = fake.signedEvent(refundId, { secret: "whsec_attacker" });
    const verified = verifyStripeWebhook(payload, signature, fake.webhookSecret);
    expect(verified.ok).toBe(false);
    expect(!verified.ok && verified.error).toMatch(/No signatures found matching/);
  });

  it("rejects a tampered payload", async () => {
    const { refundId } = await refundThrough();
    const { payload, signature } = fake.signedEvent(refundId);
    const tampered = payload.replace('"amount": 2500', '"amount": 250000');
    expect(tampered).not.toBe(payload);
    expect(verifyStripeWebhook(tampered, signature, fake.webhookSecret).ok).toBe(false);
  });

  it("rejects a replay outside the 300 s tolerance, accepts one inside it", async () => {
    const { refundId } = await refundThrough();
    const t = 1_800_000_000;
    const { payload, signature } = fake.signedEvent(refundId, { timestamp: t });
    const late = verifyStripeWebhook(payload, signature, fake.webhookSecret, t + 301);
    expect(!late.ok && late.error).toMatch(/tolerance/);
    expect(verifyStripeWebhook(payload, signature, fake.webhookSecret, t + 299).ok).toBe(true);
    expect(verifyStripeWebhook(payload, signature, fake.webhookSecret, t - 301).ok).toBe(false);
  });

  it("rejects a header without a v1 signature or timestamp", () => {
    const payload = JSON.stringify({ id: "evt_1", object: "event" });
    const t = Math.floor(Date.now() / 1000);
    const v0 = signStripePayload(payload, fake.webhookSecret, t).replace("v1=", "v0=");
    expect(verifyStripeWebhook(payload, v0, fake.webhookSecret).ok).toBe(false);
    expect(verifyStripeWebhook(payload, "garbage", fake.webhookSecret).ok).toBe(false);
  });
});

describe("parseStripeRefundEvent", () => {
  const event = (type: string, object: Record<string, unknown>) =>
    ({ id: "evt_1", object: "event", type, data: { object } }) as unknown as Stripe.Event;
  const refund = (status: string, extra: Record<string, unknown> = {}) => ({
    id: "re_1",
    object: "refund",
    status,
    amount: 1_000,
    currency: "eur",
    metadata: { crossback_settlement_id: "s-1" },
    failure_reason: null,
    ...extra,
  });

  it.each([
    ["refund.updated", "succeeded", "succeeded", null],
    ["refund.created", "pending", "processing", null],
    ["refund.updated", "requires_action", "requires_action", null],
    ["refund.failed", "failed", "failed", "expired_or_canceled_card"],
    ["refund.updated", "canceled", "cancelled", "canceled at Stripe"],
  ])("%s with status %s → %s", (type, status, expected, reason) => {
    const updates = parseStripeRefundEvent(
      event(type, refund(status, status === "failed" ? { failure_reason: "expired_or_canceled_card" } : {})),
    );
    expect(updates).toEqual([
      {
        provider: "stripe",
        settlementId: "s-1",
        providerReference: "re_1",
        status: expected,
        reason,
        eventId: "evt_1",
        amount: { amount: 1_000, currency: "EUR" },
        account: null,
      },
    ]);
  });

  it("reads the refunds listed on a charge.refunded Charge, and ignores other events", () => {
    const charge = { id: "ch_1", object: "charge", refunds: { object: "list", data: [refund("succeeded")] } };
    expect(parseStripeRefundEvent(event("charge.refunded", charge))).toMatchObject([
      { providerReference: "re_1", status: "succeeded" },
    ]);
    expect(parseStripeRefundEvent(event("charge.refunded", { id: "ch_2", object: "charge" }))).toEqual([]);
    expect(
      parseStripeRefundEvent(event("payment_intent.succeeded", { id: "pi_1", object: "payment_intent" })),
    ).toEqual([]);
  });

  it("leaves settlementId null for refunds Crossback did not create", () => {
    const [u] = parseStripeRefundEvent(event("refund.updated", refund("succeeded", { metadata: {} })));
    expect(u?.settlementId).toBeNull();
  });
});

describe("Stripe webhook delivery end to end", () => {
  it("drives a pending refund to succeeded, and refuses forged or replayed deliveries", async () => {
    const endpoint = await startReceiver(gateway.webhooks);
    try {
      const { settlementId, refundId } = await refundThrough("pending");
      fake.updateRefund(refundId, "succeeded");
      expect(await fake.sendWebhook(endpoint.url, refundId)).toEqual({
        status: 200,
        body: '{"received":true}',
      });
      expect(endpoint.updates).toEqual([
        {
          provider: "stripe",
          settlementId,
          providerReference: refundId,
          status: "succeeded",
          reason: null,
          eventId: expect.stringMatching(/^evt_/),
          amount: { amount: 2_500, currency: "EUR" },
          account: null,
        },
      ]);
      expect((await fake.sendWebhook(endpoint.url, refundId, { secret: "whsec_forged" })).status).toBe(400);
      const old = Math.floor(Date.now() / 1000) - 3_600;
      expect((await fake.sendWebhook(endpoint.url, refundId, { timestamp: old })).status).toBe(400);
      fake.updateRefund(refundId, "failed", "lost_or_stolen_card");
      expect((await fake.sendWebhook(endpoint.url, refundId)).status).toBe(200);
      expect(endpoint.updates.at(-1)).toMatchObject({ status: "failed", reason: "lost_or_stolen_card" });
      expect(endpoint.updates).toHaveLength(2);
    } finally {
      await endpoint.close();
    }
  });
});
