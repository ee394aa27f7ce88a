import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { lookUp, portalCall, type Shopper, shopper } from "../support/portal.ts";

const POLICY = {
  name: "EU 30 days",
  scope: { countries: ["*"] },
  window: { days: 30, from: "delivery" },
  resolutions: ["refund", "store_credit"],
  returnShipping: { paidBy: "customer", flatFee: { EUR: "4.95" } },
  refundTrigger: "inspection",
};

/** The returns assistant over HTTP: answers from the engine's facts in five languages, hand-overs. */
describeEachDb("portal assistant", (kind) => {
  let h: Harness;
  let auth = "";
  beforeAll(async () => {
    h = await startHarness(kind, { now: "2026-03-10T10:00:00Z" });
    ({ auth } = await merchantWithKey(h.deps, "acme", { policy: POLICY }));
    for (const id of ["O-1", "O-2"])
      expect((await call(h.app, auth, "PUT", `/api/v1/orders/${id}`, orderJson())).status).toBe(201);
    const loc = await call(h.app, auth, "PUT", "/api/v1/locations/NL-WH", {
      kind: "warehouse",
      name: "Venlo warehouse",
      country: "NL",
      address: { line1: "Logistiekweg 4", city: "Venlo", postalCode: "5928 LB" },
      accepts: ["*"],
    });
    expect(loc.status).toBe(201);
  });
  afterAll(() => h?.close());

  // One address per session: the assistant's rate limit counts per address (a random one could repeat).
  let sessions = 0;
  const session = async (order: string) => {
    const s = shopper(`198.51.100.${++sessions}`);
    expect((await lookUp(h.app, s, "acme", { orderNumber: order, email: "ana@example.de" })).status).toBe(
      200,
    );
    return s;
  };
  const ask = (s: Shopper, message: string, locale: string, caseId?: string) =>
    portalCall(h.app, s, "POST", "/acme/assistant", { message, locale, ...(caseId ? { caseId } : {}) });
  const texts = (b: Json) => (b.facts as Json[]).map((f) => String(f.text).replace(/[\u00a0\u202f]/g, " "));

  it("answers before any return exists, in five languages, with the facts behind each answer", async () => {
    const s = await session("O-1");
    const en = await ask(s, "Can I still return this?", "en");
    expect(en.status).toBe(200);
    expect(en.body).toMatchObject({ intent: "eligibility", handover: false, phrasing: "deterministic" });
    // Delivered 3 March, German law: 14 days withdrawal, the shop's 30 days are longer.
    expect(en.body.answer).toBe("2 items of your order can still come back; the last day is April 2, 2026.");
    expect((en.body.facts as Json[])[0]).toMatchObject({
      kind: "line_eligible",
      citation: expect.stringContaining("BGB"),
    });

    const de = await ask(s, "Wann bekomme ich mein Geld?", "de");
    expect(de.body.intent).toBe("refund_timing");
    expect(texts(de.body).join(" ")).toContain("auf dein ursprüngliches Zahlungsmittel");
    expect((de.body.facts as Json[]).map((f) => f.kind)).toContain("refund_deadline");
    expect((de.body.facts as Json[]).find((f) => f.kind === "refund_deadline")?.citation).toMatch(/BGB/);

    const fr = await ask(s, "Combien coûte le retour ?", "fr");
    expect(fr.body).toMatchObject({ intent: "costs", handover: false });
    expect(fr.body.answer).toContain("4,95");
    expect(texts(fr.body)).toEqual(["Frais de retour : 4,95 €."]);

    const ja = await ask(s, "日本からどうやって送ればいいですか？", "ja");
    expect(ja.body.intent).toBe("send_from");
    expect(ja.body.answer).toContain("日本からの荷物はVenlo warehouse（オランダ）へ");
    expect((ja.body.facts as Json[]).map((f) => f.kind)).toEqual(["route", "customs", "label"]);
    expect((ja.body.facts as Json[])[1]?.text).toContain("税関を通過します");

    const ar = await ask(s, "أين مرتجعي؟", "ar");
    expect(ar.body).toMatchObject({
      intent: "status",
      answer: "لم تبدأ بعد أي إرجاع لهذا الطلب.",
      facts: [],
    });
  });

  it("without a case, an unknown question becomes a merchant notice for the back office", async () => {
    const s = await session("O-2");
    const r = await ask(s, "Do you sell gift cards for weddings?", "en");
    expect(r.body).toMatchObject({ intent: "unknown", handover: true, facts: [] });
    expect(r.body.answer).toContain("reply by e-mail");
    const notices = await call(h.app, auth, "GET", "/api/v1/notices");
    const mine = (notices.body.items as Json[]).filter((n) => n.kind === "assistant.handover");
    expect(mine).toHaveLength(1);
    expect(mine[0]?.message).toContain('Question: "\u2068Do you sell gift cards for weddings?\u2069"');
    expect(mine[0]?.message).toContain("order O-2");
  });

  it("follows a case and hands an unknown question over as a note on it (Japanese)", async () => {
    const s = await session("O-1");
    const opened = await portalCall(h.app, s, "POST", "/acme/returns", {
      lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
      resolution: "refund",
    });
    expect(opened.status).toBe(201);
    const id = String(opened.body.id);
    const where = await ask(s, "Where is my return?", "en", id);
    expect(where.body.intent).toBe("status");
    expect((where.body.facts as Json[])[0]).toMatchObject({
      kind: "case_status",
      caseFact: `${opened.body.number}.status`,
    });

    const unsure = await ask(s, "猫は好きですか？", "ja", id);
    expect(unsure.body).toMatchObject({ intent: "unknown", handover: true });
    expect(unsure.body.answer).toContain("担当者に引き継ぎました");
    const events = await call(h.app, auth, "GET", `/api/v1/returns/${id}/events`);
    const notes = (events.body.items as Json[]).filter((e) => e.type === "return.note_added");
    expect(notes).toHaveLength(1);
    expect(notes[0]?.actor).toMatchObject({ kind: "shopper" });
    expect(String((notes[0]?.data as Json | undefined)?.text)).toContain(
      'Question: "\u2068猫は好きですか？\u2069"',
    );
  });

  it("refuses bad input naming the field, another order's case, and callers without a session", async () => {
    const s = await session("O-2");
    const empty = await ask(s, "   ", "en");
    expect(empty.status).toBe(400);
    expect(empty.headers["content-type"]).toContain("application/problem+json");
    expect((empty.body.errors as Json[])[0]).toMatchObject({ path: "message" });
    const long = await ask(s, "x".repeat(501), "en");
    expect((long.body.errors as Json[])[0]).toMatchObject({ path: "message" });
    const badCase = await portalCall(h.app, s, "POST", "/acme/assistant", {
      message: "Where is it?",
      caseId: "nope",
    });
    expect((badCase.body.errors as Json[])[0]).toMatchObject({ path: "caseId" });
    const other = await ask(s, "Where is my return?", "en", "0190a0b0-0000-7000-8000-000000000000");
    expect(other.status).toBe(404);
    const stranger = await portalCall(h.app, shopper("203.0.113.9"), "POST", "/acme/assistant", {
      message: "hi",
    });
    expect(stranger.status).toBe(401);
  });

  it("is rate limited per address", async () => {
    const s = await session("O-2");
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await ask(s, "Where is my return?", "en")).status);
    expect(statuses.slice(0, 20).every((x) => x === 200)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});
