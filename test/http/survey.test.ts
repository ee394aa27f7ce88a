import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, expect, it } from "vitest";
import { drainCase } from "../../src/app/notify/outbox-relay.ts";
import { describeEachDb } from "../support/databases.ts";
import { emailHarness } from "../support/email-harness.ts";
import { call, type Json } from "../support/fixtures.ts";

type Setup = Awaited<ReturnType<typeof emailHarness>>;

describeEachDb("post-return survey: link in the final e-mail, one answer per case, results", (kind) => {
  let s: Setup;
  beforeAll(async () => {
    s = await emailHarness(kind);
    const put = (url: string, body: unknown) => call(s.h.app, s.auth, "PUT", `/api/v1/${url}`, body);
    const entity = {
      name: "Acme GmbH",
      country: "DE",
      vatNumber: "DE123456789",
      address: { line1: "Invalidenstr. 1", postalCode: "10115", city: "Berlin" },
    };
    expect((await put("legal-entities/de", entity)).status).toBe(201);
    const dach = { name: "DACH", countries: ["DE", "AT"], currency: "EUR", legalEntity: "de" };
    const market = await put("markets/dach", dach);
    expect(market.status, JSON.stringify(market.body)).toBe(201);
    expect((await put("products/TEE-1", { title: "Linen tee", vendor: "north-mill" })).status).toBeLessThan(
      300,
    );
  });
  afterAll(() => s.close());
  const post = async (id: string, name: string, body: unknown = {}) => {
    const r = await call(s.h.app, s.auth, "POST", `/api/v1/returns/${id}/${name}`, body);
    expect(r.status, `${name}: ${JSON.stringify(r.body)}`).toBe(200);
    return r.body;
  };
  /** A case taken to closed; the final e-mail's survey path (/survey/<token>). */
  async function closedCase(
    locale: string,
  ): Promise<{ path: string; mail: ParsedMail; number: string; id: string; email: string }> {
    const c = await s.newCase(locale);
    const lineId = String(((await post(c.id, "approve")).lines as Json[])[0]?.id);
    await post(c.id, "receive", { lines: [{ lineId, quantity: 2 }] });
    await post(c.id, "inspect", {
      lines: [{ lineId, quantity: 2, outcome: "accepted", condition: "like_new" }],
    });
    await post(c.id, "resolve");
    await post(c.id, "close");
    expect(await drainCase(s.h.deps, c.id)).toEqual({ status: "settled" });
    const mails = s.to(c.email);
    const mail = mails[mails.length - 1] as ParsedMail;
    const link = /https:\/\/returns\.example(\/survey\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(mail.text ?? "");
    if (!link?.[1]) throw new Error(`no survey link in ${mail.subject}: ${mail.text}`);
    return { path: link[1], mail, number: c.number, id: c.id, email: c.email };
  }
  const answer = (path: string, body: unknown) =>
    s.h.app.inject({ method: "POST", url: path, payload: body as Record<string, unknown> });

  it("links the survey from the final e-mail and takes one answer per case (JSON)", async () => {
    const c = await closedCase("en");
    expect(c.mail.subject).toBe(`Your return ${c.number} is complete`);
    expect(String(c.mail.html)).toContain(`<a href="https://returns.example${c.path}">Rate your return</a>`);
    const page = await s.h.app.inject({ method: "GET", url: `${c.path}?score=4` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`How satisfied are you with your return ${c.number} at acme?`);
    expect(page.body).toContain('value="4" required checked');
    expect((await answer(c.path, { score: 6 })).statusCode).toBe(400);
    const first = await answer(c.path, { score: 4, comment: "Quick refund" });
    expect([first.statusCode, first.json().score]).toEqual([201, 4]);
    const again = await answer(c.path, { score: 1 });
    expect([again.statusCode, again.json().code]).toEqual([409, "already_answered"]);
    expect((await s.h.app.inject({ method: "GET", url: c.path })).body).toContain("already been answered");
  });

  it("the form works without script, in the shopper's language and direction (ar)", async () => {
    const c = await closedCase("ar");
    expect(c.mail.subject).toBe(`اكتمل المرتجع ${c.number}`);
    const page = await s.h.app.inject({ method: "GET", url: c.path });
    expect(page.body).toContain('<html lang="ar" dir="rtl">');
    expect(page.headers["content-security-policy"]).toContain("default-src 'none'");
    const sent = await s.h.app.inject({
      method: "POST",
      url: c.path,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "score=2&comment=%D8%A8%D8%B7%D9%8A%D8%A1",
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain("شكرًا على ملاحظاتك!");
  });

  it("refuses a forged or altered link", async () => {
    const c = await closedCase("de");
    const [payload, mac] = c.path.slice("/survey/".length).split(".");
    const forged = `/survey/${payload}.${String(mac).replace(/^./, (x) => (x === "A" ? "B" : "A"))}`;
    expect((await answer(forged, { score: 5 })).statusCode).toBe(404);
    expect((await s.h.app.inject({ method: "GET", url: "/survey/abc.def" })).statusCode).toBe(404);
    expect((await answer(c.path, { score: 5 })).statusCode).toBe(201);
  });

  it("a shopper's erasure drops the survey comment (the score stays) and the name in the e-mails", async () => {
    const c = await closedCase("en");
    expect((await answer(c.path, { score: 3, comment: "Sam here, call me" })).statusCode).toBe(201);
    const erased = await call(s.h.app, s.auth, "POST", "/api/v1/customers/erasure", { email: c.email });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    const response = await s.h.deps.store.read.surveys.get(s.merchantId, c.id);
    expect([response?.score, response?.comment]).toEqual([3, null]);
    const mails = await s.h.deps.store.read.emailMessages.list(s.merchantId, { caseId: c.id, limit: 50 });
    expect(mails.length).toBeGreaterThan(0);
    for (const m of mails)
      expect(`${m.to} ${m.subject} ${m.text} ${m.html}`).not.toMatch(/Sam Shopper|shopper\d+@/);
  });

  it("reports CSAT per market, reason and vendor", async () => {
    const results = async (by: string) =>
      (await call(s.h.app, s.auth, "GET", `/api/v1/surveys/results?by=${by}`)).body;
    const market = await results("market");
    expect(market.overall).toEqual({
      responses: 4,
      average: 3.5,
      csat: 50,
      distribution: [0, 1, 1, 1, 1],
    });
    expect((market.groups as Json[]).map((g) => [g.key, g.responses, g.average])).toEqual([["dach", 4, 3.5]]);
    const reason = await results("reason");
    expect((reason.groups as Json[]).map((g) => [g.key, g.responses])).toEqual([["wrong_size", 4]]);
    const vendor = await results("vendor");
    expect((vendor.groups as Json[]).map((g) => [g.key, g.responses, g.csat])).toEqual([
      ["north-mill", 4, 50],
    ]);
    expect((await call(s.h.app, s.auth, "GET", "/api/v1/surveys/results?by=colour")).status).toBe(400);
  });
});
