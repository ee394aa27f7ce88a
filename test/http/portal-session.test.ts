import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachDb } from "../support/databases.ts";
import { call, orderJson } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { lookUp, portalCall, shopper } from "../support/portal.ts";

/** Order lookup, the session it opens (one order, one merchant, 30 minutes), and its rate limits. */
describeEachDb("portal sessions", (kind) => {
  let h: Harness;
  const logged: Record<string, unknown>[] = [];
  let acmeAuth = "";
  beforeAll(async () => {
    h = await startHarness(kind, { securityLog: (e) => logged.push({ ...e }) });
    const acme = await merchantWithKey(h.deps, "acme");
    const other = await merchantWithKey(h.deps, "globex");
    acmeAuth = acme.auth;
    for (const [auth, id, email] of [
      [acme.auth, "A-1", "ana@example.de"],
      [acme.auth, "A-2", "bo@example.de"],
      [other.auth, "G-1", "ana@example.de"],
    ] as const) {
      const customer = { email, name: "X", locale: "de-DE", timeZone: "Europe/Berlin" };
      const body = orderJson({ customer, ...(id === "A-2" ? { giftCode: "GIFT-1234" } : {}) });
      expect((await call(h.app, auth, "PUT", `/api/v1/orders/${id}`, body)).status).toBe(201);
    }
  });
  afterAll(() => h?.close());

  it("finds an order by number and e-mail, postal code or gift code, and sets an HttpOnly cookie", async () => {
    const a = shopper("203.0.113.1");
    const r = await lookUp(h.app, a, "acme", { orderNumber: "A-1", email: "ANA@example.de " });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ orderNumber: "A-1", gift: false, locale: "de" });
    expect(String(r.headers["set-cookie"])).toMatch(/HttpOnly; SameSite=Strict/);
    expect(String(r.headers["set-cookie"])).toMatch(/Path=\/api\/portal\/v1/);
    expect(
      (await lookUp(h.app, shopper("203.0.113.1"), "acme", { orderNumber: "A-1", postalCode: "10 115" }))
        .status,
    ).toBe(200);
    const gift = await lookUp(h.app, shopper("203.0.113.1"), "acme", {
      orderNumber: "A-2",
      giftCode: "gift-1234",
    });
    expect(gift.body).toMatchObject({ gift: true });
    expect((await portalCall(h.app, a, "GET", "/acme/order")).body).toMatchObject({
      order: { number: "A-1" },
    });
  });

  it("scopes a session to its one order and merchant", async () => {
    const a = shopper("203.0.113.2");
    await lookUp(h.app, a, "acme", { orderNumber: "A-1", email: "ana@example.de" });
    // The same cookie under another merchant's slug is refused, whatever that merchant has.
    expect((await portalCall(h.app, a, "GET", "/globex/order")).status).toBe(401);
    // A case of another order of the same merchant is not found with this session.
    const b = shopper("203.0.113.3");
    await lookUp(h.app, b, "acme", { orderNumber: "A-2", email: "bo@example.de" });
    const opened = await portalCall(h.app, b, "POST", "/acme/returns", {
      lines: [{ orderLineExternalId: "L2", quantity: 1, reason: "changed_mind" }],
      resolution: "refund",
    });
    expect(opened.status).toBe(201);
    const id = String(opened.body.id);
    expect((await portalCall(h.app, a, "GET", `/acme/returns/${id}`)).status).toBe(404);
    expect((await portalCall(h.app, a, "POST", `/acme/returns/${id}/cancel`)).status).toBe(404);
    expect((await portalCall(h.app, b, "GET", `/acme/returns/${id}`)).status).toBe(200);
    // A tampered token is refused.
    const forged = { ...a, cookie: `${a.cookie?.slice(0, -3)}abc` };
    expect((await portalCall(h.app, forged, "GET", "/acme/order")).status).toBe(401);
    expect((await portalCall(h.app, shopper(), "GET", "/acme/order")).status).toBe(401);
  });

  it("expires after 30 minutes", async () => {
    const a = shopper("203.0.113.4");
    await lookUp(h.app, a, "acme", { orderNumber: "A-1", email: "ana@example.de" });
    h.clock.advance(29 * 60_000);
    expect((await portalCall(h.app, a, "GET", "/acme/order")).status).toBe(200);
    h.clock.advance(2 * 60_000);
    const late = await portalCall(h.app, a, "GET", "/acme/order");
    expect(late.status).toBe(401);
    expect(late.body.code).toBe("unauthorized");
  });

  it("blocks an address after ten failed lookups, and logs it", async () => {
    const attacker = shopper("192.0.2.66");
    for (let i = 0; i < 10; i++) {
      const r = await lookUp(h.app, attacker, "acme", {
        orderNumber: `A-${100 + i}`,
        email: "x@example.com",
      });
      expect(r.status).toBe(404);
      expect(r.body.detail).toBe(`No order "A-${100 + i}".`);
    }
    const blocked = await lookUp(h.app, attacker, "acme", { orderNumber: "A-1", email: "ana@example.de" });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ code: "rate_limited", scope: "ip" });
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    expect(logged).toContainEqual(
      expect.objectContaining({ event: "portal.lookup_blocked", ip: "192.0.2.66", scope: "ip" }),
    );
    // Another address is not affected; after the window the address may try again.
    expect(
      (await lookUp(h.app, shopper("192.0.2.67"), "acme", { orderNumber: "A-1", email: "ana@example.de" }))
        .status,
    ).toBe(200);
    h.clock.advance(16 * 60_000);
    expect(
      (await lookUp(h.app, attacker, "acme", { orderNumber: "A-1", email: "ana@example.de" })).status,
    ).toBe(200);
  });

  it("blocks an order number after five failures, from any addresses", async () => {
    for (let i = 0; i < 5; i++)
      expect(
        (
          await lookUp(h.app, shopper(`192.0.2.${10 + i}`), "acme", {
            orderNumber: "A-2",
            postalCode: "99999",
          })
        ).status,
      ).toBe(404);
    const r = await lookUp(h.app, shopper("192.0.2.99"), "acme", {
      orderNumber: "A-2",
      email: "bo@example.de",
    });
    expect(r.status).toBe(429);
    expect(r.body.scope).toBe("order_number");
    // The other merchant's order with a similar number is another order number.
    expect(
      (await lookUp(h.app, shopper("192.0.2.98"), "globex", { orderNumber: "G-1", email: "ana@example.de" }))
        .status,
    ).toBe(200);
    h.clock.advance(16 * 60_000);
  });

  it("refuses bad input on every field with 400 naming it, and changes nothing", async () => {
    const s = shopper("203.0.113.9");
    const bad = async (body: unknown, path: string) => {
      const r = await portalCall(h.app, s, "POST", "/acme/lookup", body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect((r.body.errors as { path: string }[]).map((e) => e.path)).toContain(path);
    };
    await bad({ email: "ana@example.de" }, "orderNumber");
    await bad({ orderNumber: "", email: "ana@example.de" }, "orderNumber");
    await bad({ orderNumber: "x".repeat(101), email: "ana@example.de" }, "orderNumber");
    await bad({ orderNumber: "A-1", email: "not-an-email" }, "email");
    await bad({ orderNumber: "A-1" }, "email");
    await bad({ orderNumber: "A-1", email: "ana@example.de", postalCode: "10115" }, "email");
    await bad({ orderNumber: "A-1", postalCode: "1" }, "postalCode");
    await bad({ orderNumber: "A-1", giftCode: "<script>" }, "giftCode");
    await bad({ orderNumber: "A-1", email: "ana@example.de", locale: "not a locale!" }, "locale");
    await bad({ orderNumber: 12, email: "ana@example.de" }, "orderNumber");
    const malformed = await h.app.inject({
      method: "POST",
      url: "/api/portal/v1/acme/lookup",
      headers: { "content-type": "application/json" },
      payload: "{",
    });
    expect(malformed.statusCode).toBe(400);
    expect((await portalCall(h.app, s, "GET", "/NOT_A_SLUG")).status).toBe(400);
    expect((await portalCall(h.app, s, "GET", "/nobody")).status).toBe(404);
    expect((await portalCall(h.app, s, "GET", "/acme/policy?country=de")).status).toBe(400);

    await lookUp(h.app, s, "acme", { orderNumber: "A-1", email: "ana@example.de" });
    const post = async (url: string, body: unknown, path: string) => {
      const r = await portalCall(h.app, s, "POST", url, body);
      expect(r.status, `${url} ${JSON.stringify(body)}`).toBe(400);
      expect((r.body.errors as { path: string }[]).map((e) => e.path)).toContain(path);
    };
    const line = { orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" };
    await post("/acme/preview", { lines: [] }, "lines");
    await post("/acme/preview", { lines: [{ ...line, quantity: 0 }] }, "lines[0].quantity");
    await post("/acme/preview", { lines: [{ ...line, reason: "bored" }] }, "lines[0].reason");
    await post(
      "/acme/preview",
      { lines: [{ ...line, orderLineExternalId: "" }] },
      "lines[0].orderLineExternalId",
    );
    await post("/acme/preview", { lines: [line], resolution: "cash" }, "resolution");
    await post("/acme/returns", { lines: [line] }, "resolution");
    await post(
      "/acme/returns",
      { lines: [{ ...line, photoIds: ["x"] }], resolution: "refund" },
      "lines[0].photoIds[0]",
    );
    await post(
      "/acme/returns",
      { lines: [{ ...line, comment: "x".repeat(2001) }], resolution: "refund" },
      "lines[0].comment",
    );
    await post(
      "/acme/returns",
      { lines: [line], resolution: "refund", giftRecipient: { email: "no" } },
      "giftRecipient.email",
    );
    await post(
      "/acme/returns",
      { lines: [line], resolution: "refund", bankAccount: { scheme: "iban" } },
      "bankAccount.accountHolder",
    );
    await post("/acme/withdrawals", { lines: [line], name: "Ana", email: "ana@example.de" }, "confirm");
    await post(
      "/acme/withdrawals",
      { lines: [line], name: "", email: "ana@example.de", confirm: true },
      "name",
    );
    await post("/acme/bank-account/check", { scheme: "swift", accountHolder: "A" }, "scheme");
    const id = "0190a0a0-0000-7000-8000-000000000000";
    await post(`/acme/returns/${id}/tracking`, { trackingNumber: "<>" }, "trackingNumber");
    const upload = await h.app.inject({
      method: "POST",
      url: "/api/portal/v1/acme/photos",
      remoteAddress: s.ip,
      headers: { cookie: s.cookie ?? "", "content-type": "application/json" },
      payload: { photo: "x" },
    });
    expect(upload.statusCode).toBe(415);
    expect((upload.json() as { errors: { path: string }[] }).errors[0]?.path).toBe("photo");
    // Nothing was written by any of them: the one case is the one opened above.
    const cases = await call(h.app, acmeAuth, "GET", "/api/v1/returns");
    expect((cases.body.items as unknown[]).length).toBe(1);
  });
});

describe("portal locale negotiation", () => {
  it("takes the URL, then the order, then Accept-Language", async () => {
    const { negotiateLocale } = await import("../../src/domain/locales.ts");
    expect(negotiateLocale({ url: "ja", order: "de-DE", acceptLanguage: "fr" })).toBe("ja");
    expect(negotiateLocale({ url: "xx", order: "de-AT", acceptLanguage: "fr" })).toBe("de");
    expect(negotiateLocale({ acceptLanguage: "en;q=0.5, pt;q=0.9, *" })).toBe("pt-BR");
    expect(negotiateLocale({ acceptLanguage: "zh-Hans-CN" })).toBe("zh-CN");
    expect(negotiateLocale({ order: "he-IL" })).toBe("he");
    expect(negotiateLocale({ acceptLanguage: "tlh" })).toBe("en");
  });
});
