import { randomUUID } from "node:crypto";
import adyen from "@adyen/api-library";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AdyenGateway,
  type AdyenNotificationItem,
  adyenGateway,
  parseAdyenNotification,
  verifyAdyenNotification,
} from "../../../src/adapters/payments/adyen-gateway.ts";
import {
  type AdyenFake,
  signAdyenItem,
  startAdyenFake,
} from "../../../src/adapters/payments/fakes/adyen-fake.ts";
import { startReceiver } from "./webhook-receiver.ts";

let fake: AdyenFake;
let gateway: AdyenGateway;
let seq = 0;

beforeAll(async () => {
  fake = await startAdyenFake();
  gateway = adyenGateway({
    apiKey: fake.apiKey,
    merchantAccount: fake.merchantAccount,
    hmacKey: fake.hmacKey,
    endpoint: fake.url,
  });
});
afterAll(() => fake.close());

async function refund(captured: number, value: number) {
  const psp = `NOTIF${String(++seq).padStart(11, "0")}`;
  fake.addPayment(psp, captured, "EUR");
  const settlementId = randomUUID();
  const result = await gateway.refund({
    settlementId,
    idempotencyKey: randomUUID(),
    amount: { amount: value, currency: "EUR" },
    tender: { kind: "card", provider: "adyen", reference: psp },
    reason: "return",
    account: { provider: "adyen" as const, accountId: fake.merchantAccount, apiKey: null },
  });
  if (result.status === "failed") throw new Error(result.reason);
  return { settlementId, refundPsp: result.providerReference };
}

const itemOf = (n: ReturnType<AdyenFake["notification"]>): AdyenNotificationItem => {
  const item = n.notificationItems[0]?.NotificationRequestItem;
  if (!item) throw new Error("no item");
  return item;
};

describe("verifyAdyenNotification", () => {
  it("accepts a genuine signature (and the fake signs exactly as the library computes)", async () => {
    const { refundPsp } = await refund(5_000, 1_000);
    const item = itemOf(fake.notification(refundPsp));
    expect(verifyAdyenNotification(item, fake.hmacKey)).toEqual({ ok: true, value: item });
    const unsigned = { ...item, additionalData: {} };
    const libraryHmac = new adyen.hmacValidator().calculateHmac(unsigned as never, fake.hmacKey);
    expect(signAdyenItem(unsigned, fake.hmacKey)).toBe(libraryHmac);
  });

  it("rejects an item signed with another key (forged)", async () => {
    const { refundPsp } = await refund(5_000, 1_000);
    const forged = itemOf(fake.notification(refundPsp, { hmacKey: "00".repeat(32) }));
    const result = verifyAdyenNotification(forged, fake.hmacKey);
    expect(!result.ok && result.error).toMatch(/does not match/);
  });

  it("rejects tampered fields: amount, success, merchantReference", async () => {
    const { refundPsp } = await refund(5_000, 1_000);
    const item = itemOf(fake.notification(refundPsp, { success: false, reason: "declined" }));
    const tampered: AdyenNotificationItem[] = [
      { ...item, amount: { ...item.amount, value: 100_000 } },
      { ...item, success: "true" },
      { ...item, merchantReference: randomUUID() },
    ];
    for (const t of tampered) expect(verifyAdyenNotification(t, fake.hmacKey).ok).toBe(false);
  });

  it("rejects an item without hmacSignature", async () => {
    const { refundPsp } = await refund(5_000, 1_000);
    const result = verifyAdyenNotification(
      { ...itemOf(fake.notification(refundPsp)), additionalData: {} },
      fake.hmacKey,
    );
    expect(!result.ok && result.error).toMatch(/no additionalData.hmacSignature/);
  });
});

describe("parseAdyenNotification", () => {
  const SETTLEMENT = "0190c5a2-7b1e-7c3d-9f00-4a2b3c4d5e6f";
  const item = (eventCode: string, success: "true" | "false", reason = ""): AdyenNotificationItem => ({
    amount: { value: 1_000, currency: "EUR" },
    eventCode,
    merchantAccountCode: "CrossbackECOM",
    merchantReference: SETTLEMENT,
    originalReference: "PAYMENT00000001",
    pspReference: "REFUND000000001",
    reason,
    success,
  });
  const base = {
    provider: "adyen",
    settlementId: SETTLEMENT,
    providerReference: "REFUND000000001",
    amount: { amount: 1_000, currency: "EUR" },
    account: "CrossbackECOM",
  };

  it.each([
    ["REFUND", "true", "", "succeeded", null],
    ["REFUND", "false", "Insufficient balance", "failed", "Insufficient balance"],
    ["REFUND_FAILED", "true", "", "failed", "refund rejected by the card scheme"],
    ["REFUNDED_REVERSED", "true", "", "reversed", "refunded amount returned to the merchant"],
  ] as const)("%s success=%s → %s", (code, success, reason, status, expectedReason) => {
    expect(parseAdyenNotification(item(code, success, reason))).toEqual({
      ...base,
      status,
      reason: expectedReason,
      eventId: `${code}:REFUND000000001:${success}`,
    });
  });

  it("takes a merchantReference that is not a UUID for someone else's reference, not our settlement id", () => {
    const refund = { ...item("REFUND", "true"), merchantReference: "ORDER-4711" };
    expect(parseAdyenNotification(refund)).toMatchObject({ settlementId: null, status: "succeeded" });
  });

  it("reads Adyen's amounts in Adyen's minor units (ISK has two decimals there, none in ISO)", () => {
    const isk = { ...item("REFUND", "true"), amount: { value: 50_000, currency: "ISK" } };
    expect(parseAdyenNotification(isk)?.amount).toEqual({ amount: 500, currency: "ISK" });
  });

  it("ignores events that are not about refunds", () => {
    expect(parseAdyenNotification(item("AUTHORISATION", "true"))).toBeNull();
    expect(parseAdyenNotification(item("CAPTURE", "true"))).toBeNull();
  });
});

describe("Adyen notification delivery end to end", () => {
  it("brings the final state of a refund, acknowledges with [accepted], refuses forgeries", async () => {
    const endpoint = await startReceiver(gateway.webhooks);
    try {
      const good = await refund(5_000, 4_000);
      const excess = await refund(1_000, 1_000);
      expect(await fake.sendNotification(endpoint.url, good.refundPsp)).toEqual({
        status: 200,
        body: "[accepted]",
      });
      expect(endpoint.updates.at(-1)).toMatchObject({
        settlementId: good.settlementId,
        providerReference: good.refundPsp,
        status: "succeeded",
      });
      expect(
        (await fake.sendNotification(endpoint.url, excess.refundPsp, { success: false, reason: "Refused" }))
          .status,
      ).toBe(200);
      expect(endpoint.updates.at(-1)).toMatchObject({
        settlementId: excess.settlementId,
        status: "failed",
        reason: "Refused",
      });
      const forged = await fake.sendNotification(endpoint.url, good.refundPsp, { hmacKey: "AB".repeat(32) });
      expect(forged.status).toBe(400);
      expect(endpoint.updates).toHaveLength(2);
    } finally {
      await endpoint.close();
    }
  });

  it("fails an over-refund through the REFUND webhook", async () => {
    const endpoint = await startReceiver(gateway.webhooks);
    try {
      const psp = `OVER${String(++seq).padStart(12, "0")}`;
      fake.addPayment(psp, 5_000, "EUR");
      const req = (value: number) => ({
        settlementId: randomUUID(),
        idempotencyKey: randomUUID(),
        amount: { amount: value, currency: "EUR" },
        tender: { kind: "card", provider: "adyen", reference: psp },
        reason: "return",
        account: { provider: "adyen" as const, accountId: fake.merchantAccount, apiKey: null },
      });
      const second = req(2_000);
      await gateway.refund(req(4_000));
      const answer = await gateway.refund(second);
      if (answer.status === "failed") throw new Error(answer.reason);
      await fake.sendNotification(endpoint.url, answer.providerReference);
      expect(endpoint.updates).toEqual([
        expect.objectContaining({
          settlementId: second.settlementId,
          status: "failed",
          reason: expect.stringMatching(/exceeds/),
        }),
      ]);
    } finally {
      await endpoint.close();
    }
  });
});
