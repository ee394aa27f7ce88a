import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openAiPhraser } from "../../../src/adapters/assistant/openai-phraser.ts";
import { type FakeOpenAi, startFakeOpenAi } from "../../support/fake-openai.ts";
import { call, type Json, orderJson } from "../../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../../support/harness.ts";
import { lookUp, portalCall, shopper } from "../../support/portal.ts";

const POLICY = {
  name: "EU 30 days",
  scope: { countries: ["*"] },
  window: { days: 30, from: "delivery" },
  resolutions: ["refund"],
};

/**
 * The phrasing model behind ASSISTANT_LLM_URL, against a local OpenAI-compatible server: its words are
 * used only when every number in them is one of the facts; an invented figure, an error or an empty
 * reply falls back to the assistant's own answer.
 */
describe("assistant phrasing through an OpenAI-compatible endpoint", () => {
  let fake: FakeOpenAi;
  let h: Harness;
  const s = shopper("198.51.100.44");
  const ask = (message: string, locale = "de") =>
    portalCall(h.app, s, "POST", "/acme/assistant", { message, locale });

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    h = await startHarness("pglite", {
      now: "2026-03-10T10:00:00Z",
      assistant: openAiPhraser({
        baseUrl: fake.url,
        apiKey: "sk-test-123",
        model: "fake-model",
        timeoutMs: 5_000,
      }),
    });
    const { auth } = await merchantWithKey(h.deps, "acme", { policy: POLICY });
    expect((await call(h.app, auth, "PUT", "/api/v1/orders/O-1", orderJson())).status).toBe(201);
    expect((await lookUp(h.app, s, "acme", { orderNumber: "O-1", email: "ana@example.de" })).status).toBe(
      200,
    );
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });
  beforeEach(() => {
    fake.requests.length = 0;
  });

  it("sends only the computed facts, and uses a reply that re-words them", async () => {
    fake.reply = () => ({
      status: 200,
      content: "Gute Nachricht: Du kannst 2 Artikel bis zum 2. April 2026 zurückschicken.",
    });
    const r = await ask("Kann ich das noch zurückgeben?");
    expect(r.body).toMatchObject({
      intent: "eligibility",
      phrasing: "llm",
      answer: "Gute Nachricht: Du kannst 2 Artikel bis zum 2. April 2026 zurückschicken.",
    });
    expect((r.body.facts as Json[]).length).toBe(2);
    const [req] = fake.requests;
    expect(req?.authorization).toBe("Bearer sk-test-123");
    expect(req?.body.model).toBe("fake-model");
    const prompt = JSON.stringify(req?.body.messages);
    expect(prompt).toContain("Locale: de");
    expect(prompt).toContain("Linen tee: Rückgabe bis 2. April 2026 möglich");
    expect(prompt).not.toContain("ana@example.de");
  });

  it("falls back to its own words when the model invents a number", async () => {
    fake.reply = () => ({ status: 200, content: "Du hast noch 60 Tage Zeit für die Rückgabe." });
    const r = await ask("Kann ich das noch zurückgeben?");
    expect(r.body).toMatchObject({ intent: "eligibility", phrasing: "deterministic" });
    expect(r.body.answer).toBe(
      "2 Artikel deiner Bestellung können noch zurück; letzter Tag ist der 2. April 2026.",
    );
    expect(fake.requests).toHaveLength(1);
  });

  it("falls back when the endpoint fails or answers nothing, and never asks it to word a hand-over", async () => {
    fake.reply = () => ({ status: 500 });
    const failed = await ask("Was kostet die Rücksendung?");
    expect(failed.body).toMatchObject({
      intent: "costs",
      phrasing: "deterministic",
      answer: "Die Rücksendung ist kostenlos.",
    });
    fake.reply = () => ({ status: 200, content: "   " });
    expect((await ask("Was kostet die Rücksendung?")).body.phrasing).toBe("deterministic");
    fake.requests.length = 0;
    const human = await ask("Welche Farbe hat der Himmel?");
    expect(human.body).toMatchObject({ intent: "unknown", handover: true, phrasing: "deterministic" });
    expect(fake.requests).toHaveLength(0);
  });
});
