/**
 * Store credit on a statutory withdrawal (EU CRD art. 13(1)): only as the shopper's express choice
 * while a refund to the original payment was offered, recorded on the case; never a default.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { GENEROUS_POLICY, type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

/** Delivered in Berlin on 3 March: the 14-day withdrawal runs until 17 March. */
const WITHIN_WITHDRAWAL = "2026-03-10T10:00:00Z";
const AFTER_WITHDRAWAL = "2026-03-25T10:00:00Z";

describeEachDb("store credit on a statutory withdrawal", (kind) => {
  let h: Harness;
  let auth: string;
  let n = 0;
  const api = (method: "GET" | "POST" | "PUT", url: string, body?: unknown) =>
    call(h.app, auth, method, url, body);

  /** A DE order and a return of its first line, received and inspected (money moves at resolve). */
  async function inspected(resolution: "refund" | "store_credit") {
    const id = `W-${++n}`;
    expect((await api("PUT", `/api/v1/orders/${id}`, orderJson())).status).toBe(201);
    const created = await api("POST", "/api/v1/returns", {
      orderExternalId: id,
      lines: [{ orderLineExternalId: "L1", quantity: 2, reason: "changed_mind" }],
      requestedResolution: resolution,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const caseId = String(created.body.id);
    const lineId = String(((created.body.lines as Json[])[0] as Json).id);
    for (const [cmd, body] of [
      ["approve", {}],
      ["receive", { lines: [{ lineId, quantity: 2 }] }],
      ["inspect", { lines: [{ lineId, quantity: 2, outcome: "accepted", condition: "like_new" }] }],
    ] as const) {
      const r = await api("POST", `/api/v1/returns/${caseId}/${cmd}`, body);
      expect(r.status, `${cmd}: ${JSON.stringify(r.body)}`).toBe(200);
    }
    return { caseId, lineId, created: created.body };
  }
  const methods = (body: Json) => (body.settlements as Json[]).map((s) => [s.method, s.amount]);
  const track = (c: Json) => (((c.decision as Json).lines as Json[])[0] as Json).track;

  beforeAll(async () => {
    h = await startHarness(kind, { now: WITHIN_WITHDRAWAL });
    auth = (await merchantWithKey(h.deps, "withdrawals", { policy: GENEROUS_POLICY })).auth;
    expect((await api("PUT", "/api/v1/settings", { autoRefund: false })).status).toBe(200);
  });
  afterAll(() => h.close());

  it("the shopper's own choice of store credit is recorded as the express agreement and honoured", async () => {
    h.clock.set(WITHIN_WITHDRAWAL);
    const { caseId, lineId, created } = await inspected("store_credit");
    expect(track(created)).toBe("statutory_withdrawal");
    const agreements = created.expressAgreements as Json[];
    expect(agreements).toHaveLength(1);
    expect(agreements[0]).toMatchObject({
      kind: "store_credit_instead_of_original_payment",
      lineIds: [lineId],
      jurisdiction: "DE",
      ruleId: "crossback.refund.statutory_original_means",
      source: "api",
      actor: { kind: "api_key" },
      at: WITHIN_WITHDRAWAL.replace("Z", ".000Z"),
    });
    expect(agreements[0]?.offered).toEqual(expect.arrayContaining(["refund", "store_credit"]));
    const events = (await api("GET", `/api/v1/returns/${caseId}/events`)).body.items as Json[];
    expect(events.map((e) => e.type)).toContain("return.store_credit_agreed");

    const resolved = await api("POST", `/api/v1/returns/${caseId}/resolve`, {});
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(methods(resolved.body)).toEqual([["store_credit", "89.80"]]);
  });

  it("a withdrawal refunded to the original payment cannot be switched to store credit by the merchant", async () => {
    h.clock.set(WITHIN_WITHDRAWAL);
    const { caseId, lineId, created } = await inspected("refund");
    expect(created.expressAgreements).toEqual([]);
    const before = await api("GET", `/api/v1/returns/${caseId}`);
    const refused = await api("POST", `/api/v1/returns/${caseId}/resolve`, {
      lines: [{ lineId, quantity: 2, resolution: "store_credit" }],
    });
    expect(refused.status).toBe(422);
    expect((refused.body.errors as Json[]).map((e) => e.path)).toEqual(["lines[0].resolution"]);
    expect(String(refused.body.detail)).toMatch(/express agreement/);
    const after = await api("GET", `/api/v1/returns/${caseId}`);
    expect([after.body.version, after.body.status]).toEqual([before.body.version, "inspected"]);

    const resolved = await api("POST", `/api/v1/returns/${caseId}/resolve`, {});
    expect(resolved.status).toBe(200);
    expect(methods(resolved.body)).toEqual([["original_payment", "89.80"]]);
  });

  it("outside the withdrawal (the merchant's own policy) the merchant may resolve as store credit", async () => {
    h.clock.set(AFTER_WITHDRAWAL);
    const { caseId, lineId, created } = await inspected("refund");
    expect(track(created)).toBe("merchant_policy");
    const resolved = await api("POST", `/api/v1/returns/${caseId}/resolve`, {
      lines: [{ lineId, quantity: 2, resolution: "store_credit" }],
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(methods(resolved.body)).toEqual([["store_credit", "89.80"]]);
    expect(resolved.body.expressAgreements).toEqual([]);
  });
});
