import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ShippoFake, startShippoFake } from "../../../src/adapters/carriers/fakes/shippo-fake.ts";
import { shippoCarrier } from "../../../src/adapters/carriers/shippo-carrier.ts";
import type { CarrierAdapter, PurchasedLabel } from "../../../src/app/logistics/ports.ts";
import { labelRequest } from "./label-request.ts";

let fake: ShippoFake;
let carrier: CarrierAdapter;
const noop = async () => {};

beforeAll(async () => {
  fake = await startShippoFake();
  carrier = shippoCarrier({
    apiKey: fake.apiKey,
    webhookSecret: fake.webhookSecret,
    webhookToken: "tok-1",
    serverURL: fake.url,
    timeoutMs: 1500,
  });
});
afterAll(() => fake.close());

const bought = (r: Awaited<ReturnType<CarrierAdapter["purchase"]>>): PurchasedLabel => {
  if (r.status !== "purchased") throw new Error(`not purchased: ${r.reason}`);
  return r;
};

describe("Shippo carrier against the local fake", () => {
  it("buys a return label: extra.is_return, RETURN_MERCHANDISE customs with incoterm, key in metadata", async () => {
    const req = labelRequest();
    const r = bought(await carrier.purchase(req, noop));
    expect(r).toMatchObject({
      carrierName: "UPS",
      cost: { amount: 1760, currency: "EUR" },
      recovered: false,
    });
    const shipment = JSON.parse(fake.requests.find((q) => q.path.startsWith("/shipments"))?.body ?? "{}");
    expect(shipment.extra.is_return).toBe(true);
    expect(shipment.customs_declaration).toMatchObject({
      contents_type: "RETURN_MERCHANDISE",
      incoterm: "DDU",
      certify: true,
      certify_signer: "Returns desk",
    });
    expect(shipment.customs_declaration.items[0]).toMatchObject({
      origin_country: "PT",
      hs_code: "610910",
      value_amount: "79.80",
      value_currency: "GBP",
      net_weight: "360",
      mass_unit: "g",
    });
    expect(fake.purchases().at(-1)?.metadata).toBe(req.idempotencyKey);
    expect(fake.requests.at(-1)?.headers.authorization).toBe(`ShippoToken ${fake.apiKey}`);
  });

  it("reports validation errors as final and outages, timeouts as retryable", async () => {
    const req = labelRequest();
    const bad = { ...req, customs: req.customs && { ...req.customs, signer: null } };
    const r = await carrier.purchase(bad, noop);
    expect(r).toMatchObject({ status: "failed", retryable: false });
    expect(r.status === "failed" && r.reason).toContain("certify_signer");
    fake.failNext(1, 500);
    expect(await carrier.purchase(labelRequest(), noop)).toMatchObject({ status: "failed", retryable: true });
    fake.hangNext(1);
    expect(await carrier.purchase(labelRequest(), noop)).toMatchObject({ status: "failed", retryable: true });
  });

  it("never buys twice: a retry finds the transaction bought under its key", async () => {
    const req = labelRequest({ idempotencyKey: "crossback-shipment-twice" });
    let progress = { providerShipmentId: "", rateId: "" };
    const first = bought(
      await carrier.purchase(req, async (p) => {
        progress = p;
      }),
    );
    const before = fake.purchases().length;
    const again = bought(await carrier.purchase({ ...req, progress }, noop));
    expect(again).toMatchObject({ recovered: true, trackingNumber: first.trackingNumber });
    expect(fake.purchases().length).toBe(before);
  });

  it("verifies Shippo-Auth-Signature, the URL token and the timestamp", async () => {
    const label = bought(await carrier.purchase(labelRequest(), noop));
    fake.scan(label.trackingNumber, "TRANSIT", "Departed facility");
    const ev = fake.signedEvent(label.trackingNumber);
    const headers = { "shippo-auth-signature": ev.signature };
    const r = carrier.webhooks.receive(Buffer.from(ev.payload), headers, { token: "tok-1" });
    expect(r).toMatchObject({
      ok: true,
      value: [{ trackingNumber: label.trackingNumber, status: "in_transit" }],
    });
    expect(carrier.webhooks.receive(Buffer.from(ev.payload), headers, {}).ok).toBe(false);
    const forged = fake.signedEvent(label.trackingNumber, { secret: "guess" });
    expect(
      carrier.webhooks.receive(
        Buffer.from(forged.payload),
        { "shippo-auth-signature": forged.signature },
        { token: "tok-1" },
      ).ok,
    ).toBe(false);
    const old = fake.signedEvent(label.trackingNumber, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    const replay = carrier.webhooks.receive(
      Buffer.from(old.payload),
      { "shippo-auth-signature": old.signature },
      { token: "tok-1" },
    );
    expect(replay).toMatchObject({ ok: false, error: expect.stringContaining("replay") });
  });

  it("polls tracking history", async () => {
    const label = bought(await carrier.purchase(labelRequest(), noop));
    fake.scan(label.trackingNumber, "TRANSIT");
    fake.scan(label.trackingNumber, "DELIVERED");
    const updates = await carrier.track(label.trackingNumber, "ups");
    expect(updates?.map((u) => u.status)).toEqual(["in_transit", "delivered"]);
  });

  it("voids an unused label (refund QUEUED, once) and refuses once the parcel was scanned", async () => {
    const unused = bought(await carrier.purchase(labelRequest(), noop));
    expect(await carrier.voidLabel(unused)).toEqual({ status: "voided", providerStatus: "QUEUED" });
    expect(await carrier.voidLabel(unused)).toEqual({ status: "voided", providerStatus: "QUEUED" });
    expect(fake.refunds().filter((t) => t === unused.providerLabelId)).toHaveLength(1);
    const sent = JSON.parse(fake.requests.find((q) => q.path.startsWith("/refunds"))?.body ?? "{}");
    expect(sent).toEqual({ transaction: unused.providerLabelId, async: false });
    const used = bought(await carrier.purchase(labelRequest(), noop));
    fake.scan(used.trackingNumber, "TRANSIT");
    expect(await carrier.voidLabel(used)).toMatchObject({ status: "failed", reason: /ERROR/ });
    expect(await carrier.voidLabel({ providerShipmentId: null, providerLabelId: "nope" })).toMatchObject({
      status: "failed",
      reason: /400/,
    });
  });
});
