import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { DAY, type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

/** The returns queue of the back office (issue 10 point 3): filters, sort, cursor paging, notes. */
describeEachDb("the returns queue", (kind) => {
  let h: Harness;
  let auth: string;
  let other: string;
  let n = 0;
  const api = (method: "GET" | "POST" | "PUT", url: string, body?: unknown, key = auth) =>
    call(h.app, key, method, url, body);
  const ids = async (query: string, key = auth) => {
    const r = await api("GET", `/api/v1/returns?${query}`, undefined, key);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return (r.body.items as Json[]).map((c) => c.id as string);
  };

  /** An order shipped to `country` and a return of L1 for `reason`, asking for `resolution`. */
  async function returnOf(country: string, reason: string, resolution: string, key = auth, order = {}) {
    const id = `Q-${++n}`;
    const put = await api(
      "PUT",
      `/api/v1/orders/${id}`,
      orderJson({
        customer: { email: `q${n}@example.com`, locale: "de-DE", timeZone: "Europe/Berlin" },
        shippingAddress: { country, region: null, postalCode: "1000", city: "X", line1: "Street 1" },
        ...order,
      }),
      key,
    );
    expect(put.status, JSON.stringify(put.body)).toBe(201);
    const c = await api(
      "POST",
      "/api/v1/returns",
      {
        orderExternalId: id,
        lines: [{ orderLineExternalId: "L1", quantity: 1, reason }],
        requestedResolution: resolution,
      },
      key,
    );
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    return c.body.id as string;
  }

  let de1: string;
  let de2: string;
  let fr1: string;
  let foreign: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    auth = (await merchantWithKey(h.deps, "queue-a")).auth;
    other = (await merchantWithKey(h.deps, "queue-b")).auth;
    de1 = await returnOf("DE", "changed_mind", "refund");
    de2 = await returnOf("DE", "defective", "store_credit");
    fr1 = await returnOf("FR", "wrong_size", "refund");
    foreign = await returnOf("FR", "wrong_size", "refund", other);
    expect((await api("POST", `/api/v1/returns/${de2}/review`, {})).status).toBe(200);
  });
  afterAll(() => h.close());

  it("filters by market, reason, requested resolution and several statuses, within the merchant only", async () => {
    expect(await ids("market=FR")).toEqual([fr1]);
    expect(await ids("market=FR", other)).toEqual([foreign]);
    expect(await ids("reason=defective")).toEqual([de2]);
    expect(await ids("resolution=refund&market=DE")).toEqual([de1]);
    expect(await ids("status=needs_review")).toEqual([de2]);
    expect(await ids("status=requested,needs_review")).toEqual([fr1, de2, de1]);
    expect(await ids("vendor=nobody")).toEqual([]);
  });

  it("sorts oldest first and pages with a cursor in either order, each case once", async () => {
    const walk = async (sort: string) => {
      const seen: string[] = [];
      let cursor = "";
      for (let i = 0; i < 10; i++) {
        const r = await api("GET", `/api/v1/returns?sort=${sort}&limit=1${cursor}`);
        seen.push(...(r.body.items as Json[]).map((c) => c.id as string));
        if (!r.body.nextCursor) break;
        cursor = `&cursor=${r.body.nextCursor}`;
      }
      return seen;
    };
    expect(await walk("oldest")).toEqual([de1, de2, fr1]);
    expect(await walk("newest")).toEqual([fr1, de2, de1]);
  });

  it("flags refund deadlines approaching and overdue like the case shows them", async () => {
    // Delivered 15 March, notice 20 March (Berlin): a withdrawal refund is due by 3 April.
    const delivered = orderJson().fulfilments.map((f) => ({ ...f, deliveredAt: "2026-03-15T12:00:00Z" }));
    const due = await returnOf("DE", "changed_mind", "refund", auth, { fulfilments: delivered });
    const deadline = (await api("GET", `/api/v1/returns/${due}`)).body.refundDeadline as Json;
    expect(deadline).toMatchObject({ dueBy: "2026-04-03", status: "open" });
    expect(await ids("refundDue=approaching")).toEqual([]);
    h.clock.advance(12 * DAY);
    try {
      expect(await ids("refundDue=approaching")).toEqual([due]);
      expect(await ids("refundDue=overdue")).toEqual([]);
      h.clock.advance(3 * DAY);
      expect(((await api("GET", `/api/v1/returns/${due}`)).body.refundDeadline as Json).status).toBe(
        "overdue",
      );
      expect(await ids("refundDue=overdue")).toEqual([due]);
      expect(await ids("refundDue=overdue&market=FR")).toEqual([]);
    } finally {
      h.clock.advance(-15 * DAY);
    }
  });

  it("refuses bad filters naming the field", async () => {
    for (const [query, field] of [
      ["status=requested,nonsense", "status"],
      ["market=XX", "market"],
      ["reason=bored", "reason"],
      ["sort=random", "sort"],
      ["refundDue=soon", "refundDue"],
    ]) {
      const r = await api("GET", `/api/v1/returns?${query}`);
      expect(r.status, query).toBe(400);
      expect(JSON.stringify(r.body.errors), query).toContain(field);
    }
  });

  it("adds internal notes as events with the actor, and nowhere else", async () => {
    const r = await api("POST", `/api/v1/returns/${de1}/notes`, { text: "  Called the shopper.  " });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ type: "return.note_added", data: { text: "Called the shopper." } });
    const events = (await api("GET", `/api/v1/returns/${de1}/events`)).body.items as Json[];
    const last = events[events.length - 1] as Json;
    expect([last.type, (last.actor as Json).kind]).toEqual(["return.note_added", "api_key"]);
    expect((await api("GET", `/api/v1/returns/${de1}`)).body.status).toBe("requested");
    const empty = await api("POST", `/api/v1/returns/${de1}/notes`, { text: "   " });
    expect([empty.status, JSON.stringify(empty.body.errors)]).toEqual([400, expect.stringContaining("text")]);
    const cross = await api("POST", `/api/v1/returns/${de1}/notes`, { text: "not mine" }, other);
    expect(cross.status).toBe(404);
    expect(((await api("GET", `/api/v1/returns/${de1}/events`)).body.items as Json[]).length).toBe(
      events.length,
    );
  });
});
