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
  const m: Record<"a" | "b", { merchantId: string; orderId: string; locationId: string }> = {
    a: { merchantId: "", orderId: "", locationId: "" },
    b: { merchantId: "", orderId: "", locationId: "" },
  };
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
      const order = await h.deps.store.read.orders.get(merchantId, "ORD-1");
      const location = await h.deps.store.read.locations.byCode(merchantId, "WH");
      m[key] = { merchantId, orderId: order?.id ?? "", locationId: location?.id ?? "" };
    }
  });
  afterAll(() => h.close());

  it("held units of an order: only with the order's own merchant", async () => {
    const r = h.deps.store.read;
    expect([...(await r.cases.heldByOrder(m.b.merchantId, m.b.orderId, null)).values()]).toEqual([1]);
    expect((await r.cases.heldByOrder(m.a.merchantId, m.b.orderId, null)).size).toBe(0);
    expect([...(await r.cases.heldByOrder(m.a.merchantId, m.a.orderId, null)).values()]).toEqual([1]);
  });

  it("returned line quantities of an order: only with the order's own merchant", async () => {
    const r = h.deps.store.read;
    expect([...(await r.orders.returnedLineQuantities(m.b.merchantId, m.b.orderId)).values()]).toEqual([1]);
    expect((await r.orders.returnedLineQuantities(m.a.merchantId, m.b.orderId)).size).toBe(0);
  });

  it("a location by id: only with its own merchant", async () => {
    const r = h.deps.store.read;
    expect((await r.locations.byId(m.b.merchantId, m.b.locationId))?.name).toBe("Warehouse b");
    expect(await r.locations.byId(m.a.merchantId, m.b.locationId)).toBeNull();
  });
});
