import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { easyPostCarrier } from "../../../src/adapters/carriers/easypost-carrier.ts";
import { type EasyPostFake, startEasyPostFake } from "../../../src/adapters/carriers/fakes/easypost-fake.ts";
import type { CarrierAdapter, PurchasedLabel } from "../../../src/app/logistics/ports.ts";
import { labelRequest } from "./label-request.ts";

let fake: EasyPostFake;
let carrier: CarrierAdapter;
const noop = async () => {};

beforeAll(async () => {
  fake = await startEasyPostFake();
  carrier = easyPostCarrier({
    apiKey: fake.apiKey,
    webhookSecret: fake.webhookSecret,
    baseUrl: `${fake.url}/v2/`,
    timeoutMs: 1500,
  });
});
afterAll(() => fake.close());

const bought = (r: Awaited<ReturnType<CarrierAdapter["purchase"]>>): PurchasedLabel => {
  if (r.status !== "purchased") throw new Error(`not purchased: ${r.reason}`);
  return r;
};

describe("EasyPost carrier against the local fake", () => {
  it("buys a return label with returned-goods customs and the cheapest rate", async () => {
    const seen: string[] = [];
    const r = bought(
      await carrier.purchase(labelRequest(), async (p) => void seen.push(p.providerShipmentId)),
    );
    expect(r).toMatchObject({
      carrierName: "UPS",
      service: "Standard",
      cost: { amount: 1840, currency: "EUR" },
      recovered: false,
    });
    expect(r.trackingNumber).toMatch(/^EZ/);
    expect(seen).toEqual([r.providerShipmentId]);
    const sent = JSON.parse(fake.requests.find((q) => q.path === "/v2/shipments")?.body ?? "{}").shipment;
    expect(sent.is_return).toBe(true);
    expect(sent.customs_info.contents_type).toBe("returned_goods");
    expect(sent.customs_info.customs_items[0]).toMatchObject({
      hs_tariff_number: "610910",
      origin_country: "PT",
      code: "TEE-1",
      quantity: 2,
      value: 79.8,
    });
    expect(fake.requests.at(-1)?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${fake.apiKey}:`).toString("base64")}`,
    );
  });

  it("applies fastest and preferred-carrier rules", async () => {
    expect(
      bought(await carrier.purchase(labelRequest({ rule: { rule: "fastest" } }), noop)).carrierName,
    ).toBe("DHLExpress");
    const pref = bought(
      await carrier.purchase(labelRequest({ rule: { rule: "preferred", carrier: "fedex" } }), noop),
    );
    expect(pref).toMatchObject({ carrierName: "FedEx", ruleApplied: "preferred:fedex" });
  });

  it("names the fields EasyPost refuses, and does not retry them", async () => {
    const req = labelRequest();
    const bad = {
      ...req,
      customs: req.customs && {
        ...req.customs,
        lines: req.customs.lines.map((l) => ({ ...l, hsCode: null })),
      },
    };
    const r = await carrier.purchase(bad, noop);
    expect(r).toMatchObject({ status: "failed", retryable: false });
    expect(r.status === "failed" && r.reason).toContain("customs_info.customs_items[0].hs_tariff_number");
  });

  it("reports outages and timeouts as retryable", async () => {
    fake.failNext(1, 503);
    expect(await carrier.purchase(labelRequest(), noop)).toMatchObject({ status: "failed", retryable: true });
    fake.hangNext(1);
    const r = await carrier.purchase(labelRequest(), noop);
    expect(r).toMatchObject({ status: "failed", retryable: true });
  });

  it("never buys twice: a retry after the answer was lost finds the bought label", async () => {
    let progress = { providerShipmentId: "", rateId: "" };
    const first = bought(
      await carrier.purchase(labelRequest(), async (p) => {
        progress = p;
      }),
    );
    const before = fake.purchases().length;
    // The process died after EasyPost bought the label, before Crossback recorded it: retry with the recorded ids.
    const again = bought(await carrier.purchase(labelRequest({ progress }), noop));
    expect(again).toMatchObject({ recovered: true, trackingNumber: first.trackingNumber });
    expect(fake.purchases().length).toBe(before);
    expect(fake.purchases().filter((p) => p.shipmentId === progress.providerShipmentId)).toHaveLength(1);
  });

  it("accepts signed tracker webhooks and rejects forged ones", async () => {
    const label = bought(await carrier.purchase(labelRequest(), noop));
    fake.scan(label.trackingNumber, "in_transit", "Accepted at origin facility");
    const ev = fake.signedEvent(label.trackingNumber);
    const ok = carrier.webhooks.receive(Buffer.from(ev.payload), { "x-hmac-signature": ev.signature }, {});
    expect(ok).toMatchObject({
      ok: true,
      value: [{ eventId: ev.id, trackingNumber: label.trackingNumber, status: "in_transit" }],
    });
    const forged = fake.signedEvent(label.trackingNumber, { secret: "not-the-secret" });
    expect(
      carrier.webhooks.receive(Buffer.from(forged.payload), { "x-hmac-signature": forged.signature }, {}).ok,
    ).toBe(false);
    const tampered = ev.payload.replace("in_transit", "delivered");
    expect(carrier.webhooks.receive(Buffer.from(tampered), { "x-hmac-signature": ev.signature }, {}).ok).toBe(
      false,
    );
    expect(carrier.webhooks.receive(Buffer.from(ev.payload), {}, {}).ok).toBe(false);
  });

  it("polls a tracker's history", async () => {
    const label = bought(await carrier.purchase(labelRequest(), noop));
    fake.scan(label.trackingNumber, "in_transit");
    fake.scan(label.trackingNumber, "delivered");
    const updates = await carrier.track(label.trackingNumber, label.carrierName);
    expect(updates?.map((u) => u.status)).toEqual(["in_transit", "delivered"]);
  });

  it("voids an unused label once (postage refund submitted) and refuses once the parcel moved", async () => {
    const unused = bought(await carrier.purchase(labelRequest(), noop));
    const first = await carrier.voidLabel(unused);
    expect(first).toEqual({ status: "voided", providerStatus: "submitted" });
    expect(await carrier.voidLabel(unused)).toEqual(first);
    expect(fake.refunds().filter((id) => id === unused.providerShipmentId)).toHaveLength(1);
    const used = bought(await carrier.purchase(labelRequest(), noop));
    fake.scan(used.trackingNumber, "in_transit");
    expect(await carrier.voidLabel(used)).toMatchObject({ status: "failed", reason: /rejected/ });
    expect(fake.refunds()).not.toContain(used.providerShipmentId);
    expect(
      await carrier.voidLabel({ providerShipmentId: "shp_unknown", providerLabelId: null }),
    ).toMatchObject({
      status: "failed",
      reason: /404/,
    });
  });
});
