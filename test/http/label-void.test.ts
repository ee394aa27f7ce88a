import { afterAll, beforeAll, expect, it } from "vitest";
import { easyPostCarrier } from "../../src/adapters/carriers/easypost-carrier.ts";
import { type EasyPostFake, startEasyPostFake } from "../../src/adapters/carriers/fakes/easypost-fake.ts";
import { expireUnusedLabels } from "../../src/app/logistics/void-label.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json } from "../support/fixtures.ts";
import { DAY, type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { gbOrder, setUpLogistics } from "./logistics-fixtures.ts";

describeEachDb("unused labels: voided on request, expired after their validity or their case", (kind) => {
  let h: Harness;
  let fake: EasyPostFake;
  let auth: string;
  let n = 0;
  const api = (method: "GET" | "POST" | "PUT", url: string, body?: unknown) =>
    call(h.app, auth, method, url, body);
  const events = async (id: string) =>
    ((await api("GET", `/api/v1/returns/${id}/events`)).body.items as Json[]).map((e) => e.type);

  /** An approved cross-border return of one order line, ready to ship. */
  const approvedCase = async (): Promise<string> => {
    n += 1;
    await api("PUT", `/api/v1/orders/VOID-${n}`, gbOrder());
    const c = await api("POST", "/api/v1/returns", {
      orderExternalId: `VOID-${n}`,
      requestedResolution: "refund",
      lines: [{ orderLineExternalId: "L1", quantity: 2, reason: "defective" }],
    });
    expect(c.status).toBe(201);
    await api("POST", `/api/v1/returns/${c.body.id}/approve`, {});
    return String(c.body.id);
  };
  const label = async (id: string, method = "carrier") => {
    const s = await api("POST", `/api/v1/returns/${id}/shipments`, {
      method,
      ...(method === "carrier" ? { carrier: "easypost" } : {}),
    });
    expect(s.status).toBe(201);
    return s.body;
  };

  beforeAll(async () => {
    fake = await startEasyPostFake();
    h = await startHarness(kind, {
      carriers: [
        easyPostCarrier({
          apiKey: fake.apiKey,
          webhookSecret: fake.webhookSecret,
          baseUrl: `${fake.url}/v2/`,
          timeoutMs: 2000,
        }),
      ],
    });
    ({ auth } = await merchantWithKey(h.deps, "void"));
    await setUpLogistics(h, auth);
    await api("PUT", "/api/v1/products/TEE-1", {
      title: "Linen tee",
      category: "apparel",
      hsCode: "610910",
      originCountry: "PT",
      weightGrams: 180,
    });
  });
  afterAll(async () => {
    await h.close();
    await fake.close();
  });

  it("voids an unused label at the carrier once; the units can ship on a new label", async () => {
    const id = await approvedCase();
    const s = await label(id);
    const url = `/api/v1/returns/${id}/shipments/${s.id}/void`;
    const voided = await api("POST", url);
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({ id: s.id, status: "voided" });
    expect(fake.refunds()).toHaveLength(1);
    expect(fake.shipments().find((x) => x.tracking_code === s.trackingNumber)?.refund_status).toBe(
      "submitted",
    );
    expect(await events(id)).toContain("shipment.voided");
    const again = await api("POST", url);
    expect(again.status).toBe(200);
    expect(fake.refunds().length).toBe(1);
    expect((await events(id)).filter((e) => e === "shipment.voided")).toHaveLength(1);
    expect((await label(id)).status).toBe("label_created");
  });

  it("refuses to void a label the carrier has scanned (409), and another merchant's (404)", async () => {
    const id = await approvedCase();
    const s = await label(id);
    fake.scan(String(s.trackingNumber), "in_transit", "Picked up", h.clock.now());
    const ev = fake.signedEvent(String(s.trackingNumber));
    await h.app.inject({
      method: "POST",
      url: "/api/webhooks/carriers/easypost",
      payload: ev.payload,
      headers: { "content-type": "application/json", "x-hmac-signature": ev.signature },
    });
    const refunds = fake.refunds().length;
    const r = await api("POST", `/api/v1/returns/${id}/shipments/${s.id}/void`);
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: "shipment_not_voidable", shipmentStatus: "in_transit" });
    expect(fake.refunds().length).toBe(refunds);
    const other = await merchantWithKey(h.deps, "void-other");
    const foreign = await call(h.app, other.auth, "POST", `/api/v1/returns/${id}/shipments/${s.id}/void`);
    expect(foreign.status).toBe(404);
  });

  it("expires labels left unused past the merchant's validity, and those of a cancelled return", async () => {
    await api("PUT", "/api/v1/logistics/settings", {
      ...((await api("GET", "/api/v1/logistics/settings")).body as Json),
      labelValidityDays: 10,
    });
    const stale = await approvedCase();
    const old = await label(stale);
    const cancelled = await approvedCase();
    const qr = await label(cancelled, "qr_dropoff");
    expect((await api("POST", `/api/v1/returns/${cancelled}/cancel`, {})).status).toBe(200);
    const fresh = await approvedCase();
    h.clock.advance(9 * DAY);
    const young = await label(fresh);
    expect(await expireUnusedLabels(h.deps)).toBe(1);
    expect((await api("GET", `/api/v1/returns/${cancelled}/shipments/${qr.id}`)).body.status).toBe("expired");
    h.clock.advance(2 * DAY);
    expect(await expireUnusedLabels(h.deps)).toBe(1);
    const after = await api("GET", `/api/v1/returns/${stale}/shipments/${old.id}`);
    expect(after.body.status).toBe("expired");
    expect(fake.shipments().find((x) => x.tracking_code === old.trackingNumber)?.refund_status).toBe(
      "submitted",
    );
    expect(await events(stale)).toContain("shipment.expired");
    expect((await api("GET", `/api/v1/returns/${fresh}/shipments/${young.id}`)).body.status).toBe(
      "label_created",
    );
    expect(await expireUnusedLabels(h.deps)).toBe(0);
  });
});
