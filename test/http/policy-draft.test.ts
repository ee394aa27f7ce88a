import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { GENEROUS_POLICY, type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

/** The policy editor's server side (issue 10 point 4): check a draft without saving it; versions. */
describeEachDb("checking a policy draft", (kind) => {
  let h: Harness;
  let auth: string;
  const api = (method: "GET" | "POST" | "PUT", url: string, body?: unknown) =>
    call(h.app, auth, method, url, body);
  const sample = {
    orderExternalId: "DRAFT-1",
    lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
    at: "2026-06-01T10:00:00Z",
  };
  const merchantTrack = (decision: Json) =>
    (((decision.lines as Json[])[0] as Json).tracks as Json[]).find(
      (t) => t.track === "merchant_policy",
    ) as Json;

  beforeAll(async () => {
    h = await startHarness(kind);
    auth = (await merchantWithKey(h.deps, "drafts")).auth;
    expect((await api("PUT", "/api/v1/orders/DRAFT-1", orderJson())).status).toBe(201);
  });
  afterAll(() => h.close());

  it("answers the statutory warnings a save would give, and saves nothing", async () => {
    const draft = { ...GENEROUS_POLICY, name: "Short", scope: { countries: ["DE"] }, window: { days: 7 } };
    const r = await api("POST", "/api/v1/policies/short/check", { policy: draft });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const warnings = r.body.warnings as Json[];
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.some((w) => w.jurisdiction === "DE" && String(w.citation).includes("BGB"))).toBe(true);
    expect([r.body.problem, r.body.decision]).toEqual([null, null]);
    expect((await api("GET", "/api/v1/policies/short")).status).toBe(404);
    const longer = await api("POST", "/api/v1/policies/short/check", {
      policy: { ...draft, window: { days: 30 } },
    });
    expect(longer.body.warnings).toEqual([]);
  });

  it("judges a sample return with the draft in place of the saved version", async () => {
    const saved = await api("POST", "/api/v1/returns/preview", sample);
    expect(merchantTrack(saved.body).eligible).toBe(false);
    const r = await api("POST", "/api/v1/policies/default/check", {
      policy: { ...GENEROUS_POLICY, window: { days: 120 } },
      sample,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(merchantTrack(r.body.decision as Json)).toMatchObject({ eligible: true, returnBy: "2026-07-01" });
    expect(merchantTrack((await api("POST", "/api/v1/returns/preview", sample)).body).eligible).toBe(false);
  });

  it("names what a save would refuse, and refuses bad drafts naming the field", async () => {
    const overlap = await api("POST", "/api/v1/policies/second/check", { policy: GENEROUS_POLICY });
    expect(overlap.body.problem).toMatchObject({
      path: "scope",
      message: expect.stringContaining("default"),
    });
    const bad = await api("POST", "/api/v1/policies/default/check", {
      policy: { ...GENEROUS_POLICY, window: { days: -1 } },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain("policy.window.days");
    const unknown = await api("POST", "/api/v1/policies/default/check", {
      policy: GENEROUS_POLICY,
      sample: { ...sample, orderExternalId: "NOPE" },
    });
    expect(unknown.status).toBe(404);
  });

  it("lists every saved version with who saved it", async () => {
    expect(
      (await api("PUT", "/api/v1/policies/default", { ...GENEROUS_POLICY, window: { days: 45 } })).status,
    ).toBe(200);
    const v = await api("GET", "/api/v1/policies/default/versions");
    expect((v.body.items as Json[]).map((x) => x.version)).toEqual([1, 2]);
    expect((v.body.items as Json[])[1]).toMatchObject({
      savedBy: expect.any(String),
      savedAt: expect.any(String),
    });
    expect((await api("GET", "/api/v1/policies/none/versions")).status).toBe(404);
  });
});
