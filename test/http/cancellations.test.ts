import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

/** A stay booked for 15 April 2026, 15:00 UTC: 300.00 EUR, no shipping. */
const booking = (email: string) =>
  orderJson({
    customer: { email },
    lines: [
      {
        externalId: "S1",
        sku: "STAY",
        title: "Two nights, Lisbon",
        quantity: 1,
        unitPrice: "300.00",
        tax: "0",
        discount: "0",
        startsAt: "2026-04-15T15:00:00Z",
      },
    ],
    shipping: { amount: "0" },
    tenders: [{ kind: "card", provider: "stripe", reference: "pi_stay", amount: "300.00" }],
    fulfilments: [],
  });

describeEachDb("cancellation schedules and extenuating events", (kind) => {
  let h: Harness;
  let auth: string;
  const preview = (id: string, at: string) =>
    call(h.app, auth, "POST", `/api/v1/orders/${id}/cancellation-preview`, { at });
  beforeAll(async () => {
    h = await startHarness(kind);
    auth = (
      await merchantWithKey(h.deps, "acme", {
        policy: {
          name: "Stays",
          scope: { countries: ["*"] },
          window: { days: 30, from: "delivery" },
          cancellation: { preset: "strict" },
        },
      })
    ).auth;
    expect((await call(h.app, auth, "PUT", "/api/v1/orders/STAY-1", booking("a@example.pt"))).status).toBe(
      201,
    );
    expect((await call(h.app, auth, "PUT", "/api/v1/orders/STAY-2", booking("b@example.pt"))).status).toBe(
      201,
    );
  });
  afterAll(() => h.close());

  it("follows the tiered schedule counted back from the booking start", async () => {
    const early = await preview("STAY-1", "2026-03-20T10:00:00Z");
    expect(early.status, JSON.stringify(early.body)).toBe(200);
    expect([(early.body.schedule as Json).preset, (early.body.total as Json).amount]).toEqual([
      "strict",
      "300.00",
    ]);
    expect((await preview("STAY-1", "2026-04-05T10:00:00Z")).body.total).toEqual({
      amount: "150.00",
      currency: "EUR",
    });
    // 14 days = 336 h before 15 April 15:00Z is 1 April 15:00Z; one minute later is too late for the full refund.
    expect(((await preview("STAY-1", "2026-04-01T15:00:00Z")).body.total as Json).amount).toBe("300.00");
    expect(((await preview("STAY-1", "2026-04-01T15:01:00Z")).body.total as Json).amount).toBe("150.00");
    expect(((await preview("STAY-1", "2026-04-10T10:00:00Z")).body.total as Json).amount).toBe("0.00");
  });

  it("gives a full refund to bookings hit by a declared extenuating event, recorded on the decision", async () => {
    const bad = await call(h.app, auth, "PUT", "/api/v1/extenuating-events/storm", {
      description: "x",
      startsAt: "2026-04-20T00:00:00Z",
      endsAt: "2026-04-10T00:00:00Z",
      effect: "extend_window",
    });
    expect(bad.status).toBe(400);
    expect(((bad.body.errors as Json[]) ?? []).map((e) => e.path)).toEqual(["endsAt", "extendDays"]);
    const storm = await call(h.app, auth, "PUT", "/api/v1/extenuating-events/storm-2026-04", {
      description: "Storm closes Lisbon airport",
      countries: ["DE"],
      startsAt: "2026-04-14T00:00:00Z",
      endsAt: "2026-04-17T00:00:00Z",
      effect: "full_refund",
    });
    expect(storm.status).toBe(200);
    const d = await preview("STAY-1", "2026-04-10T10:00:00Z");
    expect([(d.body.total as Json).amount, (d.body.extenuatingEvent as Json).id]).toEqual([
      "300.00",
      "storm-2026-04",
    ]);
    expect(((d.body.lines as Json[])[0] as Json).ruleId).toBe("extenuating.storm-2026-04");
  });

  it("cancels once and freezes the decision; shipped goods must be returned instead", async () => {
    h.clock.set("2026-04-05T10:00:00Z");
    const done = await call(
      h.app,
      auth,
      "POST",
      "/api/v1/orders/STAY-2/cancel",
      { reason: "Plans changed" },
      { "idempotency-key": "c-1" },
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    // The declared storm covers this booking too: all 300.00 back to the card, settled by the manual gateway.
    expect((done.body.settlements as Json[]).map((s) => [s.method, s.amount, s.status, s.caseId])).toEqual([
      ["original_payment", "300.00", "succeeded", null],
    ]);
    const again = await call(h.app, auth, "POST", "/api/v1/orders/STAY-2/cancel", {
      reason: "Plans changed",
    });
    expect(again.status).toBe(422);
    expect(String(again.body.detail)).toContain("already cancelled");
    const shipped = await call(
      h.app,
      auth,
      "PUT",
      "/api/v1/orders/GOODS-1",
      orderJson({ customer: { email: "g@example.de" } }),
    );
    expect(shipped.status).toBe(201);
    const refused = await call(h.app, auth, "POST", "/api/v1/orders/GOODS-1/cancel", {});
    expect([refused.status, String(refused.body.detail)]).toEqual([
      422,
      expect.stringContaining("open a return"),
    ]);
    h.clock.set("2026-03-20T10:00:00Z");
  });

  it("refunds goods not yet shipped in full, shipping included", async () => {
    const o = orderJson({ customer: { email: "n@example.de" }, fulfilments: [] });
    expect((await call(h.app, auth, "PUT", "/api/v1/orders/GOODS-2", o)).status).toBe(201);
    const d = await preview("GOODS-2", "2026-03-02T10:00:00Z");
    expect([(d.body.total as Json).amount, (d.body.shipping as Json).amount]).toEqual(["124.60", "4.90"]);
  });

  it("extends return windows for orders hit by an extend-window event", async () => {
    const late = {
      orderExternalId: "GOODS-1",
      lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
      at: "2026-04-10T10:00:00Z",
    };
    expect((await call(h.app, auth, "POST", "/api/v1/returns/preview", late)).body.eligible).toBe(false); // 30 days from 3 March
    await call(h.app, auth, "PUT", "/api/v1/extenuating-events/strike", {
      description: "Postal strike in Germany",
      countries: ["DE"],
      startsAt: "2026-03-01T00:00:00Z",
      endsAt: "2026-03-31T00:00:00Z",
      effect: "extend_window",
      extendDays: 14,
    });
    const extended = await call(h.app, auth, "POST", "/api/v1/returns/preview", late);
    expect(extended.body.eligible).toBe(true);
    expect((extended.body.lines as Json[])[0]?.returnBy).toBe("2026-04-16");
    expect((extended.body.extenuatingEvents as Json[]).map((e) => e.id)).toEqual(["strike"]);
    const events = await call(h.app, auth, "GET", "/api/v1/extenuating-events");
    expect((events.body.items as Json[]).map((e) => e.id)).toEqual(["strike", "storm-2026-04"]);
  });
});
