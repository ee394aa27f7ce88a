import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { type StaffClient, signInAs, staffAccount } from "../support/staff.ts";

const UNKNOWN = "01900000-0000-7000-8000-000000000000";

/**
 * Vendor accounts see and act only on their cases (issue 10 point 6): the queue is held to the
 * vendor whatever filter it sends; another vendor's case, another merchant's case of the same vendor
 * code and an unknown id answer the same 404; the rest of the merchant API is 403.
 */
describeEachDb("vendor isolation", (kind) => {
  let h: Harness;
  let kyoto: StaffClient;
  const ids = { own: "", otherVendor: "", otherMerchant: "" };

  /** A merchant whose tee is sold by kyoto-ceramics and cap by osaka-glass, with one order. */
  async function shop(slug: string, order: string) {
    const m = await merchantWithKey(h.deps, slug);
    for (const [sku, vendor] of [
      ["TEE-1", "kyoto-ceramics"],
      ["CAP-1", "osaka-glass"],
    ])
      await call(h.app, m.auth, "PUT", `/api/v1/products/${sku}`, { title: sku, vendor });
    expect((await call(h.app, m.auth, "PUT", `/api/v1/orders/${order}`, orderJson())).status).toBe(201);
    return m;
  }
  async function caseOf(auth: string, order: string, line: string) {
    const r = await call(h.app, auth, "POST", "/api/v1/returns", {
      orderExternalId: order,
      lines: [{ orderLineExternalId: line, quantity: 1, reason: "defective" }],
      requestedResolution: "refund",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  }

  beforeAll(async () => {
    h = await startHarness(kind, { now: "2026-03-05T10:00:00Z" });
    const a = await shop("market-a", "A1");
    const b = await shop("market-b", "B1");
    ids.own = await caseOf(a.auth, "A1", "L1");
    ids.otherVendor = await caseOf(a.auth, "A1", "L2");
    ids.otherMerchant = await caseOf(b.auth, "B1", "L1");
    kyoto = await signInAs(h.app, await staffAccount(h.deps, a.merchantId, "vendor"));
  });
  afterAll(() => h.close());

  it("lists only the vendor's own cases, whatever vendor filter it sends", async () => {
    for (const q of [
      "",
      "?vendor=osaka-glass",
      "?vendor=osaka-glass&vendor=kyoto-ceramics",
      "?status=requested",
    ]) {
      const r = await kyoto.call("GET", `/api/v1/returns${q}`);
      expect(r.status, q).toBe(200);
      expect(
        (r.body.items as Json[]).map((c) => c.id),
        q,
      ).toEqual([ids.own]);
    }
  });

  it("reads its case, events and credit notes; anyone else's answers 404 like an unknown id", async () => {
    for (const url of [
      `/returns/${ids.own}`,
      `/returns/${ids.own}/events`,
      `/credit-notes?caseId=${ids.own}`,
    ])
      expect((await kyoto.call("GET", `/api/v1${url}`)).status, url).toBe(200);
    for (const id of [ids.otherVendor, ids.otherMerchant, UNKNOWN, "not-a-uuid"])
      for (const url of [
        `/returns/${id}`,
        `/returns/${id}/events`,
        `/returns/${id}/refunds`,
        `/credit-notes?caseId=${id}`,
      ]) {
        const r = await kyoto.call("GET", `/api/v1${url}`);
        expect([r.status, r.body.code, r.body.detail], url).toEqual([404, "not_found", `No return "${id}".`]);
      }
    expect((await kyoto.call("GET", `/api/v1/credit-notes/${UNKNOWN}/pdf`)).status).toBe(404);
  });

  it("acts on its own case (recorded with the account as actor), never on anyone else's", async () => {
    for (const id of [ids.otherVendor, ids.otherMerchant])
      for (const [cmd, body] of [
        ["approve", {}],
        ["reject", { reason: "no" }],
        ["notes", { text: "x" }],
        ["refunds", {}],
      ] as const) {
        const r = await kyoto.call("POST", `/api/v1/returns/${id}/${cmd}`, body);
        expect(r.status, `${cmd} ${id}`).toBe(404);
      }
    const approved = await kyoto.call("POST", `/api/v1/returns/${ids.own}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const events = (await kyoto.call("GET", `/api/v1/returns/${ids.own}/events`)).body.items as Json[];
    expect(events.at(-1)?.actor).toMatchObject({ kind: "staff" });
  });

  it("is refused the rest of the merchant API (its own policies: vendor-policies.test.ts) and the back office's team and keys", async () => {
    for (const [method, url, body] of [
      ["GET", "/api/v1/orders/A1", undefined],
      ["GET", "/api/v1/settlements", undefined],
      ["GET", "/api/v1/credit-notes", undefined],
      ["GET", "/api/v1/settings", undefined],
      ["GET", "/api/v1/policies/rendered?country=DE", undefined],
      ["GET", "/api/v1/extenuating-events", undefined],
      ["POST", "/api/v1/returns", {}],
      ["POST", "/api/v1/returns/preview", {}],
      ["GET", "/api/v1/receiving/lookup?code=A1", undefined],
      ["GET", "/api/admin/v1/accounts", undefined],
      ["GET", "/api/admin/v1/api-keys", undefined],
    ] as const) {
      const r = await kyoto.call(method, url, body);
      expect([r.status, r.body.code], url).toEqual([403, "forbidden"]);
    }
  });
});
