import { afterAll, beforeAll, expect, it } from "vitest";
import { type ShippoFake, startShippoFake } from "../../src/adapters/carriers/fakes/shippo-fake.ts";
import { shippoCarrier } from "../../src/adapters/carriers/shippo-carrier.ts";
import { pdfText } from "../adapters/documents/poppler.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { gbOrder, setUpLogistics } from "./logistics-fixtures.ts";

describeEachDb("Shippo labels, tracking webhooks and the duty recovery ledger", (kind) => {
  let h: Harness;
  let fake: ShippoFake;
  let auth: string;
  const api = (method: "GET" | "POST" | "PUT", url: string, body?: unknown) =>
    call(h.app, auth, method, url, body);

  beforeAll(async () => {
    fake = await startShippoFake();
    h = await startHarness(kind, {
      carriers: [
        shippoCarrier({
          apiKey: fake.apiKey,
          webhookSecret: fake.webhookSecret,
          serverURL: fake.url,
          timeoutMs: 2000,
        }),
      ],
    });
    ({ auth } = await merchantWithKey(h.deps, "duty"));
    await setUpLogistics(h, auth);
  });
  afterAll(async () => {
    await h.close();
    await fake.close();
  });

  it("a US return: Shippo label, scans by webhook, receipt at the warehouse, drawback claimed and recovered, claim pack", async () => {
    await api(
      "PUT",
      "/api/v1/orders/US-1",
      gbOrder({
        currency: "USD",
        customer: {
          email: "jo@example.com",
          name: "Jo Miller",
          locale: "en-US",
          timeZone: "America/New_York",
        },
        shippingAddress: {
          country: "US",
          region: "NY",
          postalCode: "10001",
          city: "New York",
          line1: "5 Main St",
        },
        lines: [
          {
            externalId: "L1",
            sku: "TEE-1",
            title: "Linen tee",
            quantity: 2,
            unitPrice: "50.00",
            tax: "0",
            discount: "0",
          },
        ],
        duties: { amount: "20.00", paidBy: "customer", incoterm: "DAP" },
        tenders: [
          {
            kind: "card",
            provider: "stripe",
            reference: "pi_us",
            amount: "125.00",
            capturedAt: "2026-03-01T09:00:05Z",
          },
        ],
      }),
    );
    const c = await api("POST", "/api/v1/returns", {
      orderExternalId: "US-1",
      requestedResolution: "refund",
      lines: [{ orderLineExternalId: "L1", quantity: 2, reason: "changed_mind" }],
    });
    const id = String(c.body.id);
    await api("POST", `/api/v1/returns/${id}/approve`, {});
    const s = await api("POST", `/api/v1/returns/${id}/shipments`, { method: "carrier", carrier: "shippo" });
    expect(s.status, JSON.stringify(s.body)).toBe(201);
    expect(s.body).toMatchObject({
      carrier: "shippo",
      status: "label_created",
      destination: { code: "NL-WH" },
      customs: { returnedGoodsRelief: { eligible: true } },
    });
    const tracking = String(s.body.trackingNumber);

    const hook = async (status: "TRANSIT" | "DELIVERED") => {
      fake.scan(tracking, status, status, h.clock.now());
      const ev = fake.signedEvent(tracking, { timestamp: Math.floor(Date.now() / 1000) });
      return h.app.inject({
        method: "POST",
        url: "/api/webhooks/carriers/shippo",
        payload: ev.payload,
        headers: { "content-type": "application/json", "shippo-auth-signature": ev.signature },
      });
    };
    expect((await hook("TRANSIT")).statusCode).toBe(200);
    expect((await api("GET", `/api/v1/returns/${id}`)).body.status).toBe("in_transit");
    expect((await hook("DELIVERED")).statusCode).toBe(200);
    const detail = await api("GET", `/api/v1/returns/${id}/shipments/${s.body.id}`);
    expect(detail.body.status).toBe("delivered");
    expect((detail.body.tracking as Json[]).map((t) => t.trackingStatus)).toEqual([
      "in_transit",
      "delivered",
    ]);
    // The policy refunds at inspection: delivery alone does not receive; the warehouse scan does.
    expect((await api("GET", `/api/v1/returns/${id}`)).body.status).toBe("in_transit");
    const scan = await api("POST", "/api/v1/hubs/NL-WH/parcels", { code: tracking });
    expect(scan.status).toBe(201);
    expect((await api("GET", `/api/v1/returns/${id}`)).body.status).toBe("received");

    const ledger = await api("GET", `/api/v1/duty-recovery?caseId=${id}`);
    expect(ledger.body.items).toMatchObject([
      {
        regime: "US_DRAWBACK",
        state: "recoverable",
        paid: { amount: "20.00", currency: "USD" },
        recoverable: { amount: "19.80" },
        evidence: { exportReference: "JJD0001234", returnTracking: [tracking] },
      },
    ]);
    const claimId = String((ledger.body.items as Json[])[0]?.id);
    const pack = await h.app.inject({
      url: "/api/v1/duty-recovery/claim-pack?regime=US_DRAWBACK&format=csv",
      headers: { authorization: auth },
    });
    const rows = pack.body.split("\r\n").filter(Boolean);
    expect(rows[0]).toContain("claim_id,regime,state");
    expect(rows[1]).toContain(`${claimId},US_DRAWBACK,recoverable`);
    expect(rows[1]).toContain("JJD0001234");
    const pdf = pdfText(
      (
        await h.app.inject({
          url: "/api/v1/duty-recovery/claim-pack?regime=US_DRAWBACK&format=pdf",
          headers: { authorization: auth },
        })
      ).rawPayload,
    );
    expect(pdf).toContain("DUTY RECOVERY CLAIM PACK");
    expect(pdf).toContain("1313");
    expect(pdf).toContain("19.80 USD");

    expect(
      (
        await api("POST", `/api/v1/duty-recovery/${claimId}/recovered`, {
          amount: { amount: "19.80", currency: "USD" },
        })
      ).status,
    ).toBe(422);
    expect(
      (await api("POST", `/api/v1/duty-recovery/${claimId}/claim`, { reference: "ACE-DRAWBACK-1" })).body,
    ).toMatchObject({ state: "claimed", claimReference: "ACE-DRAWBACK-1" });
    expect(
      (
        await api("POST", `/api/v1/duty-recovery/${claimId}/recovered`, {
          amount: { amount: "19.800", currency: "USD" },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api("POST", `/api/v1/duty-recovery/${claimId}/recovered`, {
          amount: { amount: "19.80", currency: "USD" },
        })
      ).body,
    ).toMatchObject({ state: "recovered", recovered: { amount: "19.80" } });
    const totals = (await api("GET", "/api/v1/duty-recovery?regime=US_DRAWBACK")).body.totals;
    expect(totals).toMatchObject([
      { regime: "US_DRAWBACK", currency: "USD", paid: "20.00", recovered: "19.80", recoverable: "0.00" },
    ]);
  });

  it("a UK change-of-mind return is recorded as lost under C285, with the reason", async () => {
    await api("PUT", "/api/v1/orders/GB-9", gbOrder());
    const c = await api("POST", "/api/v1/returns", {
      orderExternalId: "GB-9",
      requestedResolution: "refund",
      lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
    });
    await api("POST", `/api/v1/returns/${c.body.id}/approve`, {});
    await api("POST", `/api/v1/returns/${c.body.id}/receive`, {
      locationCode: "NL-WH",
      lines: [{ lineId: (c.body.lines as Json[])[0]?.id, quantity: 1 }],
    });
    const ledger = await api("GET", `/api/v1/duty-recovery?caseId=${c.body.id}`);
    expect(ledger.body.items).toMatchObject([
      {
        regime: "UK_C285",
        state: "lost",
        paid: { amount: "6.00", currency: "GBP" },
        recoverable: { amount: "0.00" },
      },
    ]);
    expect(String((ledger.body.items as Json[])[0]?.lostReason)).toContain("only defective");
  });

  it("an EU sale under IOSS: the VAT refunded with the price is a row to correct in the IOSS return", async () => {
    const settings = (await api("GET", "/api/v1/logistics/settings")).body as Json;
    const customs = settings.customs as Json;
    const importer = { ...(customs.importer as Json), iossNumber: "IM5280012345" };
    expect(
      (await api("PUT", "/api/v1/logistics/settings", { ...settings, customs: { ...customs, importer } }))
        .status,
    ).toBe(200);
    await api("PUT", "/api/v1/orders/DE-IOSS", orderJson());
    const c = await api("POST", "/api/v1/returns", {
      orderExternalId: "DE-IOSS",
      requestedResolution: "refund",
      lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
    });
    await api("POST", `/api/v1/returns/${c.body.id}/approve`, {});
    await api("POST", `/api/v1/returns/${c.body.id}/receive`, {
      locationCode: "DE-HUB",
      lines: [{ lineId: (c.body.lines as Json[])[0]?.id, quantity: 1 }],
    });
    const ledger = await api("GET", `/api/v1/duty-recovery?caseId=${c.body.id}`);
    expect(ledger.body.items).toMatchObject([
      {
        regime: "IOSS_VAT",
        state: "recoverable",
        paid: { amount: "7.17", currency: "EUR" },
        recoverable: { amount: "7.17" },
      },
    ]);
  });

  it.each([
    [
      "CA",
      "CAD",
      "CA_B2G",
      "B2G",
      { country: "CA", postalCode: "M5V 2T6", city: "Toronto", line1: "1 King St W", region: "ON" },
    ],
    [
      "AU",
      "AUD",
      "AU_DRAWBACK",
      "drawback",
      { country: "AU", postalCode: "2000", city: "Sydney", line1: "1 George St", region: "NSW" },
    ],
  ])(
    "a %s change-of-mind return: the duty paid is recoverable in full under %s",
    async (country, currency, regime, cite, address) => {
      const ext = `${country}-DUTY`;
      await api("PUT", `/api/v1/orders/${ext}`, gbOrder({ currency, shippingAddress: address }));
      const c = await api("POST", "/api/v1/returns", {
        orderExternalId: ext,
        requestedResolution: "refund",
        lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
      });
      expect(c.status).toBe(201);
      await api("POST", `/api/v1/returns/${c.body.id}/approve`, {});
      await api("POST", `/api/v1/returns/${c.body.id}/receive`, {
        locationCode: "NL-WH",
        lines: [{ lineId: (c.body.lines as Json[])[0]?.id, quantity: 1 }],
      });
      const ledger = await api("GET", `/api/v1/duty-recovery?caseId=${c.body.id}`);
      expect(ledger.body.items).toMatchObject([
        {
          regime,
          state: "recoverable",
          paid: { amount: "6.00", currency },
          recoverable: { amount: "6.00", currency },
        },
      ]);
      expect(String((ledger.body.items as Json[])[0]?.citation)).toContain(cite);
    },
  );
});
