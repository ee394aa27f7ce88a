import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { GENEROUS_POLICY, type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

/** Goodwill and replacement amounts (issue 8 point 4): the case's currency, goodwill within its cap. */
describeEachDb("goodwill and exchange amounts", (kind) => {
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

  /** An approved EUR return (124.60 order) whose refund waits for an agent. */
  async function approvedCase(resolution = "refund"): Promise<string> {
    const id = `GW-${++n}`;
    const order = orderJson({ customer: { email: `g${n}@example.de` } });
    expect((await api("PUT", `/api/v1/orders/${id}`, order)).status).toBe(201);
    const c = await api("POST", "/api/v1/returns", {
      orderExternalId: id,
      lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
      requestedResolution: resolution,
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    expect((await api("POST", `/api/v1/returns/${c.body.id}/approve`, {})).status).toBe(200);
    return c.body.id as string;
  }
  const refused = (r: { status: number; body: Json }, path: string) => {
    expect(r.status, JSON.stringify(r.body)).toBe(422);
    expect(r.body).toMatchObject({ code: "invalid_input", errors: [expect.objectContaining({ path })] });
  };
  const settlements = async (caseId: string) =>
    ((await api("GET", `/api/v1/returns/${caseId}`)).body.settlements as Json[]) ?? [];

  it("1000 JPY of goodwill on a EUR return is refused, not paid as €10.00", async () => {
    await api("PUT", "/api/v1/settings", { autoRefund: false });
    const caseId = await approvedCase();
    const jpy = { goodwill: { amount: "1000", currency: "JPY" } };
    refused(await api("POST", `/api/v1/returns/${caseId}/refund-preview`, jpy), "goodwill.currency");
    refused(await api("POST", `/api/v1/returns/${caseId}/refunds`, jpy), "goodwill.currency");
    expect(await settlements(caseId)).toEqual([]);
  });

  it("a replacement priced in another currency than the return's is refused", async () => {
    await api("PUT", "/api/v1/settings", { autoRefund: false });
    const caseId = await approvedCase("exchange");
    const line = ((await api("GET", `/api/v1/returns/${caseId}`)).body.lines as Json[])[0]?.id;
    const units = [{ lineId: line, quantity: 1 }];
    expect((await api("POST", `/api/v1/returns/${caseId}/ship`, { carrier: "DHL" })).status).toBe(200);
    expect((await api("POST", `/api/v1/returns/${caseId}/receive`, { lines: units })).status).toBe(200);
    const inspected = units.map((u) => ({ ...u, outcome: "accepted", condition: "like_new" }));
    expect((await api("POST", `/api/v1/returns/${caseId}/inspect`, { lines: inspected })).status).toBe(200);
    const replacement = {
      sku: "TEE-2",
      title: "Linen tee, L",
      unitPrice: { amount: "44.90", currency: "USD" },
    };
    refused(
      await api("POST", `/api/v1/returns/${caseId}/resolve`, { replacement }),
      "replacement.unitPrice.currency",
    );
    expect((await api("GET", `/api/v1/returns/${caseId}`)).body.status).toBe("inspected");
    expect(await settlements(caseId)).toEqual([]);
  });

  it("goodwill is capped by the merchant's goodwillMax over every refund of the order", async () => {
    await api("PUT", "/api/v1/settings", { autoRefund: false, goodwillMax: { EUR: "20.00" } });
    expect((await api("GET", "/api/v1/settings")).body.goodwillMax).toEqual({ EUR: "20.00" });
    const caseId = await approvedCase();
    const gw = (amount: string) => ({ goodwill: { amount, currency: "EUR" } });
    refused(await api("POST", `/api/v1/returns/${caseId}/refunds`, gw("20.01")), "goodwill.amount");
    const first = await api("POST", `/api/v1/returns/${caseId}/refunds`, gw("15.00"));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await api("POST", `/api/v1/returns/${caseId}/refunds`, gw("10.00"));
    refused(second, "goodwill.amount");
    expect(JSON.stringify(second.body)).toContain("at most 5.00 EUR");
    expect((await api("POST", `/api/v1/returns/${caseId}/refunds`, gw("5.00"))).status).toBe(201);
    const cents = (await settlements(caseId)).reduce((t, s) => t + Math.round(Number(s.amount) * 100), 0);
    expect(cents).toBe(4_490 + 1_500 + 500);
  });

  it("without a goodwillMax, goodwill cannot exceed the order's total", async () => {
    await api("PUT", "/api/v1/settings", { autoRefund: false });
    const caseId = await approvedCase();
    const over = { goodwill: { amount: "124.61", currency: "EUR" } };
    refused(await api("POST", `/api/v1/returns/${caseId}/refunds`, over), "goodwill.amount");
    expect(
      (await api("PUT", "/api/v1/settings", { goodwillMax: { JPY: "10.5" } })).status,
      "the cap is checked against its currency's decimals",
    ).toBe(400);
  });
});
