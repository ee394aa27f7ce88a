import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type StripeFake, startStripeFake } from "../../../src/adapters/payments/fakes/stripe-fake.ts";
import { type StripeGateway, stripeGateway } from "../../../src/adapters/payments/stripe-gateway.ts";
import type { GatewayRefundRequest } from "../../../src/app/ports/index.ts";

let fake: StripeFake;
let gateway: StripeGateway;

const gatewayFor = (f: StripeFake, extra: { apiKey?: string; timeoutMs?: number } = {}) =>
  stripeGateway({
    apiKey: extra.apiKey ?? f.apiKey,
    webhookSecret: f.webhookSecret,
    host: f.host,
    port: f.port,
    protocol: "http",
    timeoutMs: extra.timeoutMs ?? 5_000,
  });

function request(
  reference: string,
  amount: number,
  currency: string,
  key = randomUUID(),
): GatewayRefundRequest {
  return {
    settlementId: randomUUID(),
    idempotencyKey: `crossback-settlement-${key}`,
    amount: { amount, currency },
    tender: { kind: "card", provider: "stripe", reference },
    reason: "return",
    // The platform key acting for the fake's own account through `Stripe-Account`.
    account: { provider: "stripe", accountId: fake.platformAccount, apiKey: null },
  };
}

const newPayment = (prefix: "pi_" | "ch_", amount: number, currency: string) => {
  const id = `${prefix}${randomUUID().replaceAll("-", "")}`;
  fake.addPayment(id, amount, currency);
  return id;
};

beforeAll(async () => {
  fake = await startStripeFake();
  gateway = gatewayFor(fake);
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.failNext(0);
});

describe("Stripe gateway against the fake Stripe", () => {
  it("refunds EUR in cents through a PaymentIntent and tags the settlement", async () => {
    const pi = newPayment("pi_", 5_000, "EUR");
    const req = request(pi, 1_990, "EUR");
    const result = await gateway.refund(req);
    expect(result).toMatchObject({ status: "succeeded", providerReference: expect.stringMatching(/^re_/) });
    const refund = fake.refunds().find((r) => r.payment_intent === pi);
    expect(refund).toMatchObject({ amount: 1_990, currency: "eur", reason: "requested_by_customer" });
    expect(refund?.metadata.crossback_settlement_id).toBe(req.settlementId);
    const sent = fake.requests.at(-1);
    expect(sent?.headers["idempotency-key"]).toBe(req.idempotencyKey);
    expect(sent?.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
  });

  it("refunds JPY (zero-decimal) as whole yen, through a charge id", async () => {
    const ch = newPayment("ch_", 12_000, "JPY");
    const result = await gateway.refund(request(ch, 4_500, "JPY"));
    expect(result.status).toBe("succeeded");
    expect(fake.refunds().find((r) => r.charge === ch)).toMatchObject({ amount: 4_500, currency: "jpy" });
  });

  it("refunds KWD (three decimals) in fils when the last digit is 0", async () => {
    const pi = newPayment("pi_", 10_000, "KWD");
    const result = await gateway.refund(request(pi, 5_130, "KWD"));
    expect(result.status).toBe("succeeded");
    expect(fake.refunds().find((r) => r.payment_intent === pi)?.amount).toBe(5_130);
  });

  it("refuses a KWD amount Stripe would reject (last digit not 0) without calling Stripe", async () => {
    const pi = newPayment("pi_", 10_000, "KWD");
    const before = fake.requests.length;
    const result = await gateway.refund(request(pi, 5_125, "KWD"));
    expect(result).toMatchObject({ status: "failed", retryable: false });
    expect(result.status === "failed" && result.reason).toMatch(/end in 0.*Refund 5120 or 5130/);
    expect(fake.requests.length).toBe(before);
  });

  it("sends ISK with Stripe's two decimals (ISO has none)", async () => {
    const pi = newPayment("pi_", 1_000_000, "ISK");
    await gateway.refund(request(pi, 4_990, "ISK"));
    expect(fake.refunds().find((r) => r.payment_intent === pi)?.amount).toBe(499_000);
  });

  it("replays an idempotent retry: same refund, one refund recorded", async () => {
    const pi = newPayment("pi_", 5_000, "EUR");
    const req = request(pi, 1_000, "EUR");
    const first = await gateway.refund(req);
    const second = await gateway.refund(req);
    expect(second).toEqual(first);
    expect(fake.refunds().filter((r) => r.payment_intent === pi)).toHaveLength(1);
  });

  it("does not retry a reused key with other parameters (Stripe's idempotency_error)", async () => {
    const pi = newPayment("pi_", 5_000, "EUR");
    const key = randomUUID();
    await gateway.refund(request(pi, 1_000, "EUR", key));
    const result = await gateway.refund(request(pi, 2_000, "EUR", key));
    expect(result).toMatchObject({ status: "failed", retryable: false });
    expect(result.status === "failed" && result.reason).toMatch(/idempotency_error/);
  });

  it.each([500, 503, 429])("treats HTTP %i as retryable, then succeeds on the retry", async (status) => {
    const pi = newPayment("pi_", 5_000, "EUR");
    const req = request(pi, 700, "EUR");
    fake.failNext(1, status);
    const failed = await gateway.refund(req);
    expect(failed).toMatchObject({ status: "failed", retryable: true });
    expect(await gateway.refund(req)).toMatchObject({ status: "succeeded" });
    expect(fake.refunds().filter((r) => r.payment_intent === pi)).toHaveLength(1);
  });

  it("treats a timeout as retryable", async () => {
    const slow = gatewayFor(fake, { timeoutMs: 300 });
    const pi = newPayment("pi_", 5_000, "EUR");
    fake.hangNext(1);
    const result = await slow.refund(request(pi, 700, "EUR"));
    expect(result).toMatchObject({ status: "failed", retryable: true });
    expect(result.status === "failed" && result.reason).toMatch(/timeout/i);
  });

  it("treats an unreachable Stripe as retryable", async () => {
    const gone = await startStripeFake();
    const g = gatewayFor(gone);
    await gone.close();
    expect(await g.refund(request("pi_x", 100, "EUR"))).toMatchObject({ status: "failed", retryable: true });
  });

  it("reports an unknown payment as not retryable: not a payment of the merchant's account", async () => {
    const result = await gateway.refund(request("pi_doesnotexist", 100, "EUR"));
    expect(result).toMatchObject({ status: "failed", retryable: false });
    expect(result.status === "failed" && result.reason).toMatch(
      /pi_doesnotexist does not belong to the merchant's Stripe account/,
    );
  });

  it("reports an over-refund as not retryable (amount_too_large)", async () => {
    const pi = newPayment("pi_", 5_000, "EUR");
    expect((await gateway.refund(request(pi, 4_000, "EUR"))).status).toBe("succeeded");
    const result = await gateway.refund(request(pi, 1_500, "EUR"));
    expect(result).toMatchObject({ status: "failed", retryable: false });
    expect(result.status === "failed" && result.reason).toMatch(/amount_too_large.*greater than unrefunded/);
  });

  it("reports a bad API key (401) as not retryable", async () => {
    const wrong = gatewayFor(fake, { apiKey: "sk_test_wrong" });
    const result = await wrong.refund(request(newPayment("pi_", 500, "EUR"), 100, "EUR"));
    expect(result).toMatchObject({ status: "failed", retryable: false });
    expect(result.status === "failed" && result.reason).toMatch(/^Stripe 401/);
  });

  it("fails without calling Stripe when the tender has no usable reference", async () => {
    expect(
      await gateway.refund({
        ...request("x", 1, "EUR"),
        tender: { kind: "card", provider: "stripe", reference: null },
      }),
    ).toMatchObject({ status: "failed", retryable: false });
    expect(await gateway.refund(request("src_123", 100, "EUR"))).toMatchObject({
      status: "failed",
      retryable: false,
    });
  });

  it.each([
    ["pending", { status: "processing" }],
    ["requires_action", { status: "requires_action" }],
    ["failed", { status: "failed", retryable: false }],
    ["canceled", { status: "failed", retryable: false }],
  ] as const)("maps a refund created as %s", async (refundStatus, expected) => {
    const pi = `pi_${randomUUID().replaceAll("-", "")}`;
    fake.addPayment(pi, 5_000, "EUR", { refundStatus });
    expect(await gateway.refund(request(pi, 1_000, "EUR"))).toMatchObject(expected);
  });
});
