import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { DAY, type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

describeEachDb("resolutions, partial receipts, listing and order updates", (kind) => {
  let h: Harness;
  let auth: string;
  const open = async (
    orderExternalId: string,
    line: string,
    quantity: number,
    requestedResolution: string,
    reason = "wrong_size",
  ) => {
    const r = await call(h.app, auth, "POST", "/api/v1/returns", {
      orderExternalId,
      lines: [{ orderLineExternalId: line, quantity, reason }],
      requestedResolution,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return { id: r.body.id as string, lineId: ((r.body.lines as Json[])[0] as Json).id as string };
  };
  const settlementsOf = async (id: string) =>
    (await call(h.app, auth, "GET", `/api/v1/returns/${id}`)).body.settlements as Json[];
  const run = async (id: string, command: string, body: unknown = {}, status = 200) => {
    const r = await call(h.app, auth, "POST", `/api/v1/returns/${id}/${command}`, body);
    expect(r.status, `${command}: ${JSON.stringify(r.body)}`).toBe(status);
    return r.body;
  };
  beforeAll(async () => {
    h = await startHarness(kind);
    auth = (await merchantWithKey(h.deps, "acme")).auth;
    for (const n of [1, 2, 3]) {
      const o = orderJson({
        customer: { email: `c${n}@example.de`, locale: "de-DE", timeZone: "Europe/Berlin" },
      });
      expect((await call(h.app, auth, "PUT", `/api/v1/orders/ORD-${n}`, o)).status).toBe(201);
    }
  });
  afterAll(() => h.close());

  it("credits store credit to a per-customer, per-currency ledger", async () => {
    const { id, lineId } = await open("ORD-1", "L1", 2, "store_credit");
    await run(id, "approve");
    await run(id, "receive", { lines: [{ lineId, quantity: 1 }] });
    const partial = await call(h.app, auth, "GET", `/api/v1/returns/${id}`);
    expect(((partial.body.lines as Json[])[0]?.quantities as Json | undefined)?.received).toBe(1);
    await run(id, "receive", { lines: [{ lineId, quantity: 1 }] });
    await run(id, "inspect", {
      lines: [
        { lineId, quantity: 1, outcome: "accepted", condition: "good" },
        { lineId, quantity: 1, outcome: "refused", condition: "damaged", disposition: "return_to_shopper" },
      ],
    });
    const resolved = await run(id, "resolve");
    // One accepted unit of 2 × 49.90 − 10.00 = 89.80 → 44.90, credited at inspection (the policy's trigger).
    expect((await settlementsOf(id)).map((s) => [s.method, s.amount, s.status])).toEqual([
      ["store_credit", "44.90", "succeeded"],
    ]);
    const customerId = resolved.customerId as string;
    const balance = await call(h.app, auth, "GET", `/api/v1/customers/${customerId}/store-credit`);
    expect(balance.body.balances).toEqual([{ currency: "EUR", amount: "44.90" }]);
    const unknown = await call(
      h.app,
      auth,
      "GET",
      "/api/v1/customers/0190c5f2-0000-7000-8000-000000000000/store-credit",
    );
    expect(unknown.status).toBe(404);
  });

  it("settles keep-it returns without goods coming back", async () => {
    const { id } = await open("ORD-2", "L2", 1, "keep_it", "damaged_in_transit");
    const approved = await run(id, "approve");
    expect(approved.status).toBe("approved");
    expect(approved.returnRequired).toBe(false);
    await run(id, "resolve");
    expect((await settlementsOf(id)).map((s) => s.amount)).toEqual(["29.90"]);
    await run(id, "close");
  });

  it("splits refunds over tenders and never refunds a tender twice", async () => {
    const a = await open("ORD-3", "L1", 2, "refund");
    await run(a.id, "approve", { returnRequired: false });
    await run(a.id, "resolve");
    const ra = { settlements: await settlementsOf(a.id) };
    const b = await open("ORD-3", "L2", 1, "refund");
    await run(b.id, "approve", { returnRequired: false });
    await run(b.id, "resolve");
    const rb = { settlements: await settlementsOf(b.id) };
    // Card 100.00 takes 89.80, then 10.20 of the cap; the gift card takes the remaining 19.70.
    expect((ra.settlements as Json[]).map((s) => s.amount)).toEqual(["89.80"]);
    expect((rb.settlements as Json[]).map((s) => s.amount)).toEqual(["10.20", "19.70"]);
  });

  it("records lost parcels and receipt exceptions, and expires returns never shipped", async () => {
    const o = orderJson({ customer: { email: "lost@example.de" } });
    expect((await call(h.app, auth, "PUT", "/api/v1/orders/ORD-LOST", o)).status).toBe(201);
    const { id, lineId } = await open("ORD-LOST", "L1", 2, "refund");
    await run(id, "approve");
    await run(id, "ship", { carrier: "DHL" });
    const received = await run(id, "receive", {
      lines: [{ lineId, quantity: 1 }],
      exceptions: [{ kind: "lost", lineId, quantity: 1, note: "carrier lost one parcel" }],
    });
    expect(((received.lines as Json[])[0]?.quantities as Json | undefined)?.lost).toBe(1);
    await run(
      id,
      "inspect",
      { lines: [{ lineId, quantity: 1, outcome: "accepted", condition: "unknown", disposition: "restock" }] },
      422,
    );
    await run(id, "inspect", { lines: [{ lineId, quantity: 1, outcome: "accepted", condition: "unknown" }] });
    await run(id, "resolve");
    expect((await settlementsOf(id)).reduce((n, s) => n + Number(s.amount), 0)).toBeCloseTo(89.8, 2);

    const late = await open("ORD-LOST", "L2", 1, "refund");
    await run(late.id, "approve", { shipByDays: 7 });
    expect((await run(late.id, "expire", {}, 409)).code).toBe("not_yet_expired");
    h.clock.advance(8 * DAY);
    expect((await run(late.id, "expire")).status).toBe("expired");
    h.clock.advance(-8 * DAY);
  });

  it("lists newest first with a cursor and filters by status", async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(
        h.app,
        auth,
        "GET",
        `/api/v1/returns?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(page.status).toBe(200);
      all.push(...(page.body.items as Json[]).map((c) => c.id as string));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(all.length).toBe(6);
    expect([...all].sort().reverse()).toEqual(all);
    const closed = await call(h.app, auth, "GET", "/api/v1/returns?status=closed");
    expect((closed.body.items as Json[]).map((c) => c.status)).toEqual(["closed"]);
    expect((await call(h.app, auth, "GET", "/api/v1/returns?status=bogus")).status).toBe(400);
  });

  it("keeps order lines that returns use", async () => {
    const o = orderJson({ customer: { email: "c1@example.de", locale: "de-DE", timeZone: "Europe/Berlin" } });
    o.lines = o.lines.filter((l) => l.externalId !== "L1");
    o.fulfilments = [];
    o.tenders = [];
    const r = await call(h.app, auth, "PUT", "/api/v1/orders/ORD-1", o);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe("order_line_in_use");
    const same = await call(h.app, auth, "GET", "/api/v1/orders/ORD-1");
    expect((same.body.lines as Json[]).map((l) => l.externalId)).toEqual(["L1", "L2"]);
    const unchanged = await call(
      h.app,
      auth,
      "PUT",
      "/api/v1/orders/ORD-1",
      orderJson({ customer: { email: "c1@example.de", locale: "de-DE", timeZone: "Europe/Berlin" } }),
    );
    expect(unchanged.status).toBe(200);
  });

  it("serves the OpenAPI 3.1 document and the docs page", async () => {
    const spec = await h.app.inject({ method: "GET", url: "/api/openapi.json" });
    const doc = spec.json() as Json;
    expect(doc.openapi).toBe("3.1.0");
    const paths = Object.keys(doc.paths as Json);
    for (const p of [
      "/api/v1/products/{sku}",
      "/api/v1/orders/{externalId}",
      "/api/v1/returns",
      "/api/v1/returns/{id}",
      "/api/v1/returns/{id}/events",
      "/api/v1/returns/{id}/approve",
      "/api/v1/customers/{id}/store-credit",
    ]) {
      expect(paths).toContain(p);
    }
    const docs = await h.app.inject({ method: "GET", url: "/api/docs/" });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain("swagger-ui");
  });
});
