import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { GENEROUS_POLICY, type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

/** Orders after money moved (issue 8 point 6): what refunds depend on is locked, cancelled orders stay so. */
describeEachDb("orders after money moved", (kind) => {
  let h: Harness;
  let auth: string;
  let n = 0;
  const api = (method: "GET" | "POST" | "PUT", url: string, body?: unknown) =>
    call(h.app, auth, method, url, body);

  beforeAll(async () => {
    h = await startHarness(kind);
    auth = (
      await merchantWithKey(h.deps, "acme", { policy: { ...GENEROUS_POLICY, refundTrigger: "approval" } })
    ).auth;
  });
  afterAll(() => h.close());

  const giftCard = { kind: "gift_card", provider: null, reference: "GC-9", amount: "24.60" };
  const card = { kind: "card", provider: "stripe", reference: "pi_lock", amount: "100.00" };

  /** An order paid by gift card (position 0) and card (position 1), 2 × L1 refunded to the card. */
  async function refunded(): Promise<{ id: string; order: Json }> {
    const id = `LOCK-${++n}`;
    const order = orderJson({ customer: { email: `l${n}@example.de` }, tenders: [giftCard, card] });
    expect((await api("PUT", `/api/v1/orders/${id}`, order)).status).toBe(201);
    const c = await api("POST", "/api/v1/returns", {
      orderExternalId: id,
      lines: [{ orderLineExternalId: "L1", quantity: 2, reason: "changed_mind" }],
      requestedResolution: "refund",
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const approved = await api("POST", `/api/v1/returns/${c.body.id}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const s = (approved.body.settlements as Json[])[0] as Json;
    expect([s.status, s.tenderId === null]).toEqual(["succeeded", false]);
    return { id, order };
  }
  const locked = (r: { status: number; body: Json }, path: string) => {
    expect(r.status, JSON.stringify(r.body)).toBe(409);
    expect(r.body).toMatchObject({ code: "order_locked", errors: [expect.objectContaining({ path })] });
  };

  it("the refunded tender's reference and amount are locked; removing it is a 409, not a 500", async () => {
    const { id, order } = await refunded();
    locked(
      await api("PUT", `/api/v1/orders/${id}`, {
        ...order,
        tenders: [giftCard, { ...card, reference: "pi_other" }],
      }),
      "tenders[1].reference",
    );
    locked(
      await api("PUT", `/api/v1/orders/${id}`, {
        ...order,
        tenders: [
          { ...giftCard, amount: "34.60" },
          { ...card, amount: "90.00" },
        ],
      }),
      "tenders[1].amount",
    );
    locked(
      await api("PUT", `/api/v1/orders/${id}`, { ...order, tenders: [{ ...giftCard, amount: "124.60" }] }),
      "tenders[1]",
    );
    locked(
      await api("PUT", `/api/v1/orders/${id}`, {
        ...order,
        tenders: [giftCard, { ...card, capturedAt: "2026-03-02T09:00:00Z" }],
      }),
      "tenders[1].capturedAt",
    );
    const now = await api("GET", `/api/v1/orders/${id}`);
    expect((now.body.tenders as Json[]).map((t) => [t.reference, t.amount])).toEqual([
      ["GC-9", "24.60"],
      ["pi_lock", "100.00"],
    ]);
  });

  it("a tender without settlements, and fields no money depends on, still change", async () => {
    const { id, order } = await refunded();
    const renamed = { ...order, tenders: [{ ...giftCard, reference: "GC-10" }, card] };
    expect((await api("PUT", `/api/v1/orders/${id}`, renamed)).status).toBe(200);
    const tracked = {
      ...renamed,
      fulfilments: (order.fulfilments as Json[]).map((f) => ({ ...f, trackingNumber: "JJD0099" })),
    };
    expect((await api("PUT", `/api/v1/orders/${id}`, tracked)).status).toBe(200);
  });

  it("after a refund the currency, tax and prices of returned lines are locked (named in the answer)", async () => {
    const { id, order } = await refunded();
    const lines = order.lines as Json[];
    locked(
      await api("PUT", `/api/v1/orders/${id}`, {
        ...order,
        lines: [{ ...lines[0], tax: "14.00" }, lines[1]],
      }),
      "lines[0].tax",
    );
    locked(
      await api("PUT", `/api/v1/orders/${id}`, {
        ...order,
        shipping: { ...(order.shipping as Json), tax: "0.50" },
      }),
      "shipping.tax",
    );
  });

  it("a cancelled order can neither be PUT with changes nor returned", async () => {
    const id = `CANCEL-${++n}`;
    const order = orderJson({ customer: { email: `c${n}@example.de` }, fulfilments: [] });
    expect((await api("PUT", `/api/v1/orders/${id}`, order)).status).toBe(201);
    const cancelled = await api("POST", `/api/v1/orders/${id}/cancel`, {});
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    const delivered = orderJson({ customer: { email: `c${n}@example.de` } });
    const put = await api("PUT", `/api/v1/orders/${id}`, delivered);
    expect([put.status, put.body.code]).toEqual([409, "order_cancelled"]);
    expect((await api("PUT", `/api/v1/orders/${id}`, order)).status).toBe(200); // the same content: no change
    const ret = await api("POST", "/api/v1/returns", {
      orderExternalId: id,
      lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
      requestedResolution: "refund",
    });
    expect([ret.status, ret.body.code]).toEqual([409, "order_cancelled"]);
  });
});
