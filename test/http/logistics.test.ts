import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { easyPostCarrier } from "../../src/adapters/carriers/easypost-carrier.ts";
import { type EasyPostFake, startEasyPostFake } from "../../src/adapters/carriers/fakes/easypost-fake.ts";
import { pollTracking } from "../../src/app/logistics/tracking.ts";
import { pdfText } from "../adapters/documents/poppler.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { DAY, type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { decodePdf, decodePng } from "../support/zbar.ts";
import { gbOrder, setUpLogistics } from "./logistics-fixtures.ts";

describeEachDb("logistics API: routing, labels, customs papers, tracking", (kind) => {
  let h: Harness;
  let fake: EasyPostFake;
  let auth: string;
  const api = (method: "GET" | "POST" | "PUT", url: string, body?: unknown) =>
    call(h.app, auth, method, url, body);
  const events = async (id: string) =>
    ((await api("GET", `/api/v1/returns/${id}/events`)).body.items as Json[]).map((e) => e.type);

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
    ({ auth } = await merchantWithKey(h.deps, "logi"));
    await setUpLogistics(h, auth);
  });
  afterAll(async () => {
    await h.close();
    await fake.close();
  });

  it("previews the route: nearest accepting hub, and keep-it when returning costs more than it recovers", async () => {
    await api("PUT", "/api/v1/orders/DE-1", orderJson());
    const p = await api("POST", "/api/v1/returns/preview", {
      orderExternalId: "DE-1",
      lines: [{ orderLineExternalId: "L1", quantity: 2, reason: "wrong_size" }],
    });
    expect(p.status).toBe(200);
    const route = p.body.route as Json;
    expect(route).toMatchObject({
      destination: { type: "location", code: "DE-HUB" },
      rule: "highest_net_recovery",
    });
    const options = route.options as Json[];
    expect(options.find((o) => (o.destination as Json).code === "DE-HUB")).toMatchObject({
      label: { amount: "5.50" },
      handling: { amount: "2.00" },
      duties: { amount: "0.00" },
    });
    await api(
      "PUT",
      "/api/v1/orders/DE-2",
      orderJson({
        lines: [
          {
            externalId: "S1",
            sku: "SOCK-1",
            title: "Socks",
            quantity: 1,
            unitPrice: "6.00",
            tax: "0.96",
            discount: "0",
          },
        ],
        tenders: [
          {
            kind: "card",
            provider: "stripe",
            reference: "pi_s",
            amount: "10.90",
            capturedAt: "2026-03-01T09:00:05Z",
          },
        ],
        fulfilments: [
          {
            externalId: "F1",
            lines: [{ lineExternalId: "S1", quantity: 1 }],
            shippedAt: "2026-03-02T08:00:00Z",
            deliveredAt: "2026-03-03T12:00:00Z",
          },
        ],
      }),
    );
    const cheap = await api("POST", "/api/v1/returns/preview", {
      orderExternalId: "DE-2",
      lines: [{ orderLineExternalId: "S1", quantity: 1, reason: "changed_mind" }],
    });
    expect(cheap.body.route).toMatchObject({ destination: { type: "keep_it" }, rule: "keep_it_cheaper" });
    // Approving freezes the route: the socks stay with the shopper, nothing has to come back.
    const c = await api("POST", "/api/v1/returns", {
      orderExternalId: "DE-2",
      requestedResolution: "refund",
      lines: [{ orderLineExternalId: "S1", quantity: 1, reason: "changed_mind" }],
    });
    const approved = await api("POST", `/api/v1/returns/${c.body.id}/approve`, {});
    expect(approved.body).toMatchObject({ status: "approved", returnRequired: false });
    expect((await api("GET", `/api/v1/returns/${c.body.id}/route`)).body.route).toMatchObject({
      destination: { type: "keep_it" },
    });
  });

  it("refuses a label while customs data is missing, naming each field, and buys nothing", async () => {
    await api("PUT", "/api/v1/products/TEE-1", { title: "Linen tee", originCountry: "PT" });
    await api("PUT", "/api/v1/orders/GB-1", gbOrder());
    const c = await api("POST", "/api/v1/returns", {
      orderExternalId: "GB-1",
      requestedResolution: "refund",
      lines: [{ orderLineExternalId: "L1", quantity: 2, reason: "wrong_size" }],
    });
    await api("POST", `/api/v1/returns/${c.body.id}/approve`, {});
    const before = fake.purchases().length;
    const r = await api("POST", `/api/v1/returns/${c.body.id}/shipments`, {
      method: "carrier",
      carrier: "easypost",
    });
    expect(r.status).toBe(422);
    expect((r.body.errors as Json[]).map((e) => e.path)).toEqual([
      "customs.lines[0].hsCode",
      "customs.lines[0].weightGrams",
    ]);
    expect(fake.purchases().length).toBe(before);
    const bad = await api("POST", `/api/v1/returns/${c.body.id}/shipments`, { method: "self_ship" });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as Json[]).map((e) => e.path).sort()).toEqual(["carrierName", "trackingNumber"]);
  });

  it("buys a cross-border label; PDFs and codes read back; the first carrier scan ships the case", async () => {
    await api("PUT", "/api/v1/products/TEE-1", {
      title: "Linen tee",
      category: "apparel",
      hsCode: "610910",
      originCountry: "PT",
      weightGrams: 180,
    });
    await api("PUT", "/api/v1/orders/GB-2", gbOrder());
    const c = await api("POST", "/api/v1/returns", {
      orderExternalId: "GB-2",
      requestedResolution: "refund",
      lines: [{ orderLineExternalId: "L1", quantity: 2, reason: "defective" }],
    });
    const id = String(c.body.id);
    await api("POST", `/api/v1/returns/${id}/approve`, {});
    expect((await api("GET", `/api/v1/returns/${id}/route`)).body.route).toMatchObject({
      destination: { code: "NL-WH" },
    });
    const s = await api("POST", `/api/v1/returns/${id}/shipments`, {
      method: "carrier",
      carrier: "easypost",
    });
    expect(s.status).toBe(201);
    expect(s.body).toMatchObject({
      status: "label_created",
      carrierName: "DHLExpress",
      rule: "preferred:DHLExpress",
      destination: { code: "NL-WH" },
    });
    const tracking = String(s.body.trackingNumber);
    const customs = s.body.customs as Json;
    expect(customs.returnedGoodsRelief).toMatchObject({ eligible: true });
    expect(customs.euLowValueDuty).toMatchObject({
      applies: true,
      rule: "negligible_value_relief",
      amount: "0.00",
    });
    const label = s.body.label as Json;
    const pdf = (await h.app.inject({ url: String(label.pdf4x6Url), headers: { authorization: auth } }))
      .rawPayload;
    expect(pdfText(pdf)).toContain(`RMA ${c.body.number}`);
    expect(decodePdf(pdf)).toEqual(expect.arrayContaining([tracking, `CROSSBACK:RETURN:${s.body.code}`]));
    const a4 = (await h.app.inject({ url: String(label.pdfA4Url), headers: { authorization: auth } }))
      .rawPayload;
    expect(pdfText(a4)).toContain("Cut along the dashed line");
    const qr = await h.app.inject({ url: String(label.qrCodeUrl), headers: { authorization: auth } });
    expect(qr.headers["content-type"]).toBe("image/png");
    expect(decodePng(qr.rawPayload)).toEqual([`CROSSBACK:RETURN:${s.body.code}`]);
    const invoice = pdfText(
      (await h.app.inject({ url: String(customs.commercialInvoiceUrl), headers: { authorization: auth } }))
        .rawPayload,
    );
    for (const t of [
      "RETURNED GOODS",
      "610910",
      "PT",
      "JJD0001234",
      "NL123456789",
      "90.00 GBP",
      "Returns desk, Northwind",
      String(c.body.number),
      "Art. 203",
    ])
      expect(invoice).toContain(t);
    const cn23 = pdfText(
      (await h.app.inject({ url: String(customs.cn23Url), headers: { authorization: auth } })).rawPayload,
    );
    expect(cn23).toContain("CN 23");
    expect(cn23).toContain("Returned goods");
    expect((await api("GET", `/api/v1/returns/${id}`)).body.status).toBe("awaiting_shipment");

    // The carrier's first scan arrives as a signed webhook: the case ships. A replay and a forgery change nothing.
    fake.scan(tracking, "in_transit", "Picked up", h.clock.now());
    const ev = fake.signedEvent(tracking);
    const post = (payload: string, signature: string) =>
      h.app.inject({
        method: "POST",
        url: "/api/webhooks/carriers/easypost",
        payload,
        headers: { "content-type": "application/json", "x-hmac-signature": signature },
      });
    expect((await post(ev.payload, ev.signature)).statusCode).toBe(200);
    const shipped = await api("GET", `/api/v1/returns/${id}`);
    expect(shipped.body.status).toBe("in_transit");
    const n = (await events(id)).length;
    expect((await post(ev.payload, ev.signature)).json()).toMatchObject({ applied: 0 });
    const forged = fake.signedEvent(tracking, { secret: "wrong" });
    expect((await post(forged.payload, forged.signature)).statusCode).toBe(400);
    expect((await events(id)).length).toBe(n);

    // Polling sees nothing new; eleven days later the parcel is past its lane estimate (5 + 2 days + 1 grace).
    h.clock.advance(11 * DAY);
    const polled = await pollTracking(h.deps);
    expect(polled.delayed).toBeGreaterThanOrEqual(1);
    expect(await events(id)).toContain("case.delayed");

    // The cost of returns (issue 12 point 7): what the labels cost, per currency and carrier, as counted
    // from the shipments themselves.
    const paid = (
      (await h.database.db.execute(
        sql`select cost_currency as currency, sum(cost)::int as cost, count(*)::int as labels from return_shipments
          where cost is not null and status not in ('purchasing', 'failed', 'voided', 'expired') group by 1 order by 1`,
      )) as unknown as { rows: { currency: string; cost: number; labels: number }[] }
    ).rows;
    expect(paid.length).toBeGreaterThan(0);
    const costs = await api("GET", "/api/v1/reports/costs?from=2026-03-01&to=2026-04-30");
    expect(costs.status, JSON.stringify(costs.body)).toBe(200);
    expect(
      (costs.body.totals as Json[]).map((t) => ({
        currency: t.currency,
        cost: t.costMinor,
        labels: t.labels,
      })),
    ).toEqual(paid);
  });

  it("answers bad input with 400, 404 or 422 naming the field, never 500", async () => {
    await api("PUT", "/api/v1/orders/DE-BAD", orderJson());
    const c = await api("POST", "/api/v1/returns", {
      orderExternalId: "DE-BAD",
      requestedResolution: "refund",
      lines: [{ orderLineExternalId: "L2", quantity: 1, reason: "wrong_size" }],
    });
    const id = String(c.body.id);
    const cases: [string, string, unknown, number, string][] = [
      [
        "PUT",
        "/api/v1/locations/X",
        { kind: "depot", name: "x", country: "DE", address: { line1: "a", city: "b", postalCode: "c" } },
        400,
        "kind",
      ],
      [
        "PUT",
        "/api/v1/locations/X",
        { kind: "hub", name: "x", country: "XX", address: { line1: "a", city: "b", postalCode: "c" } },
        400,
        "country",
      ],
      [
        "PUT",
        "/api/v1/locations/X",
        {
          kind: "hub",
          name: "x",
          country: "DE",
          address: { line1: "a", city: "b", postalCode: "c" },
          handlingPerUnit: { amount: "1.234", currency: "EUR" },
        },
        400,
        "handlingPerUnit.amount",
      ],
      ["PUT", "/api/v1/locations/bad code!", { kind: "hub" }, 400, "params.code"],
      [
        "PUT",
        "/api/v1/logistics/settings",
        { carrierRules: { DE: { rule: "preferred" } } },
        400,
        "carrierRules.DE.carrier",
      ],
      ["POST", `/api/v1/returns/${id}/shipments`, { method: "teleport" }, 400, "method"],
      ["POST", `/api/v1/returns/${id}/shipments`, { method: "qr_dropoff" }, 422, "status"],
      [
        "POST",
        `/api/v1/returns/${id}/shipments`,
        { method: "carrier", carrier: "easypost", lines: [{ lineId: "x", quantity: 0 }] },
        400,
        "lines[0].lineId",
      ],
      ["POST", "/api/v1/hubs/DE-HUB/parcels", { code: "NOPE-123" }, 422, "code"],
      ["POST", "/api/v1/hubs/DE-HUB/bags/BAG-NONE/items", { licencePlate: "LP-1" }, 404, ""],
      ["POST", "/api/v1/hubs/DE-HUB/pallets", { bags: [] }, 400, "bags"],
      ["POST", "/api/v1/consolidations/not-a-uuid/receipt", { bags: [] }, 404, ""],
      [
        "POST",
        "/api/v1/duty-recovery/00000000-0000-7000-8000-000000000000/claim",
        { reference: "" },
        400,
        "reference",
      ],
    ];
    for (const [method, url, body, status, path] of cases) {
      const r = await api(method as "POST" | "PUT", url, body);
      expect(r.status, `${method} ${url} ${JSON.stringify(r.body)}`).toBe(status);
      if (path)
        expect(
          (r.body.errors as Json[]).map((e) => e.path),
          url,
        ).toContain(path);
    }
    const garbage = await h.app.inject({
      method: "POST",
      url: `/api/v1/returns/${id}/shipments`,
      payload: "{not json",
      headers: { authorization: auth, "content-type": "application/json" },
    });
    expect(garbage.statusCode).toBe(400);
  });
});
