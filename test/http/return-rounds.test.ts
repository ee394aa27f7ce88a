import { afterAll, beforeAll, expect, it } from "vitest";
import { type NewReturn, openReturnRound } from "../../src/app/create-return-round.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

/**
 * POST /returns without an Idempotency-Key goes through rounds (create-return-round.ts): creations
 * arriving together share one read and one transaction. Sent at once, as clients do under load, each
 * must still get its own answer, and an order never gives back more than it has.
 */
describeEachDb("creations in rounds", (kind) => {
  let h: Harness;
  let auth: string;
  let merchantId: string;
  const open = (order: string, quantity = 1) =>
    call(h.app, auth, "POST", "/api/v1/returns", {
      orderExternalId: order,
      lines: [{ orderLineExternalId: "L1", quantity, reason: "changed_mind" }],
      requestedResolution: "refund",
    });

  beforeAll(async () => {
    h = await startHarness(kind, { now: "2026-03-10T10:00:00Z" });
    ({ auth, merchantId } = await merchantWithKey(h.deps, "rounds"));
    for (let i = 0; i < 8; i++)
      expect((await call(h.app, auth, "PUT", `/api/v1/orders/RO-${i}`, orderJson())).status).toBe(201);
  });
  afterAll(() => h?.close());

  it("opens one case per order sent together, and answers each refusal alone", async () => {
    const answers = await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => open(`RO-${i}`)),
      open("RO-404"),
      // L1 has two units: three are more than it has.
      open("RO-0", 3),
    ]);
    const opened = answers.slice(0, 8);
    for (const a of opened) expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(opened.map((a) => a.body.orderExternalId)).toEqual(Array.from({ length: 8 }, (_, i) => `RO-${i}`));
    expect(new Set(opened.map((a) => a.body.number)).size).toBe(8);
    expect(answers[8]?.status).toBe(404);
    expect(answers[9]?.status).toBe(422);
    for (const a of opened) {
      const events = await call(h.app, auth, "GET", `/api/v1/returns/${a.body.id}/events`);
      expect((events.body.items as Json[]).map((e) => e.type)).toContain("return.requested");
      const read = await call(h.app, auth, "GET", `/api/v1/returns/${a.body.id}`);
      expect(read.body.lines).toEqual(a.body.lines);
      expect(read.body.decision).toEqual(a.body.decision);
    }
  });

  it("never holds more units of one order than it has, however many ask at once", async () => {
    expect((await call(h.app, auth, "PUT", "/api/v1/orders/RO-X", orderJson())).status).toBe(201);
    const answers = await Promise.all(Array.from({ length: 6 }, () => open("RO-X")));
    const statuses = answers.map((a) => a.status).sort();
    // L1 has two units; the rest are refused naming the limit.
    expect(statuses).toEqual([201, 201, 422, 422, 422, 422]);
    for (const a of answers.filter((x) => x.status === 422))
      expect(JSON.stringify(a.body)).toContain("lines[0]");
  });

  const item = (order: string, quantity = 1): NewReturn => ({
    merchantId,
    input: {
      orderExternalId: order,
      lines: [{ orderLineExternalId: "L1", quantity, reason: "changed_mind" }],
      requestedResolution: "refund",
      source: "api",
    },
    actor: { kind: "api_key", id: "test" },
  });

  it("a round of several creations answers each one as a creation alone would", async () => {
    for (const id of ["RR-1", "RR-2", "RR-3"])
      expect((await call(h.app, auth, "PUT", `/api/v1/orders/${id}`, orderJson())).status).toBe(201);
    const settled = await openReturnRound(h.deps, merchantId, [
      item("RR-1"),
      item("RR-404"),
      item("RR-2", 2),
      item("RR-3", 5),
    ]);
    const values = settled.map((s) => (s.status === "fulfilled" ? s.value : null));
    expect(values.map((v) => (v?.ok ? "ok" : v?.error.code))).toEqual([
      "ok",
      "not_found",
      "ok",
      "quantity_exceeded",
    ]);
    const cases = values.flatMap((v) => (v?.ok ? v.value.cases.map((c) => c.case) : []));
    expect(cases.map((c) => [c.orderExternalId, c.lines[0]?.counts.requested])).toEqual([
      ["RR-1", 1],
      ["RR-2", 2],
    ]);
    for (const c of cases) {
      const read = await call(h.app, auth, "GET", `/api/v1/returns/${c.id}`);
      expect(read.status).toBe(200);
      expect(read.body.number).toBe(c.number);
      const events = await call(h.app, auth, "GET", `/api/v1/returns/${c.id}/events`);
      expect((events.body.items as Json[]).map((e) => e.seq)).toEqual(
        (events.body.items as Json[]).map((_, i) => i + 1),
      );
    }
  });

  it("two rounds naming the same order at once give it back once (the second decides again under the lock)", async () => {
    expect((await call(h.app, auth, "PUT", "/api/v1/orders/RR-Y", orderJson())).status).toBe(201);
    expect((await call(h.app, auth, "PUT", "/api/v1/orders/RR-Z", orderJson())).status).toBe(201);
    const [a, b] = await Promise.all([
      openReturnRound(h.deps, merchantId, [item("RR-Y", 2), item("RR-Z")]),
      openReturnRound(h.deps, merchantId, [item("RR-Z"), item("RR-Y", 2)]),
    ]);
    const ok = (s: Awaited<ReturnType<typeof openReturnRound>>[number] | undefined) =>
      s?.status === "fulfilled" && s.value.ok;
    // RR-Y has two units of L1: one round gets them. RR-Z: one unit each, both open.
    expect([ok(a?.[0]), ok(b?.[1])].filter(Boolean)).toHaveLength(1);
    expect([ok(a?.[1]), ok(b?.[0])]).toEqual([true, true]);
  });
});
