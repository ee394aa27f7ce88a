import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

describeEachDb("idempotency keys and concurrent commands", (kind) => {
  let h: Harness;
  let auth: string;
  const body = {
    orderExternalId: "ORD-1",
    lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "wrong_size" }],
    requestedResolution: "refund",
  };
  beforeAll(async () => {
    h = await startHarness(kind);
    auth = (await merchantWithKey(h.deps, "acme")).auth;
    expect((await call(h.app, auth, "PUT", "/api/v1/orders/ORD-1", orderJson())).status).toBe(201);
  });
  afterAll(() => h.close());

  it("replays the first response for a retried key and creates nothing more", async () => {
    const headers = { "idempotency-key": "create-1" };
    const first = await call(h.app, auth, "POST", "/api/v1/returns", body, headers);
    expect(first.status).toBe(201);
    const again = await call(h.app, auth, "POST", "/api/v1/returns", body, headers);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.res.headers["idempotent-replayed"]).toBe("true");
    const list = await call(h.app, auth, "GET", "/api/v1/returns");
    expect((list.body.items as Json[]).length).toBe(1);

    const different = await call(
      h.app,
      auth,
      "POST",
      "/api/v1/returns",
      { ...body, requestedResolution: "store_credit" },
      headers,
    );
    expect(different.status).toBe(422);
    expect(different.body.code).toBe("idempotency_key_reused");
    expect(((await call(h.app, auth, "GET", "/api/v1/returns")).body.items as Json[]).length).toBe(1);
  });

  it("replays command responses, errors included, without running them twice", async () => {
    const c = await call(h.app, auth, "POST", "/api/v1/returns", {
      ...body,
      lines: [{ ...body.lines[0], orderLineExternalId: "L2" }],
    });
    const url = `/api/v1/returns/${c.body.id}/approve`;
    const a = await call(h.app, auth, "POST", url, {}, { "idempotency-key": "approve-1" });
    const b = await call(h.app, auth, "POST", url, {}, { "idempotency-key": "approve-1" });
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.body).toEqual(a.body);
    const events = await call(h.app, auth, "GET", `/api/v1/returns/${c.body.id}/events`);
    expect((events.body.items as Json[]).filter((e) => e.type === "return.approved")).toHaveLength(1);
    // A new key runs the command again: now an illegal transition, and that answer is replayed too.
    const x = await call(h.app, auth, "POST", url, {}, { "idempotency-key": "approve-2" });
    const y = await call(h.app, auth, "POST", url, {}, { "idempotency-key": "approve-2" });
    expect([x.status, y.status]).toEqual([409, 409]);
    expect(y.body).toEqual(x.body);
  });

  it("lets exactly one of 20 parallel approvals win", async () => {
    const o = orderJson({ customer: { email: "par@example.com" } });
    expect((await call(h.app, auth, "PUT", "/api/v1/orders/ORD-PAR", o)).status).toBe(201);
    const c = await call(h.app, auth, "POST", "/api/v1/returns", { ...body, orderExternalId: "ORD-PAR" });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        call(h.app, auth, "POST", `/api/v1/returns/${c.body.id}/approve`, { expectedVersion: 1 }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const r of results.filter((x) => x.status === 409))
      expect(["version_conflict", "illegal_transition"]).toContain(r.body.code);
    const events = await call(h.app, auth, "GET", `/api/v1/returns/${c.body.id}/events`);
    expect((events.body.items as Json[]).map((e) => e.type)).toEqual(["return.requested", "return.approved"]);
  });

  it("lets only one of several parallel returns take the last delivered unit", async () => {
    const o = orderJson({ customer: { email: "race@example.com" } });
    expect((await call(h.app, auth, "PUT", "/api/v1/orders/ORD-RACE", o)).status).toBe(201);
    const attempts = await Promise.all(
      Array.from({ length: 8 }, () =>
        call(h.app, auth, "POST", "/api/v1/returns", {
          ...body,
          orderExternalId: "ORD-RACE",
          lines: [{ orderLineExternalId: "L2", quantity: 1, reason: "defective" }],
        }),
      ),
    );
    expect(attempts.filter((r) => r.status === 201)).toHaveLength(1);
    expect(attempts.filter((r) => r.status === 422)).toHaveLength(7);
  });

  it("gives parallel creations of one merchant distinct case numbers", async () => {
    const orders = Array.from({ length: 6 }, (_, i) => `ORD-NUM-${i}`);
    for (const id of orders) {
      const o = orderJson({ customer: { email: `${id.toLowerCase()}@example.com` } });
      expect((await call(h.app, auth, "PUT", `/api/v1/orders/${id}`, o)).status).toBe(201);
    }
    const made = await Promise.all(
      orders.map((id) => call(h.app, auth, "POST", "/api/v1/returns", { ...body, orderExternalId: id })),
    );
    expect(made.map((r) => r.status)).toEqual(orders.map(() => 201));
    const numbers = made.map((r) => String(r.body.number));
    expect(new Set(numbers).size).toBe(orders.length);
    for (const n of numbers) expect(n).toMatch(/^R-\d{6}$/);
  });
});
