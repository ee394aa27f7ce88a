import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "../../src/app/merchants.ts";
import { scopeFor } from "../../src/domain/api-key-scopes.ts";
import { describeEachDb } from "../support/databases.ts";
import { call } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

/** Issue 8 point 11: API keys have scopes (from the staff permission mapping), an expiry and a last use. */
describeEachDb("API key scopes, expiry and last use", (kind) => {
  let h: Harness;
  let merchantId: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    merchantId = (await merchantWithKey(h.deps, "acme")).merchantId;
  });
  afterAll(() => h.close());

  const key = async (name: string, opts: Parameters<typeof createApiKey>[4]) => {
    const r = await createApiKey(h.deps, "acme", name, undefined, opts);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return { auth: `Bearer ${r.value.key}`, id: r.value.record.id };
  };

  it("a read-only key reads and is refused every change with 403 naming the scope it lacks", async () => {
    const { auth } = await key("reporting", { scopes: ["read"] });
    expect((await call(h.app, auth, "GET", "/api/v1/settings")).status).toBe(200);
    const write = await call(h.app, auth, "PUT", "/api/v1/settings", { autoRefund: false });
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({ code: "forbidden", requiredScope: "settings" });
    const open = await call(h.app, auth, "POST", "/api/v1/returns", {});
    expect(open.body).toMatchObject({ requiredScope: "returns:write" });
    expect((await call(h.app, auth, "GET", "/api/v1/settings")).body.autoRefund).toBeUndefined();
  });

  it("a returns:write key may open returns (validation answers, not 403) but not touch money or settings", async () => {
    const { auth } = await key("warehouse", { scopes: ["read", "returns:write"] });
    expect((await call(h.app, auth, "POST", "/api/v1/returns", {})).status).toBe(400);
    const money = await call(
      h.app,
      auth,
      "POST",
      "/api/v1/settlements/00000000-0000-7000-8000-000000000000/retry",
      {},
    );
    expect(money.body).toMatchObject({ requiredScope: "refunds:write" });
  });

  it("maps requests to scopes through the staff permission table; payout approvals need payouts:approve", () => {
    expect(scopeFor("GET", "/returns")).toBe("read");
    expect(scopeFor("POST", "/returns/x/approve")).toBe("returns:write");
    expect(scopeFor("POST", "/returns/x/receive")).toBe("returns:write");
    expect(scopeFor("POST", "/returns/x/refunds")).toBe("refunds:write");
    expect(scopeFor("POST", "/settlements/x/approve")).toBe("payouts:approve");
    expect(scopeFor("POST", "/payouts/sepa-export")).toBe("payouts:approve");
    expect(scopeFor("PUT", "/settings/payment-providers/stripe")).toBe("settings");
    expect(scopeFor("PUT", "/policies/default")).toBe("settings");
  });

  it("an expired key is refused like a revoked one; use is recorded as lastUsedAt", async () => {
    const expiresAt = new Date(h.clock.now().getTime() + 86_400_000);
    const { auth, id } = await key("temporary", { expiresAt });
    expect((await call(h.app, auth, "GET", "/api/v1/settings")).status).toBe(200);
    const used = (await h.deps.store.read.apiKeys.list(merchantId)).find((k) => k.id === id);
    expect(used?.lastUsedAt).not.toBeNull();
    expect(used?.scopes).toEqual(["read", "returns:write", "refunds:write", "payouts:approve", "settings"]);
    h.clock.advance(2 * 86_400_000);
    const gone = await call(h.app, auth, "GET", "/api/v1/settings");
    expect(gone.status).toBe(401);
    expect(gone.body.detail).toMatch(/expired/);
  });
});
