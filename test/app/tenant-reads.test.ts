import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDb } from "../support/databases.ts";
import { call, orderJson } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

/**
 * Issue 7 point 4: repository reads that used to take only an id (the order's held units and returned
 * quantities, a location by id) take the merchant id too: merchant A's id never reads merchant B's rows.
 * Both merchants have an order with the same external id and a return of one unit of it.
 */
describeEachDb("tenant-scoped repository reads", (kind) => {
  let h: Harness;
  type Seen = { merchantId: string; orderId: string; locationId: string; caseId: string; endpointId: string };
  const none: Seen = { merchantId: "", orderId: "", locationId: "", caseId: "", endpointId: "" };
  const m: Record<"a" | "b", Seen> = { a: { ...none }, b: { ...none } };
  beforeAll(async () => {
    h = await startHarness(kind);
    for (const key of ["a", "b"] as const) {
      const { merchantId, auth } = await merchantWithKey(h.deps, `tenant-${key}`);
      const api = (method: "PUT" | "POST", url: string, body: unknown) =>
        call(h.app, auth, method, url, body);
      expect((await api("PUT", "/api/v1/orders/ORD-1", orderJson())).status).toBe(201);
      const c = await api("POST", "/api/v1/returns", {
        orderExternalId: "ORD-1",
        lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
        requestedResolution: "refund",
      });
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      const l = await api("PUT", "/api/v1/locations/WH", {
        kind: "warehouse",
        name: `Warehouse ${key}`,
        country: "NL",
        address: { line1: "Logistiekweg 4", city: "Venlo", postalCode: "5928 LB" },
        accepts: ["*"],
      });
      expect(l.status, JSON.stringify(l.body)).toBeLessThan(300);
      const e = await api("POST", "/api/v1/webhook-endpoints", {
        url: "https://hooks.example.com/crossback",
        eventTypes: ["return.approved"],
      });
      expect(e.status, JSON.stringify(e.body)).toBe(201);
      const order = await h.deps.store.read.orders.get(merchantId, "ORD-1");
      const location = await h.deps.store.read.locations.byCode(merchantId, "WH");
      m[key] = {
        merchantId,
        orderId: order?.id ?? "",
        locationId: location?.id ?? "",
        caseId: String(c.body.id),
        endpointId: String(e.body.id),
      };
    }
  });
  afterAll(() => h.close());

  it("held units of an order: only with the order's own merchant", async () => {
    const r = h.deps.store.read;
    expect([...(await r.cases.heldByOrder(m.b.merchantId, m.b.orderId, null)).values()]).toEqual([1]);
    expect((await r.cases.heldByOrder(m.a.merchantId, m.b.orderId, null)).size).toBe(0);
    expect([...(await r.cases.heldByOrder(m.a.merchantId, m.a.orderId, null)).values()]).toEqual([1]);
  });

  it("an order with the units its other cases hold: only with the order's own merchant", async () => {
    const r = h.deps.store.read;
    const found = await r.orders.withHeld(
      m.b.merchantId,
      m.b.orderId,
      "00000000-0000-0000-0000-000000000000",
    );
    expect(found?.order).toEqual(await r.orders.getById(m.b.merchantId, m.b.orderId));
    expect(found?.held).toEqual(await r.cases.heldByOrder(m.b.merchantId, m.b.orderId, null));
    expect([...(found?.held.values() ?? [])]).toEqual([1]);
    // The case itself is left out, as heldByOrder leaves it out.
    const without = await r.orders.withHeld(m.b.merchantId, m.b.orderId, m.b.caseId);
    expect(without?.held).toEqual(await r.cases.heldByOrder(m.b.merchantId, m.b.orderId, m.b.caseId));
    expect(without?.held.size).toBe(0);
    expect(await r.orders.withHeld(m.a.merchantId, m.b.orderId, m.b.caseId)).toBeNull();
  });

  it("the return inputs with the next case number, taken in the same read: only with the order's own merchant", async () => {
    const r = h.deps.store.read;
    const first = await r.orders.forNewReturn(m.b.merchantId, "ORD-1");
    const inputs = await r.orders.forReturn(m.b.merchantId, "ORD-1");
    expect(first && { ...first, number: 0 }).toEqual(inputs && { ...inputs, number: 0 });
    const second = await r.orders.forNewReturn(m.b.merchantId, "ORD-1");
    expect(second?.number).toBe((first?.number ?? 0) + 1);
    // No such order (another merchant's is not this merchant's): nothing read, no number taken.
    expect(await r.orders.forNewReturn(m.a.merchantId, m.b.orderId)).toBeNull();
    expect(await r.orders.forNewReturn(m.b.merchantId, "ORD-404")).toBeNull();
    expect(await r.cases.nextNumber(m.b.merchantId)).toBe((second?.number ?? 0) + 1);
  });

  it("returned line quantities of an order: only with the order's own merchant", async () => {
    const r = h.deps.store.read;
    expect([...(await r.orders.returnedLineQuantities(m.b.merchantId, m.b.orderId)).values()]).toEqual([1]);
    expect((await r.orders.returnedLineQuantities(m.a.merchantId, m.b.orderId)).size).toBe(0);
  });

  it("an order by id or external id, and one tender of it: only with the order's own merchant", async () => {
    const r = h.deps.store.read;
    const order = await r.orders.getById(m.b.merchantId, m.b.orderId);
    expect([order?.id, order?.externalId]).toEqual([m.b.orderId, "ORD-1"]);
    expect((await r.orders.get(m.b.merchantId, "ORD-1"))?.id).toBe(m.b.orderId);
    expect(await r.orders.getById(m.a.merchantId, m.b.orderId)).toBeNull();
    expect((await r.orders.get(m.a.merchantId, "ORD-1"))?.id).toBe(m.a.orderId);
    const [tender] = order?.tenders ?? [];
    if (!tender) throw new Error("the fixture's order has a tender");
    expect(await r.orders.tender(m.b.merchantId, m.b.orderId, tender.id)).toEqual({
      tender,
      placedAt: order?.placedAt,
    });
    // No such tender (or none named): the order's placing time alone; another merchant: nothing.
    expect(await r.orders.tender(m.b.merchantId, m.b.orderId, null)).toEqual({
      tender: null,
      placedAt: order?.placedAt,
    });
    expect(await r.orders.tender(m.a.merchantId, m.b.orderId, tender.id)).toBeNull();
  });

  it("a case locked for its events: only with its own merchant", async () => {
    const own = await h.deps.store.transaction((r) => r.cases.lockForEvents(m.b.merchantId, m.b.caseId));
    expect(own).toEqual({ id: m.b.caseId, merchantId: m.b.merchantId, status: "requested" });
    expect(
      await h.deps.store.transaction((r) => r.cases.lockForEvents(m.a.merchantId, m.b.caseId)),
    ).toBeNull();
  });

  it("a case with its customer: only with its own merchant", async () => {
    const r = h.deps.store.read;
    const found = (await r.cases.loadWithCustomers(m.b.merchantId, [m.b.caseId])).get(m.b.caseId) ?? null;
    const c = await r.cases.load(m.b.merchantId, m.b.caseId);
    expect(found?.case).toEqual(c);
    expect(found?.customer).toEqual(await r.customers.get(m.b.merchantId, c?.customerId ?? ""));
    expect(found?.customer?.email).toBe("ana@example.de");
    expect(
      (await r.cases.loadWithCustomers(m.a.merchantId, [m.b.caseId])).get(m.b.caseId) ?? null,
    ).toBeNull();
  });

  it("a location by id: only with its own merchant", async () => {
    const r = h.deps.store.read;
    expect((await r.locations.byId(m.b.merchantId, m.b.locationId))?.name).toBe("Warehouse b");
    expect(await r.locations.byId(m.a.merchantId, m.b.locationId)).toBeNull();
  });

  it("a survey answer, a platform mirror and a delivery's attempts: only with their own merchant", async () => {
    const r = h.deps.store.read;
    const at = new Date("2026-12-06T12:00:00Z");
    const b = m.b;
    await r.surveys.insert({
      caseId: b.caseId,
      merchantId: b.merchantId,
      score: 4,
      market: null,
      vendor: null,
      reasons: ["changed_mind"],
      comment: null,
      createdAt: at,
    });
    expect((await r.surveys.get(b.merchantId, b.caseId))?.score).toBe(4);
    expect(await r.surveys.get(m.a.merchantId, b.caseId)).toBeNull();

    const mirror = { caseId: b.caseId, platform: "shopify", step: "request" } as const;
    await r.platforms.putMirror({
      ...mirror,
      merchantId: b.merchantId,
      platformId: "gid://1",
      detail: {},
      createdAt: at,
    });
    expect((await r.platforms.mirror(b.merchantId, b.caseId, "shopify", "request"))?.platformId).toBe(
      "gid://1",
    );
    expect(await r.platforms.mirror(m.a.merchantId, b.caseId, "shopify", "request")).toBeNull();

    const delivery = await r.webhookDeliveries.ensure({
      id: h.deps.ids.next(),
      merchantId: b.merchantId,
      endpointId: b.endpointId,
      caseId: b.caseId,
      eventId: null,
      type: "return.approved",
      payload: {},
      status: "failed",
      attempts: 1,
      lastStatus: 500,
      lastError: "HTTP 500",
      createdAt: at,
      deliveredAt: null,
    });
    const attempt = {
      id: h.deps.ids.next(),
      deliveryId: delivery.id,
      at,
      ok: false,
      statusCode: 500,
      error: "HTTP 500",
      replay: false,
    };
    await r.webhookDeliveries.recordAttempt(delivery, attempt);
    expect((await r.webhookDeliveries.attempts(b.merchantId, delivery.id)).map((x) => x.id)).toEqual([
      attempt.id,
    ]);
    expect(await r.webhookDeliveries.attempts(m.a.merchantId, delivery.id)).toEqual([]);
  });

  it("an endpoint's failure count and disabling: only with its own merchant", async () => {
    const r = h.deps.store.read;
    const at = new Date("2026-12-06T12:00:00Z");
    expect(await r.webhookEndpoints.recordFailure(m.a.merchantId, m.b.endpointId, at)).toBeNull();
    expect(await r.webhookEndpoints.disable(m.a.merchantId, m.b.endpointId, "test", at)).toBe(false);
    expect((await r.webhookEndpoints.get(m.b.merchantId, m.b.endpointId))?.enabled).toBe(true);
    expect(
      (await r.webhookEndpoints.recordFailure(m.b.merchantId, m.b.endpointId, at))?.consecutiveFailures,
    ).toBe(1);
  });
});
