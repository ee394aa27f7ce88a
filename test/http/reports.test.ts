import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { DAY, type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { type StaffClient, signInAs, staffAccount } from "../support/staff.ts";

const HOUR = 3_600_000;
const T0 = Date.parse("2026-03-05T10:00:00Z");
const PERIOD = "from=2026-03-01&to=2026-03-31";

/** The managers' dashboard (issue 10 point 7): figures checked exactly, CSV, scoping, bad input. */
describeEachDb("the managers' dashboard reports", (kind) => {
  let h: Harness;
  let auth: string;
  let other: string;
  let vendor: StaffClient;
  let manager: StaffClient;
  let agent: StaffClient;
  const api = (method: "GET" | "POST" | "PUT", url: string, body?: unknown, key = auth) =>
    call(h.app, key, method, url, body);
  const get = async (url: string, key = auth) => {
    const r = await api("GET", url, undefined, key);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  const order = (id: string, country: string, extra: Record<string, unknown> = {}, key = auth) =>
    api(
      "PUT",
      `/api/v1/orders/${id}`,
      orderJson({
        shippingAddress: { country, region: null, postalCode: "1000", city: "X", line1: "Street 1" },
        ...extra,
      }),
      key,
    ).then((r) => expect(r.status, JSON.stringify(r.body)).toBe(201));
  const open = async (orderId: string, line: string, quantity: number, reason: string, key = auth) => {
    const r = await api(
      "POST",
      "/api/v1/returns",
      {
        orderExternalId: orderId,
        lines: [{ orderLineExternalId: line, quantity, reason }],
        requestedResolution: "refund",
      },
      key,
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return { id: r.body.id as string, lineId: ((r.body.lines as Json[])[0]?.id ?? "") as string, quantity };
  };
  type Opened = Awaited<ReturnType<typeof open>>;
  const command = async (c: Opened, name: string, at: number) => {
    h.clock.set(new Date(at));
    const body: Record<string, unknown> = {
      approve: {},
      ship: { carrier: "DHL", trackingNumber: "T1" },
      receive: { lines: [{ lineId: c.lineId, quantity: c.quantity }] },
      inspect: {
        lines: [{ lineId: c.lineId, quantity: c.quantity, outcome: "accepted", condition: "good" }],
      },
    };
    const r = await api("POST", `/api/v1/returns/${c.id}/${name}`, body[name]);
    expect(r.status, `${name}: ${JSON.stringify(r.body)}`).toBe(200);
  };
  /** Approve, ship, receive, inspect at these hours after T0 (the refund is issued at inspection). */
  const walk = (c: Opened, hours: readonly number[]) =>
    ["approve", "ship", "receive", "inspect"].slice(0, hours.length).map((name, i) => ({
      at: T0 + (hours[i] ?? 0) * HOUR,
      run: () => command(c, name, T0 + (hours[i] ?? 0) * HOUR),
    }));

  let late: Opened;
  let soon: Opened;
  beforeAll(async () => {
    h = await startHarness(kind, { now: "2026-03-05T10:00:00Z" });
    const a = await merchantWithKey(h.deps, "dash-a");
    auth = a.auth;
    other = (await merchantWithKey(h.deps, "dash-b")).auth;
    for (const [sku, category, v] of [
      ["TEE-1", "tops", null],
      ["CAP-1", "hats", null],
      ["MUG-1", "ceramics", "kyoto-ceramics"],
    ] as const) {
      const r = await api("PUT", `/api/v1/products/${sku}`, { title: sku, category, vendor: v });
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    }
    await order("O1", "DE");
    await order("O2", "FR");
    await order("O3", "GB", { currency: "GBP" });
    await order("O4", "DE", {
      lines: [{ externalId: "L1", sku: "MUG-1", title: "Mug", quantity: 1, unitPrice: "30.00", tax: "4.79" }],
      shipping: { amount: "0", tax: "0", method: "DHL", cheapestStandardAmount: "0" },
      tenders: [{ kind: "card", provider: "stripe", reference: "pi_4", amount: "30.00" }],
      fulfilments: [
        {
          externalId: "F1",
          lines: [{ lineExternalId: "L1", quantity: 1 }],
          shippedAt: "2026-03-02T08:00:00Z",
          deliveredAt: "2026-03-03T12:00:00Z",
        },
      ],
    });
    await order("B1", "DE", {}, other);
    await open("B1", "L1", 2, "wrong_size", other);

    const tees = await open("O1", "L1", 2, "wrong_size");
    const cap = await open("O2", "L2", 1, "defective");
    const gbp = await open("O3", "L1", 1, "wrong_size");
    late = await open("O1", "L2", 1, "changed_mind");
    const steps = [
      ...walk(tees, [1, 24, 72, 74]),
      ...walk(cap, [3, 48, 120, 124]),
      ...walk(gbp, [5, 24, 96, 102]),
      ...walk(late, [2]),
    ].sort((x, y) => x.at - y.at);
    for (const s of steps.filter((x) => x.at < T0 + 96 * HOUR)) await s.run();
    h.clock.set(new Date(T0 + 96 * HOUR - 1));
    soon = await open("O4", "L1", 1, "defective");
    for (const s of steps.filter((x) => x.at >= T0 + 96 * HOUR)) await s.run();

    const lateDue = ((await get(`/api/v1/returns/${late.id}`)).refundDeadline as Json).dueBy as string;
    h.clock.set(new Date(Date.parse(`${lateDue}T12:00:00Z`) + DAY));
    vendor = await signInAs(h.app, await staffAccount(h.deps, a.merchantId, "vendor"));
    manager = await signInAs(h.app, await staffAccount(h.deps, a.merchantId, "manager"));
    agent = await signInAs(h.app, await staffAccount(h.deps, a.merchantId, "agent"));
  });
  afterAll(() => h.close());

  const rates = async (by: string, extra = "", key = auth, period = PERIOD) => {
    const b = await get(`/api/v1/reports/return-rates?by=${by}&${period}${extra}`, key);
    const rows = (b.rows as Json[]).map((r) => [r.key, r.orderedUnits, r.returnedUnits, r.rate]);
    return { orderedUnits: b.orderedUnits, returnedUnits: b.returnedUnits, rate: b.rate, rows };
  };

  it("return rate by product, category, market, vendor and reason: ordered units against units asked back", async () => {
    const product = await rates("product");
    expect([product.orderedUnits, product.returnedUnits, product.rate]).toEqual([10, 6, 0.6]);
    expect(product.rows).toEqual([
      ["MUG-1", 1, 1, 1],
      ["CAP-1", 3, 2, 0.6667],
      ["TEE-1", 6, 3, 0.5],
    ]);
    expect((await rates("category")).rows).toEqual([
      ["ceramics", 1, 1, 1],
      ["hats", 3, 2, 0.6667],
      ["tops", 6, 3, 0.5],
    ]);
    expect((await rates("market")).rows).toEqual([
      ["DE", 4, 4, 1],
      ["FR", 3, 1, 0.3333],
      ["GB", 3, 1, 0.3333],
    ]);
    expect((await rates("vendor")).rows).toEqual([
      ["kyoto-ceramics", 1, 1, 1],
      [null, 9, 5, 0.5556],
    ]);
    expect((await rates("reason")).rows).toEqual([
      ["wrong_size", 10, 3, 0.3],
      ["defective", 10, 2, 0.2],
      ["changed_mind", 10, 1, 0.1],
    ]);
    const fr = await rates("product", "&market=FR");
    expect([fr.orderedUnits, fr.returnedUnits]).toEqual([3, 1]);
    const before = await rates("product", "", auth, "from=2026-02-01&to=2026-02-28");
    expect([before.orderedUnits, before.rows]).toEqual([0, []]);
  });

  it("refund totals per currency and method, in each currency, never summed across them", async () => {
    const b = await get(`/api/v1/reports/refunds?${PERIOD}`);
    expect(b.asOf).toBe(h.clock.now().toISOString());
    expect(
      (b.totals as Json[]).map((t) => [t.currency, t.method, t.refunded, t.refundedMinor, t.refundedCount]),
    ).toEqual([
      ["EUR", "original_payment", { amount: "119.70", currency: "EUR" }, 11970, 2],
      ["GBP", "original_payment", { amount: "44.90", currency: "GBP" }, 4490, 1],
    ]);
    const de = await get(`/api/v1/reports/refunds?${PERIOD}&market=DE`);
    expect((de.totals as Json[]).map((t) => t.refundedMinor)).toEqual([8980]);
    // By vendor (vendor-liability.test.ts): these refunds were the merchant's own goods.
    const byVendor = await get(`/api/v1/reports/refunds?${PERIOD}&by=vendor`);
    expect((byVendor.totals as Json[]).map((t) => [t.vendor, t.currency, t.refundedMinor])).toEqual([
      [null, "EUR", 11970],
      [null, "GBP", 4490],
    ]);
  });

  it("processing time per step: p50 and p90 (interpolated) of the cases' first events", async () => {
    const b = await get(`/api/v1/reports/processing-times?${PERIOD}`);
    // Hours: approval 1, 2, 3, 5; shipping 19, 23, 45; transit 48, 72, 72; inspection 2, 4, 6; total 74, 102, 124.
    expect((b.steps as Json[]).map((s) => [s.step, s.cases, s.p50Seconds, s.p90Seconds])).toEqual([
      ["approval", 4, 9000, 15840],
      ["shipping", 3, 82800, 146160],
      ["transit", 3, 259200, 259200],
      ["inspection", 3, 14400, 20160],
      ["refund", 3, 0, 0],
      ["total", 3, 367200, 430560],
    ]);
  });

  it("cases at risk of missing the refund deadline: the queue's overdue and approaching", async () => {
    const b = await get("/api/v1/reports/at-risk");
    expect([b.overdue, b.approaching, b.truncated]).toEqual([1, 1, false]);
    expect((b.cases as Json[]).map((c) => [c.id, c.risk])).toEqual([
      [late.id, "overdue"],
      [soon.id, "approaching"],
    ]);
    const queue = await get("/api/v1/returns?refundDue=overdue");
    expect((queue.items as Json[]).map((c) => c.id)).toEqual([late.id]);
    expect((await get("/api/v1/reports/at-risk?market=FR")).cases).toEqual([]);
  });

  it("answers the same figures as CSV: money in minor units with its currency", async () => {
    const csv = async (url: string) => {
      const res = await h.app.inject({ method: "GET", url, headers: { authorization: auth } });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/csv/);
      // Rollup figures say their age (nothing waits to be counted: now); at-risk cases are live.
      expect(res.headers["crossback-figures-as-of"]).toBe(
        url.includes("at-risk") ? undefined : h.clock.now().toISOString(),
      );
      return res.body;
    };
    expect(await csv(`/api/v1/reports/return-rates?by=product&${PERIOD}&format=csv`)).toBe(
      "product,label,ordered_units,returned_units,return_rate\r\n" +
        "MUG-1,Mug,1,1,1\r\nCAP-1,Cap,3,2,0.6667\r\nTEE-1,Linen tee,6,3,0.5\r\n",
    );
    expect(await csv(`/api/v1/reports/refunds?${PERIOD}&format=csv`)).toBe(
      "currency,method,refunded_minor,refunded_count,in_progress_minor,in_progress_count\r\n" +
        "EUR,original_payment,11970,2,0,0\r\nGBP,original_payment,4490,1,0,0\r\n",
    );
    expect(await csv(`/api/v1/reports/processing-times?${PERIOD}&format=csv`)).toContain(
      "\r\napproval,created,approved,4,9000,15840\r\n",
    );
    expect((await csv("/api/v1/reports/at-risk?format=csv")).split("\r\n")[0]).toBe(
      "number,risk,due_by,status,vendor,order,id",
    );
  });

  it("keeps each merchant to its own figures, and a vendor account to its vendor's", async () => {
    const b = await rates("product", "", other);
    expect([b.orderedUnits, b.returnedUnits, b.rows]).toEqual([
      3,
      2,
      [
        ["TEE-1", 2, 2, 1],
        ["CAP-1", 1, 0, 0],
      ],
    ]);
    expect((await get(`/api/v1/reports/refunds?${PERIOD}`, other)).totals).toEqual([]);

    const own = await vendor.call(
      "GET",
      `/api/v1/reports/return-rates?by=product&${PERIOD}&vendor=someone-else`,
    );
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect((own.body.rows as Json[]).map((r) => [r.key, r.orderedUnits, r.returnedUnits])).toEqual([
      ["MUG-1", 1, 1],
    ]);
    const risk = await vendor.call("GET", "/api/v1/reports/at-risk");
    expect((risk.body.cases as Json[]).map((c) => c.id)).toEqual([soon.id]);
    expect((await vendor.call("GET", `/api/v1/reports/refunds?${PERIOD}`)).body.totals).toEqual([]);
    expect((await vendor.call("GET", "/api/v1/settlements")).status).toBe(403);
    expect((await manager.call("GET", `/api/v1/reports/refunds?${PERIOD}`)).status).toBe(200);
    const refused = await agent.call("GET", `/api/v1/reports/refunds?${PERIOD}`);
    expect([refused.status, refused.body.code]).toEqual([403, "forbidden"]);
  });

  it("refuses bad input with a 400 naming the field", async () => {
    for (const [query, field] of [
      ["return-rates?by=colour", "by"],
      ["return-rates?from=2026-13-01", "from"],
      ["refunds?from=2026-03-10&to=2026-03-01", "to"],
      ["refunds?to=7.4e-323", "to"],
      ["refunds?from=0000-06-01&to=0001-01-01", "from"],
      ["refunds?from=2020-01-01&to=2026-03-01", "from"],
      ["processing-times?market=XX", "market"],
      ["at-risk?format=xml", "format"],
    ]) {
      const r = await api("GET", `/api/v1/reports/${query}`);
      expect(r.status, query).toBe(400);
      expect(r.res.headers["content-type"]).toMatch(/problem\+json/);
      expect(
        (r.body.errors as Json[]).map((e) => e.path),
        query,
      ).toContain(`query.${field}`);
    }
  });
});
