import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

/** Issue 8 point 11: settings, provider accounts, payouts and keys changes land in an append-only log. */
describeEachDb("audit log", (kind) => {
  let h: Harness;
  let acme: string;
  let globex: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    acme = (await merchantWithKey(h.deps, "acme")).auth;
    globex = (await merchantWithKey(h.deps, "globex")).auth;
  });
  afterAll(() => h.close());

  it("records successful settings and provider-account changes with who did them, never the body", async () => {
    expect((await call(h.app, acme, "PUT", "/api/v1/settings", { autoRefund: false })).status).toBe(200);
    const put = await call(h.app, acme, "PUT", "/api/v1/settings/payment-providers/stripe", {
      apiKey: "sk_test_audited_secret_key",
    });
    expect(put.status).toBe(200);
    // A refused change is not an entry.
    expect((await call(h.app, acme, "PUT", "/api/v1/settings", { tenderOrder: [] })).status).toBe(400);
    const log = await call(h.app, acme, "GET", "/api/v1/audit-log");
    expect(log.status).toBe(200);
    const items = log.body.items as Json[];
    expect(items.map((i) => [i.action, i.method, i.path])).toEqual([
      ["provider_account", "PUT", "/api/v1/settings/payment-providers/stripe"],
      ["settings", "PUT", "/api/v1/settings"],
    ]);
    expect(items[0]).toMatchObject({ actor: { kind: "api_key", name: "test" }, status: 200 });
    expect(JSON.stringify(log.body)).not.toContain("sk_test_audited_secret_key");
    // Another merchant sees nothing of it.
    expect((await call(h.app, globex, "GET", "/api/v1/audit-log")).body.items).toEqual([]);
  });

  it("is append-only in the database", async () => {
    const refusal = (sql: string) =>
      h.database.db.execute(sql).then(
        () => "changed",
        (e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message),
      );
    expect(await refusal("update audit_log set path = 'x'")).toMatch(/append-only/);
    expect(await refusal("delete from audit_log")).toMatch(/append-only/);
  });
});
