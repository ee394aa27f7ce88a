import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { type StaffClient, signInAs, staffAccount } from "../support/staff.ts";

const PERIOD = "from=2026-03-01&to=2026-03-31";

/**
 * Each vendor's case of a split return goes to the vendor's own return address, is received and
 * inspected by the vendor, and its refund counts against the vendor (issue 10 point 6).
 */
describeEachDb("vendor return address, inspection and refund liability", (kind) => {
  let h: Harness;
  let auth = "";
  let merchantId = "";
  let kyoto: StaffClient;
  const api = (method: "GET" | "POST" | "PUT", url: string, body?: unknown) =>
    call(h.app, auth, method, url, body);

  beforeAll(async () => {
    h = await startHarness(kind);
    ({ auth, merchantId } = await merchantWithKey(h.deps, "market"));
    const address = { line1: "Sanjo 1", city: "Kyoto", postalCode: "600-8001" };
    for (const [code, body] of [
      ["VND-KYOTO", { kind: "vendor", name: "Kyoto returns", country: "DE", address, vendor: "kyoto" }],
      [
        "WH-DE",
        { kind: "warehouse", name: "Berlin", country: "DE", address: { ...address, city: "Berlin" } },
      ],
    ] as const) {
      const r = await api("PUT", `/api/v1/locations/${code}`, { ...body, accepts: ["*"] });
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    }
    await h.deps.store.transaction(async (r) => {
      const loc = await r.setup.locationByCode(merchantId, "VND-KYOTO");
      for (const [code, name, at] of [
        ["kyoto", "Kyoto Ceramics", loc?.id ?? null],
        ["alpine", "Alpine Outfitters", null],
      ] as const)
        await r.setup.insertVendor(merchantId, {
          id: h.deps.ids.next(),
          code,
          name,
          country: "DE",
          returnLocationId: at,
        });
    });
    for (const [sku, vendor] of [
      ["TEE-1", "alpine"],
      ["CAP-1", "kyoto"],
    ])
      expect((await api("PUT", `/api/v1/products/${sku}`, { title: sku, vendor })).status).toBe(201);
    expect((await api("PUT", "/api/v1/orders/M-1", orderJson())).status).toBe(201);
    kyoto = await signInAs(
      h.app,
      await staffAccount(h.deps, merchantId, "vendor", "kyoto@example.com", "kyoto"),
    );
  });
  afterAll(() => h?.close());

  it("routes, inspects and refunds per vendor; the marketplace's refund report answers by vendor", async () => {
    const opened = await api("POST", "/api/v1/returns", {
      orderExternalId: "M-1",
      lines: [
        { orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" },
        { orderLineExternalId: "L2", quantity: 1, reason: "changed_mind" },
      ],
      requestedResolution: "refund",
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const [alpineCase, kyotoCase] = (opened.body.group as { cases: Json[] }).cases;
    const work = async (
      client: (m: "POST", u: string, b: unknown) => Promise<{ status: number; body: Json }>,
      c: Json | undefined,
    ) => {
      const id = String(c?.id);
      const lineId = String(((c?.lines ?? []) as Json[])[0]?.id);
      for (const [cmd, body] of [
        ["approve", {}],
        ["ship", { carrier: "DHL", trackingNumber: `T-${id.slice(-6)}` }],
        ["receive", { lines: [{ lineId, quantity: 1 }] }],
        ["inspect", { lines: [{ lineId, quantity: 1, outcome: "accepted", condition: "like_new" }] }],
      ] as const) {
        const r = await client("POST", `/api/v1/returns/${id}/${cmd}`, body);
        expect(r.status, `${cmd}: ${JSON.stringify(r.body)}`).toBe(200);
      }
      return id;
    };
    // Kyoto receives and inspects its own case (its refund follows at inspection); the marketplace Alpine's.
    const k = await work((m, u, b) => kyoto.call(m, u, b), kyotoCase);
    const a = await work((m, u, b) => api(m, u, b), alpineCase);
    expect((await kyoto.call("POST", `/api/v1/returns/${a}/inspect`, {})).status).toBe(404);
    const route = (await api("GET", `/api/v1/returns/${k}/route`)).body.route as Json;
    expect(JSON.stringify(route.destination)).toContain("VND-KYOTO");
    const alpineRoute = (await api("GET", `/api/v1/returns/${a}/route`)).body.route as Json;
    expect(JSON.stringify(alpineRoute.destination)).toContain("WH-DE");
    const events = (await api("GET", `/api/v1/returns/${k}/events`)).body.items as Json[];
    const inspected = events.find((e) => e.type === "return.inspected");
    expect(inspected?.actor).toMatchObject({ kind: "staff", name: "vendor person" });
    const own = (await api("GET", `/api/v1/returns/${k}`)).body;
    expect([own.vendor, (own.settlements as Json[]).length > 0]).toEqual(["kyoto", true]);

    const report = await api("GET", `/api/v1/reports/refunds?${PERIOD}&by=vendor`);
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    const rows = (report.body.totals as Json[]).map((t) => [t.vendor, t.currency, t.refundedCount]);
    expect(rows.map((r) => r[0])).toEqual(["alpine", "kyoto"]);
    expect(rows.every((r) => r[1] === "EUR" && Number(r[2]) >= 1)).toBe(true);
    const csv = await h.app.inject({
      method: "GET",
      url: `/api/v1/reports/refunds?${PERIOD}&by=vendor&format=csv`,
      headers: { authorization: auth },
    });
    expect(csv.body.split("\r\n")[0]).toBe(
      "vendor,currency,method,refunded_minor,refunded_count,in_progress_minor,in_progress_count",
    );
    // A vendor account's report is its own liability only.
    const mine = await kyoto.call("GET", `/api/v1/reports/refunds?${PERIOD}&by=vendor`);
    expect((mine.body.totals as Json[]).map((t) => t.vendor)).toEqual(["kyoto"]);
  });
});
