import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { type StaffClient, signInAs, staffAccount } from "../support/staff.ts";

const KYOTO = {
  name: "Kyoto Ceramics",
  scope: { countries: ["*"], vendors: ["kyoto-ceramics"] },
  window: { days: 30, from: "delivery" },
  resolutions: ["refund", "store_credit"],
  restockingFee: { percent: 5 },
};
const errorPaths = (b: Json) => ((b.errors as Json[] | undefined) ?? []).map((e) => e.path);

/**
 * A vendor's own policy within the marketplace's minimums (issue 10 point 6): below a minimum is
 * refused naming the field; the vendor's lines are judged by it, never below the law; a vendor
 * account reads and writes its own vendor's policies only.
 */
describeEachDb("vendor policies within the marketplace's minimums", (kind) => {
  let h: Harness;
  let auth = "";
  let merchantId = "";
  let kyoto: StaffClient;
  const api = (method: "GET" | "POST" | "PUT", url: string, body?: unknown) =>
    call(h.app, auth, method, url, body);
  const minimums = { windowDays: 21, resolutions: ["refund"], maxRestockingFeePercent: 10 };

  beforeAll(async () => {
    h = await startHarness(kind);
    ({ auth, merchantId } = await merchantWithKey(h.deps, "bazaar"));
    const set = await api("PUT", "/api/v1/settings", { marketplaceMinimums: minimums });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    for (const [sku, vendor] of [
      ["TEE-1", "alpine"],
      ["CAP-1", "kyoto-ceramics"],
    ])
      expect((await api("PUT", `/api/v1/products/${sku}`, { title: sku, vendor })).status).toBe(201);
    expect((await api("PUT", "/api/v1/orders/V-1", orderJson())).status).toBe(201);
    kyoto = await signInAs(h.app, await staffAccount(h.deps, merchantId, "vendor"));
  });
  afterAll(() => h?.close());

  it("refuses a vendor policy below a minimum with 422 naming each field, and changes nothing", async () => {
    const below = await api("PUT", "/api/v1/policies/kyoto", {
      ...KYOTO,
      window: { days: 7, from: "delivery" },
      resolutions: ["store_credit"],
      restockingFee: { percent: 15 },
    });
    expect(below.status, JSON.stringify(below.body)).toBe(422);
    expect(errorPaths(below.body)).toEqual(["window.days", "resolutions", "restockingFee.percent"]);
    expect(JSON.stringify(below.body)).toContain("at least 21 days");
    const fixed = await api("PUT", "/api/v1/policies/kyoto", {
      ...KYOTO,
      restockingFee: { fixed: { EUR: "2.00" } },
    });
    expect([fixed.status, errorPaths(fixed.body)]).toEqual([422, ["restockingFee"]]);
    expect((await api("GET", "/api/v1/policies/kyoto")).status).toBe(404);
    const check = await api("POST", "/api/v1/policies/kyoto/check", {
      policy: { ...KYOTO, window: { days: 7 } },
    });
    expect((check.body.problem as Json).path).toBe("window.days");
    // The marketplace's own policies are not held to the vendors' minimums.
    const own = await api("PUT", "/api/v1/policies/house", {
      name: "House",
      scope: { countries: ["FR"] },
      window: { days: 7 },
    });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect((await api("PUT", "/api/v1/policies/kyoto", KYOTO)).status).toBe(201);
  });

  it("a vendor account sees and edits only its own vendor's policies, within the minimums", async () => {
    const list = await kyoto.call("GET", "/api/v1/policies");
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect((list.body.items as Json[]).map((p) => p.id)).toEqual(["kyoto"]);
    expect(list.body.marketplaceMinimums).toEqual(minimums);
    expect((await kyoto.call("GET", "/api/v1/policies/default")).status).toBe(404);
    expect((await kyoto.call("GET", "/api/v1/policies/default/versions")).status).toBe(404);
    const theirs = await kyoto.call("PUT", "/api/v1/policies/default", KYOTO);
    expect(theirs.status).toBe(404);
    const wider = await kyoto.call("PUT", "/api/v1/policies/kyoto-2", {
      ...KYOTO,
      scope: { countries: ["*"], vendors: ["kyoto-ceramics", "alpine"] },
    });
    expect([wider.status, errorPaths(wider.body)]).toEqual([422, ["scope.vendors"]]);
    const short = await kyoto.call("PUT", "/api/v1/policies/kyoto", { ...KYOTO, window: { days: 10 } });
    expect([short.status, errorPaths(short.body)]).toEqual([422, ["window.days"]]);
    const check = await kyoto.call("POST", "/api/v1/policies/kyoto/check", {
      policy: { ...KYOTO, window: { days: 10 } },
    });
    expect([check.status, (check.body.problem as Json).path]).toEqual([200, "window.days"]);
    // A sample order may hold other vendors' goods, judged by their policies: refused for a vendor.
    const sample = {
      orderExternalId: "V-1",
      lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
    };
    const tried = await kyoto.call("POST", "/api/v1/policies/kyoto/check", { policy: KYOTO, sample });
    expect([tried.status, errorPaths(tried.body)]).toEqual([422, ["sample"]]);
    const ok = await kyoto.call("PUT", "/api/v1/policies/kyoto", { ...KYOTO, window: { days: 40 } });
    expect([ok.status, ok.body.version, ok.body.savedBy]).toEqual([200, 2, expect.any(String)]);
    expect((await kyoto.call("GET", "/api/v1/settings")).status).toBe(403);
    expect((await kyoto.call("PUT", "/api/v1/extenuating-events/storm", {})).status).toBe(403);
    expect((await kyoto.call("GET", "/api/v1/policies/rendered?country=DE")).status).toBe(403);
    // The marketplace still writes it too (its team and API keys reach every policy).
    expect((await api("GET", "/api/v1/policies/kyoto")).body.version).toBe(2);
  });

  it("judges the vendor's lines by its policy, raised to today's minimums, and never below the law", async () => {
    // The marketplace lowers its minimum and the vendor goes down to 7 days.
    const lowered = { ...minimums, windowDays: 5 };
    expect((await api("PUT", "/api/v1/settings", { marketplaceMinimums: lowered })).status).toBe(200);
    expect(
      (await kyoto.call("PUT", "/api/v1/policies/kyoto", { ...KYOTO, window: { days: 7 } })).status,
    ).toBe(200);
    const body = {
      orderExternalId: "V-1",
      lines: [{ orderLineExternalId: "L2", quantity: 1, reason: "changed_mind" }],
      at: "2026-03-13T10:00:00Z",
    };
    const p = await api("POST", "/api/v1/returns/preview", body);
    const line = (p.body.lines as Json[])[0] as Json;
    const track = (name: string) => (line.tracks as Json[]).find((t) => t.track === name) as Json;
    expect(track("merchant_policy").eligible).toBe(false);
    // Kyoto's 7 days are over, but the EU's 14-day withdrawal (from 3 March) is not.
    expect([line.eligible, line.track, track("statutory_withdrawal").eligible]).toEqual([
      true,
      "statutory_withdrawal",
      true,
    ]);
    expect(track("statutory_withdrawal").returnBy).toBe("2026-03-17");
    // The minimum rises again: the stored 7-day policy is judged as 21 days.
    expect((await api("PUT", "/api/v1/settings", { marketplaceMinimums: minimums })).status).toBe(200);
    const raised = await api("POST", "/api/v1/returns/preview", body);
    const again = (raised.body.lines as Json[])[0] as Json;
    const merchant = (again.tracks as Json[]).find((t) => t.track === "merchant_policy") as Json;
    expect([merchant.eligible, merchant.returnBy]).toEqual([true, "2026-03-24"]);
  });
});
