import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AdyenGateway, adyenGateway } from "../../../src/adapters/payments/adyen-gateway.ts";
import { type AdyenFake, startAdyenFake } from "../../../src/adapters/payments/fakes/adyen-fake.ts";
import type { GatewayRefundRequest } from "../../../src/app/ports/index.ts";

let fake: AdyenFake;
let gateway: AdyenGateway;

const gatewayFor = (
  f: AdyenFake,
  extra: { apiKey?: string; merchantAccount?: string; timeoutMs?: number } = {},
) =>
  adyenGateway({
    apiKey: extra.apiKey ?? f.apiKey,
    merchantAccount: extra.merchantAccount ?? f.merchantAccount,
    hmacKey: f.hmacKey,
    endpoint: f.url,
    timeoutMs: extra.timeoutMs ?? 5_000,
  });

function request(psp: string, amount: number, currency: string, key = randomUUID()): GatewayRefundRequest {
  return {
    settlementId: randomUUID(),
    idempotencyKey: `crossback-settlement-${key}`,
    amount: { amount, currency },
    tender: { kind: "card", provider: "adyen", reference: psp },
    reason: "return",
    account: { provider: "adyen", accountId: fake.merchantAccount, apiKey: null },
  };
}

let seq = 0;
const newPayment = (value: number, currency: string) => {
  const psp = `PSP${String(++seq).padStart(13, "0")}`;
  fake.addPayment(psp, value, currency);
  return psp;
};
const refundsOf = (psp: string) => fake.refunds().filter((r) => r.paymentPspReference === psp);

beforeAll(async () => {
  fake = await startAdyenFake();
  gateway = gatewayFor(fake);
});
afterAll(() => fake.close());

describe("Adyen gateway against the fake Adyen", () => {
  it("sends a EUR refund in cents and answers processing with the refund's pspReference", async () => {
    const psp = newPayment(5_000, "EUR");
    const req = request(psp, 1_990, "EUR");
    const result = await gateway.refund(req);
    const [refund] = refundsOf(psp);
    expect(result).toEqual({ status: "processing", providerReference: refund?.pspReference });
    expect(refund).toMatchObject({ amount: { value: 1_990, currency: "EUR" }, reference: req.settlementId });
    const sent = fake.requests.at(-1);
    expect(sent?.path).toBe(`/v72/payments/${psp}/refunds`);
    expect(sent?.headers["x-api-key"]).toBe(fake.apiKey);
    expect(sent?.headers["idempotency-key"]).toBe(req.idempotencyKey);
    expect(JSON.parse(sent?.body ?? "{}")).toMatchObject({
      merchantAccount: fake.merchantAccount,
      merchantRefundReason: "RETURN",
    });
  });

  it("sends JPY as whole yen and KWD in fils (three decimals, no last-digit rule at Adyen)", async () => {
    const jpy = newPayment(12_000, "JPY");
    const kwd = newPayment(10_000, "KWD");
    expect((await gateway.refund(request(jpy, 4_500, "JPY"))).status).toBe("processing");
    expect((await gateway.refund(request(kwd, 5_125, "KWD"))).status).toBe("processing");
    expect(refundsOf(jpy)[0]?.amount).toEqual({ value: 4_500, currency: "JPY" });
    expect(refundsOf(kwd)[0]?.amount).toEqual({ value: 5_125, currency: "KWD" });
  });

  it("sends ISK with Adyen's two decimals and refuses IDR amounts finer than a rupiah", async () => {
    const isk = newPayment(1_000_000, "ISK");
    await gateway.refund(request(isk, 4_990, "ISK"));
    expect(refundsOf(isk)[0]?.amount.value).toBe(499_000);
    const idr = await gateway.refund(request(newPayment(1_000_000, "IDR"), 150_050, "IDR"));
    expect(idr).toMatchObject({ status: "failed", retryable: false });
  });

  it("replays an idempotent retry: same pspReference, one refund recorded", async () => {
    const psp = newPayment(5_000, "EUR");
    const req = request(psp, 1_000, "EUR");
    const first = await gateway.refund(req);
    expect(await gateway.refund(req)).toEqual(first);
    expect(refundsOf(psp)).toHaveLength(1);
  });

  it.each([500, 503, 429])("treats HTTP %i as retryable, then succeeds on the retry", async (status) => {
    const psp = newPayment(5_000, "EUR");
    const req = request(psp, 700, "EUR");
    fake.failNext(1, status);
    expect(await gateway.refund(req)).toMatchObject({ status: "failed", retryable: true });
    expect(await gateway.refund(req)).toMatchObject({ status: "processing" });
    expect(refundsOf(psp)).toHaveLength(1);
  });

  it("treats a timeout and an unreachable endpoint as retryable", async () => {
    const slow = gatewayFor(fake, { timeoutMs: 300 });
    fake.hangNext(1);
    const timedOut = await slow.refund(request(newPayment(5_000, "EUR"), 700, "EUR"));
    expect(timedOut).toMatchObject({ status: "failed", retryable: true });
    expect(timedOut.status === "failed" && timedOut.reason).toMatch(/within 300 ms/);
    const gone = await startAdyenFake();
    const g = gatewayFor(gone);
    await gone.close();
    expect(await g.refund(request("PSP0", 100, "EUR"))).toMatchObject({ status: "failed", retryable: true });
  });

  it("reports an unknown payment as not retryable, with Adyen's error code", async () => {
    const result = await gateway.refund(request("UNKNOWNPSP000001", 100, "EUR"));
    expect(result).toMatchObject({ status: "failed", retryable: false });
    expect(result.status === "failed" && result.reason).toMatch(/Adyen 422 error 167/);
  });

  it("rejects a refund above the captured amount at once (422), not retryable", async () => {
    const result = await gateway.refund(request(newPayment(5_000, "EUR"), 5_001, "EUR"));
    expect(result).toMatchObject({ status: "failed", retryable: false });
    expect(result.status === "failed" && result.reason).toMatch(/error 137: Invalid amount specified/);
  });

  it("accepts partial refunds that together exceed the capture, and fails the excess in the REFUND webhook", async () => {
    const psp = newPayment(5_000, "EUR");
    expect((await gateway.refund(request(psp, 4_000, "EUR"))).status).toBe("processing");
    expect((await gateway.refund(request(psp, 2_000, "EUR"))).status).toBe("processing");
    const [ok, excess] = refundsOf(psp);
    expect(ok?.outcome.success).toBe(true);
    expect(excess?.outcome).toMatchObject({ success: false });
  });

  it("reports security and validation errors as not retryable", async () => {
    const wrongKey = await gatewayFor(fake, { apiKey: "wrong" }).refund(
      request(newPayment(500, "EUR"), 100, "EUR"),
    );
    expect(wrongKey).toMatchObject({ status: "failed", retryable: false });
    expect(wrongKey.status === "failed" && wrongKey.reason).toMatch(/Adyen 401 error 000/);
    const wrongAccount = await gateway.refund({
      ...request(newPayment(500, "EUR"), 100, "EUR"),
      account: { provider: "adyen", accountId: "Other", apiKey: null },
    });
    expect(wrongAccount.status === "failed" && wrongAccount.reason).toMatch(
      /Adyen 403 error 901: Invalid Merchant Account/,
    );
    const noReference = await gateway.refund({
      ...request("x", 100, "EUR"),
      tender: { kind: "card", provider: "adyen", reference: null },
    });
    expect(noReference).toMatchObject({ status: "failed", retryable: false });
  });
});
