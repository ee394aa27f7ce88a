import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AdyenFake, startAdyenFake } from "../../../src/adapters/payments/fakes/adyen-fake.ts";
import { type StripeFake, startStripeFake } from "../../../src/adapters/payments/fakes/stripe-fake.ts";

/** The fakes' own request validation, driven with raw HTTP (the adapters never send bad bodies). */
let stripe: StripeFake;
let adyen: AdyenFake;
beforeAll(async () => {
  [stripe, adyen] = await Promise.all([startStripeFake(), startAdyenFake()]);
  stripe.addPayment("pi_raw", 5_000, "EUR");
  adyen.addPayment("RAWPSP0000000001", 5_000, "EUR");
});
afterAll(() => Promise.all([stripe.close(), adyen.close()]));

const postStripe = async (form: string, key = stripe.apiKey) => {
  const res = await fetch(`${stripe.url}/v1/refunds`, {
    method: "POST",
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/x-www-form-urlencoded" },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as { error?: { code?: string; type?: string } } };
};
const postAdyen = async (body: string, psp = "RAWPSP0000000001") => {
  const res = await fetch(`${adyen.url}/v72/payments/${psp}/refunds`, {
    method: "POST",
    headers: { "X-API-Key": adyen.apiKey, "Content-Type": "application/json" },
    body,
  });
  return { status: res.status, body: (await res.json()) as { errorCode?: string; status?: number } };
};

describe("fake Stripe validates like Stripe", () => {
  it("rejects a bad amount, a missing target and a bad key; refunds the rest when amount is omitted", async () => {
    expect(await postStripe("payment_intent=pi_raw&amount=abc")).toMatchObject({
      status: 400,
      body: { error: { code: "parameter_invalid_integer", type: "invalid_request_error" } },
    });
    expect((await postStripe("payment_intent=pi_raw&amount=0")).status).toBe(400);
    expect((await postStripe("amount=100")).body.error?.code).toBe("parameter_missing");
    expect((await postStripe("payment_intent=pi_raw", "sk_test_other")).status).toBe(401);
    expect(await postStripe("payment_intent=pi_raw")).toMatchObject({ status: 200, body: { amount: 5_000 } });
    expect((await postStripe("payment_intent=pi_raw&amount=1")).body.error?.code).toBe(
      "charge_already_refunded",
    );
  });
});

describe("fake Adyen validates like Adyen", () => {
  it("answers Adyen error bodies for bad JSON, missing or invalid amounts and unknown payments", async () => {
    expect((await postAdyen("{")).status).toBe(400);
    const account = adyen.merchantAccount;
    expect(await postAdyen(JSON.stringify({ merchantAccount: account }))).toMatchObject({
      status: 422,
      body: { status: 422, errorCode: "100" },
    });
    const bad = JSON.stringify({ merchantAccount: account, amount: { value: -1, currency: "EUR" } });
    expect((await postAdyen(bad)).body.errorCode).toBe("137");
    const other = JSON.stringify({ merchantAccount: account, amount: { value: 100, currency: "USD" } });
    expect((await postAdyen(other)).body.errorCode).toBe("137");
    const good = JSON.stringify({ merchantAccount: account, amount: { value: 100, currency: "EUR" } });
    expect((await postAdyen(good, "NOSUCHPSP0000001")).body.errorCode).toBe("167");
    expect(await postAdyen(good)).toMatchObject({ status: 201, body: { status: "received" } });
  });
});
