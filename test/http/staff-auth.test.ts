import { afterAll, beforeAll, expect, it } from "vitest";
import { LOCK_AFTER } from "../../src/app/staff/sign-in.ts";
import { totpAt } from "../../src/app/staff/totp.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { clientFor, STAFF_PASSWORD, signInAs, staffAccount, staffCookie } from "../support/staff.ts";

describeEachDb("back-office accounts and sessions", (kind) => {
  let h: Harness;
  let auth: string;
  let merchantId: string;
  const emails: Record<string, string> = {};
  beforeAll(async () => {
    h = await startHarness(kind);
    ({ auth, merchantId } = await merchantWithKey(h.deps, "acme"));
    for (const role of ["owner", "manager", "agent", "warehouse", "vendor"] as const)
      emails[role] = await staffAccount(h.deps, merchantId, role);
  });
  afterAll(() => h.close());

  const login = (email: string, password: string) =>
    h.app.inject({ method: "POST", url: "/api/admin/v1/session", payload: { email, password } });

  it("signs in with an HttpOnly, SameSite=Strict cookie; the password is stored as argon2id", async () => {
    const res = await login(emails.agent ?? "", STAFF_PASSWORD);
    expect(res.statusCode).toBe(200);
    const set = String(res.headers["set-cookie"]);
    expect(set).toMatch(/cb_admin=[A-Za-z0-9_-]{40,}/);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(set).toMatch(/Path=\/api/);
    const body = res.json() as Json;
    expect((body.account as Json).role).toBe("agent");
    expect(body.permissions).toEqual(["read", "returns:decide", "refunds:write"]);
    const stored = await h.deps.store.read.staff.accountByEmail(emails.agent ?? "");
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("answers a wrong password and an unknown address alike, and locks after repeated failures", async () => {
    const email = await staffAccount(h.deps, merchantId, "agent", "locked@example.com");
    const unknown = await login("nobody@example.com", "whatever-it-is");
    expect(unknown.statusCode).toBe(401);
    for (let i = 0; i < LOCK_AFTER; i++) {
      const r = await login(email, "wrong password!!");
      expect(r.statusCode, `attempt ${i + 1}`).toBe(401);
      expect((r.json() as Json).code).toBe(unknown.json<Json>().code);
    }
    const locked = await login(email, STAFF_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect((locked.json() as Json).code).toBe("account_locked");
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    h.clock.advance(16 * 60_000);
    expect((await login(email, STAFF_PASSWORD)).statusCode).toBe(200);
  });

  it("gives a new session at every sign-in and ends it on the server at sign-out", async () => {
    const a = await signInAs(h.app, emails.manager ?? "");
    const b = await signInAs(h.app, emails.manager ?? "");
    expect(a.cookie).not.toBe(b.cookie);
    // A cookie planted before sign-in is never adopted.
    const planted = await h.app.inject({
      method: "POST",
      url: "/api/admin/v1/session",
      headers: { cookie: "cb_admin=attacker-chosen-value-0000000000000" },
      payload: { email: emails.manager, password: STAFF_PASSWORD },
    });
    expect(staffCookie(planted)).not.toBe("cb_admin=attacker-chosen-value-0000000000000");
    expect((await a.call("GET", "/api/admin/v1/session")).status).toBe(200);
    expect((await a.call("DELETE", "/api/admin/v1/session")).status).toBe(204);
    expect((await a.call("GET", "/api/admin/v1/session")).status).toBe(401);
    expect((await a.call("GET", "/api/v1/returns")).status).toBe(401);
    expect((await b.call("GET", "/api/admin/v1/session")).status).toBe(200);
  });

  it("refuses a state change without the session's CSRF token, before anything changes", async () => {
    await call(h.app, auth, "PUT", "/api/v1/orders/CSRF-1", orderJson());
    const agent = await signInAs(h.app, emails.agent ?? "");
    const body = {
      orderExternalId: "CSRF-1",
      lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "wrong_size" }],
      requestedResolution: "refund",
    };
    const none = await agent.call("POST", "/api/v1/returns", body, { csrf: null });
    expect(none.status).toBe(403);
    expect(none.body.code).toBe("csrf_failed");
    const wrong = await agent.call("POST", "/api/v1/returns", body, { csrf: "x".repeat(32) });
    expect(wrong.status).toBe(403);
    expect((await call(h.app, auth, "GET", "/api/v1/returns")).body.items).toEqual([]);
    expect((await agent.call("DELETE", "/api/admin/v1/session", undefined, { csrf: null })).status).toBe(403);
    const created = await agent.call("POST", "/api/v1/returns", body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  });

  it("records the staff account as the actor of what it does through the merchant API", async () => {
    await call(h.app, auth, "PUT", "/api/v1/orders/ACT-1", orderJson());
    const agent = await signInAs(h.app, emails.agent ?? "");
    const created = await agent.call("POST", "/api/v1/returns", {
      orderExternalId: "ACT-1",
      lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "wrong_size" }],
      requestedResolution: "refund",
    });
    const id = created.body.id as string;
    expect((await agent.call("POST", `/api/v1/returns/${id}/approve`, {})).status).toBe(200);
    const events = (await call(h.app, auth, "GET", `/api/v1/returns/${id}/events`)).body.items as Json[];
    const me = (await agent.call("GET", "/api/admin/v1/session")).body.account as Json;
    expect(events.map((e) => e.actor)).toEqual([
      { kind: "staff", id: me.id, name: "agent person" },
      { kind: "staff", id: me.id, name: "agent person" },
    ]);
  });

  it("asks for the TOTP code after the password once two-step sign-in is on", async () => {
    const email = await staffAccount(h.deps, merchantId, "agent", "totp@example.com");
    const s = await signInAs(h.app, email);
    const begun = await s.call("POST", "/api/admin/v1/me/totp");
    expect(begun.status).toBe(200);
    const secret = begun.body.secret as string;
    expect(begun.body.uri).toMatch(/^otpauth:\/\/totp\/Crossback%3Atotp%40example\.com\?secret=/);
    expect((await s.call("POST", "/api/admin/v1/me/totp/confirm", { code: "000000" })).status).toBe(422);
    const code = totpAt(secret, h.clock.now());
    expect((await s.call("POST", "/api/admin/v1/me/totp/confirm", { code })).status).toBe(200);

    const step1 = await login(email, STAFF_PASSWORD);
    expect(step1.json<Json>().totpRequired).toBe(true);
    const pending = clientFor(h.app, staffCookie(step1) ?? "", step1.json<Json>().csrfToken as string);
    // The pending session can do nothing but send the code.
    expect((await pending.call("GET", "/api/v1/returns")).status).toBe(401);
    expect((await pending.call("GET", "/api/admin/v1/session")).status).toBe(401);
    expect((await pending.call("POST", "/api/admin/v1/session/totp", { code: "123456" })).status).toBe(401);
    const done = await pending.call("POST", "/api/admin/v1/session/totp", {
      code: totpAt(secret, h.clock.now()),
    });
    expect(done.status).toBe(200);
    const full = clientFor(h.app, staffCookie(done.res) ?? "", done.body.csrfToken as string);
    expect(full.cookie).not.toBe(pending.cookie);
    expect((await full.call("GET", "/api/v1/returns")).status).toBe(200);
    expect((await pending.call("GET", "/api/admin/v1/session")).status).toBe(401);
  });

  it("invites by link: the invitee sets a password and is signed in with the invited role", async () => {
    const owner = await signInAs(h.app, emails.owner ?? "");
    const agent = await signInAs(h.app, emails.agent ?? "");
    const body = { email: "new.hire@example.com", role: "warehouse" };
    expect((await agent.call("POST", "/api/admin/v1/invitations", body)).status).toBe(403);
    const sent = await owner.call("POST", "/api/admin/v1/invitations", body);
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const link = sent.body.link as string;
    expect(link).toMatch(/\/admin\/invitations\/[A-Za-z0-9_-]{40,}$/);
    const token = link.split("/").pop() ?? "";
    const seen = await h.app.inject({ method: "GET", url: `/api/admin/v1/invitations/by-token/${token}` });
    expect(seen.json()).toEqual({
      email: "new.hire@example.com",
      role: "warehouse",
      vendor: null,
      merchant: "acme",
    });
    const weak = await h.app.inject({
      method: "POST",
      url: "/api/admin/v1/invitations/accept",
      payload: { token, name: "New Hire", password: "short" },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json<Json>().errors).toEqual([
      { path: "password", pointer: "/password", message: "use at least 12 characters" },
    ]);
    const accepted = await h.app.inject({
      method: "POST",
      url: "/api/admin/v1/invitations/accept",
      payload: { token, name: "New Hire", password: "a long enough password" },
    });
    expect(accepted.statusCode).toBe(201);
    expect((accepted.json<Json>().account as Json).role).toBe("warehouse");
    expect(staffCookie(accepted)).toBeTruthy();
    const again = await h.app.inject({
      method: "POST",
      url: "/api/admin/v1/invitations/accept",
      payload: { token, name: "Someone", password: "a long enough password" },
    });
    expect(again.statusCode).toBe(404);
  });
});
