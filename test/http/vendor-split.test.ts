import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { lookUp, portalCall, shopper } from "../support/portal.ts";

/** A return of two marketplace vendors' goods splits into one case per vendor (issue 10 point 6). */
describeEachDb("returns split by vendor", (kind) => {
  let h: Harness;
  let auth = "";
  let other = "";
  let merchantId = "";
  const api = (method: "GET" | "POST" | "PUT", url: string, body?: unknown, key = auth, headers = {}) =>
    call(h.app, key, method, url, body, headers);
  const casesOf = async (order: string) => {
    const o = await h.deps.store.read.orders.get(merchantId, order);
    return o ? h.deps.store.read.cases.list(merchantId, { orderId: o.id, limit: 10 }) : [];
  };
  const twoVendors = (order: string, resolution = "refund") => ({
    orderExternalId: order,
    lines: [
      { orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" },
      { orderLineExternalId: "L2", quantity: 1, reason: "changed_mind" },
    ],
    requestedResolution: resolution,
  });

  beforeAll(async () => {
    h = await startHarness(kind);
    ({ auth, merchantId } = await merchantWithKey(h.deps, "market"));
    other = (await merchantWithKey(h.deps, "elsewhere")).auth;
    // Kyoto's own policy: its goods come back for refund or store credit only, and are reviewed.
    const policy = await api("PUT", "/api/v1/policies/kyoto", {
      name: "Kyoto Ceramics",
      scope: { countries: ["*"], vendors: ["kyoto"] },
      window: { days: 45, from: "delivery" },
      resolutions: ["refund", "store_credit"],
      requireReview: true,
    });
    expect(policy.status, JSON.stringify(policy.body)).toBeLessThan(300);
    const address = { line1: "Sanjo 1", city: "Kyoto", postalCode: "600-8001" };
    const loc = await api("PUT", "/api/v1/locations/VND-KYOTO", {
      kind: "vendor",
      name: "Kyoto Ceramics returns",
      country: "JP",
      address,
      accepts: ["*"],
      vendor: "kyoto",
    });
    expect(loc.status, JSON.stringify(loc.body)).toBeLessThan(300);
    const wh = await api("PUT", "/api/v1/locations/WH-DE", {
      kind: "warehouse",
      name: "Berlin warehouse",
      country: "DE",
      address: { line1: "Lager 2", city: "Berlin", postalCode: "10115" },
      accepts: ["*"],
    });
    expect(wh.status, JSON.stringify(wh.body)).toBeLessThan(300);
    await h.deps.store.transaction(async (r) => {
      const kyoto = await r.setup.locationByCode(merchantId, "VND-KYOTO");
      await r.setup.insertVendor(merchantId, {
        id: h.deps.ids.next(),
        code: "kyoto",
        name: "Kyoto Ceramics",
        country: "JP",
        returnLocationId: kyoto?.id ?? null,
      });
      await r.setup.insertVendor(merchantId, {
        id: h.deps.ids.next(),
        code: "alpine",
        name: "Alpine Outfitters",
        country: "AT",
        returnLocationId: null,
      });
    });
    for (const [sku, vendor] of [
      ["TEE-1", "alpine"],
      ["CAP-1", "kyoto"],
    ])
      expect((await api("PUT", `/api/v1/products/${sku}`, { title: sku, vendor })).status).toBe(201);
    for (const id of ["S-1", "S-2", "S-3", "S-4"])
      expect((await api("PUT", `/api/v1/orders/${id}`, orderJson())).status).toBe(201);
  });
  afterAll(() => h?.close());

  it("previews the split, then opens one case per vendor with its own decision, linked by a group; a retry answers the same cases", async () => {
    const preview = await api("POST", "/api/v1/returns/preview", twoVendors("S-1"));
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const parts = (preview.body.split as { cases: Json[] }).cases;
    expect(parts.map((p) => [p.vendor, p.vendorName, p.eligible])).toEqual([
      ["alpine", "Alpine Outfitters", true],
      ["kyoto", "Kyoto Ceramics", true],
    ]);
    expect(await casesOf("S-1")).toEqual([]);

    const key = { "idempotency-key": "split-1" };
    const first = await api("POST", "/api/v1/returns", twoVendors("S-1"), auth, key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const group = first.body.group as { id: string; cases: Json[] };
    expect(group.cases.map((c) => [c.vendor, c.groupId, c.status])).toEqual([
      ["alpine", group.id, "requested"],
      ["kyoto", group.id, "needs_review"],
    ]);
    const [alpine = {}, kyoto = {}] = group.cases;
    expect(first.body.id).toBe(alpine.id);
    expect(alpine.number).not.toBe(kyoto.number);
    const policyOf = (c: Json) => (c.decision as { policies: Json[] }).policies;
    expect(policyOf(alpine)).not.toEqual(policyOf(kyoto));
    expect((kyoto.decision as { lines: Json[] }).lines.map((l) => l.orderLineExternalId)).toEqual(["L2"]);

    const again = await api("POST", "/api/v1/returns", twoVendors("S-1"), auth, key);
    expect(again.status).toBe(201);
    expect(again.res.headers["idempotent-replayed"]).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(await casesOf("S-1")).toHaveLength(2);

    // Another merchant sees neither case.
    for (const c of group.cases)
      expect((await api("GET", `/api/v1/returns/${c.id}`, undefined, other)).status).toBe(404);
    expect((await api("GET", `/api/v1/returns/${kyoto.id}`)).body.groupId).toBe(group.id);
  });

  it("keeps a single vendor's return as one case without a group", async () => {
    const one = await api("POST", "/api/v1/returns", {
      ...twoVendors("S-2"),
      lines: [{ orderLineExternalId: "L2", quantity: 1, reason: "changed_mind" }],
    });
    expect(one.status, JSON.stringify(one.body)).toBe(201);
    expect(one.body).toMatchObject({ vendor: "kyoto", groupId: null });
    expect(one.body.group).toBeUndefined();
  });

  it("opens nothing when the second vendor's case is refused (all or nothing)", async () => {
    const r = await api("POST", "/api/v1/returns", twoVendors("S-3", "keep_it"));
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body.code).toBe("not_eligible");
    expect(JSON.stringify(r.body)).toContain("L2");
    expect(await casesOf("S-3")).toEqual([]);
  });

  it("shows the shopper every case of the split with its vendor, address and status", async () => {
    const s = shopper("198.51.100.40");
    expect((await lookUp(h.app, s, "market", { orderNumber: "S-3", email: "ana@example.de" })).status).toBe(
      200,
    );
    const body = { ...twoVendors("S-3"), resolution: "refund", locale: "en" };
    const { orderExternalId: _, requestedResolution: __, ...portalBody } = body;
    const preview = await portalCall(h.app, s, "POST", "/market/preview", {
      lines: portalBody.lines,
      resolution: "refund",
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect((preview.body.split as { cases: Json[] }).cases).toHaveLength(2);
    const sent = await portalCall(h.app, s, "POST", "/market/returns", portalBody);
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const cases = (sent.body.group as { cases: Json[] }).cases;
    expect(cases.map((c) => c.vendor)).toEqual(["alpine", "kyoto"]);
    const view = await portalCall(h.app, s, "GET", `/market/returns/${cases[1]?.id}`);
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect(view.body.vendorName).toBe("Kyoto Ceramics");
    const siblings = (view.body.group as { cases: Json[] }).cases;
    expect(siblings.map((c) => [c.vendorName, c.current, (c.address as Json | null)?.city])).toEqual([
      ["Alpine Outfitters", false, "Berlin"],
      ["Kyoto Ceramics", true, "Kyoto"],
    ]);
    // Another order's session does not see them.
    const stranger = shopper("198.51.100.41");
    await lookUp(h.app, stranger, "market", { orderNumber: "S-2", email: "ana@example.de" });
    expect((await portalCall(h.app, stranger, "GET", `/market/returns/${cases[0]?.id}`)).status).toBe(404);
  });

  it("splits an EU withdrawal per vendor in one transaction, each case with the declaration", async () => {
    h.clock.set("2026-03-10T10:00:00Z"); // inside the EU's 14 days from delivery on 3 March
    const s = shopper("198.51.100.42");
    await lookUp(h.app, s, "market", { orderNumber: "S-4", email: "ana@example.de" });
    const lines = twoVendors("S-4").lines.map(({ reason: _, ...l }) => l);
    const declared = { lines, name: "Ana Schmidt", email: "ana@example.de", locale: "en", confirm: true };
    const ack = await portalCall(h.app, s, "POST", "/market/withdrawals", declared);
    expect(ack.status, JSON.stringify(ack.body)).toBe(201);
    const group = ack.body.group as { id: string; cases: Json[] };
    expect(group.cases.map((c) => c.vendor)).toEqual(["alpine", "kyoto"]);
    expect((ack.body.case as Json).id).toBe(group.cases[0]?.id);
    expect(new Set((await casesOf("S-4")).map((c) => c.groupId))).toEqual(new Set([group.id]));
    for (const c of group.cases) {
      const events = (await api("GET", `/api/v1/returns/${c.id}/events`)).body.items as Json[];
      expect(events.map((e) => e.type)).toContain("return.withdrawal_declared");
    }
    // Withdrawn already: a second declaration opens nothing more.
    expect((await portalCall(h.app, s, "POST", "/market/withdrawals", declared)).status).toBe(422);
    expect(await casesOf("S-4")).toHaveLength(2);
  });
});
