import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

describeEachDb("return lifecycle through the API", (kind) => {
  let h: Harness;
  let auth: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    auth = (await merchantWithKey(h.deps, "acme")).auth;
  });
  afterAll(() => h.close());

  it("goes from order upsert to a closed case, refunding to the original tenders", async () => {
    const put = await call(h.app, auth, "PUT", "/api/v1/orders/ORD-1", orderJson());
    expect(put.status, JSON.stringify(put.body)).toBe(201);

    const created = await call(h.app, auth, "POST", "/api/v1/returns", {
      orderExternalId: "ORD-1",
      lines: [{ orderLineExternalId: "L1", quantity: 2, reason: "wrong_size" }],
      requestedResolution: "refund",
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    expect(created.body.status).toBe("requested");
    expect(created.body.number).toMatch(/^R-\d{6}$/);
    const lineId = (created.body.lines as Json[])[0]?.id as string;

    const steps: [string, unknown, string][] = [
      ["approve", {}, "awaiting_shipment"],
      ["ship", { carrier: "DHL", trackingNumber: "RET1" }, "in_transit"],
      ["receive", { lines: [{ lineId, quantity: 2 }] }, "received"],
      [
        "inspect",
        { lines: [{ lineId, quantity: 2, outcome: "accepted", condition: "like_new" }] },
        "inspected",
      ],
      ["resolve", {}, "resolved"],
      ["close", {}, "closed"],
    ];
    let last: Json = created.body;
    for (const [command, body, status] of steps) {
      const r = await call(h.app, auth, "POST", `/api/v1/returns/${id}/${command}`, body);
      expect(r.status, `${command}: ${JSON.stringify(r.body)}`).toBe(200);
      expect(r.body.status).toBe(status);
      last = r.body;
    }
    const settlements = (await call(h.app, auth, "GET", `/api/v1/returns/${id}`)).body.settlements as Json[];
    // 2 × 49.90 − 10.00 = 89.80, all to the card (gift cards are refunded last).
    expect(settlements.map((s) => [s.amount, s.status, s.gateway])).toEqual([
      ["89.80", "succeeded", "manual"],
    ]);
    // The policy refunds at inspection: one more version for the refund.
    expect(last.version).toBe(8);

    const events = await call(h.app, auth, "GET", `/api/v1/returns/${id}/events`);
    const types = (events.body.items as Json[]).map((e) => e.type);
    expect(types).toEqual([
      "return.requested",
      "return.approved",
      "return.shipped",
      "return.received",
      "return.inspected",
      // The inspection's disposition moves inventory (issue 10 point 5).
      "inventory.adjusted",
      "refund.issued",
      "settlement.succeeded",
      "return.resolved",
      "return.closed",
    ]);
    for (const e of events.body.items as Json[]) expect((e.actor as Json).kind).toMatch(/api_key|system/);
  });
});
