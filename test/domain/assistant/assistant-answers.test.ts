import { describe, expect, it } from "vitest";
import { composeAnswer } from "../../../src/domain/assistant/answer.ts";
import type { AssistantFacts } from "../../../src/domain/assistant/facts.ts";
import { matchIntent } from "../../../src/domain/assistant/intent-match.ts";
import type { Locale } from "../../../src/domain/locales.ts";

/** The shoppers' questions in five languages, and what the matcher must take them for. */
const QUESTIONS: Record<"en" | "de" | "fr" | "ja" | "ar", [string, string, string | null][]> = {
  en: [
    ["Can I still return this?", "eligibility", null],
    ["When will I get my money?", "refund_timing", null],
    ["Where is my return?", "status", null],
    ["How do I send it from Japan?", "send_from", "JP"],
    ["How much does a return cost?", "costs", null],
    ["Can I talk to a real person?", "human", null],
    ["Do you sell gift cards for weddings?", "unknown", null],
  ],
  de: [
    ["Kann ich das noch zurückgeben?", "eligibility", null],
    ["Wann bekomme ich mein Geld?", "refund_timing", null],
    ["Wo ist meine Rücksendung?", "status", null],
    ["Wie schicke ich es aus Japan zurück?", "send_from", "JP"],
    ["Was kostet die Rücksendung?", "costs", null],
    ["Welche Farbe hat der Himmel?", "unknown", null],
  ],
  fr: [
    ["Puis-je encore retourner cet article ?", "eligibility", null],
    ["Quand vais-je recevoir mon argent ?", "refund_timing", null],
    ["Où est mon retour ?", "status", null],
    ["Comment l'envoyer depuis le Japon ?", "send_from", "JP"],
    ["Combien coûte le retour ?", "costs", null],
    ["Aimez-vous les chats ?", "unknown", null],
  ],
  ja: [
    ["まだ返品できますか？", "eligibility", null],
    ["お金はいつ戻りますか？", "refund_timing", null],
    ["私の返品はどこですか？", "status", null],
    ["日本からどうやって送ればいいですか？", "send_from", "JP"],
    ["返品の送料はいくらですか？", "costs", null],
    ["猫は好きですか？", "unknown", null],
  ],
  ar: [
    ["هل لا يزال بإمكاني إرجاع هذا؟", "eligibility", null],
    ["متى سأحصل على أموالي؟", "refund_timing", null],
    ["أين مرتجعي؟", "status", null],
    ["كيف أرسله من اليابان؟", "send_from", "JP"],
    ["كم يكلف الإرجاع؟", "costs", null],
    ["ما هو لون السماء؟", "unknown", null],
  ],
};

describe("assistant intent matcher", () => {
  for (const [locale, rows] of Object.entries(QUESTIONS))
    it.each(rows)(`${locale}: %s → %s`, (message, intent, country) => {
      const m = matchIntent(message, locale as Locale);
      expect(m.intent).toBe(intent);
      if (country) expect(m.country).toBe(country);
    });

  it("recognises country names in the shopper's language, whole words only in Latin script", () => {
    expect(matchIntent("Wie sende ich aus Österreich?", "de").country).toBe("AT");
    expect(matchIntent("Comment envoyer depuis les États-Unis ?", "fr").country).toBe("US");
    expect(matchIntent("韓国から送る方法は？", "ja").country).toBe("KR");
    expect(matchIntent("How do I send it, said the woman", "en").country).toBeNull();
  });
});

const eligibility: AssistantFacts = {
  intent: "eligibility",
  lines: [
    {
      title: "Linen tee",
      returnable: 2,
      track: "statutory_withdrawal",
      returnBy: "2026-04-09",
      citation: "BGB § 355",
      whyNot: null,
    },
    {
      title: "Cap",
      returnable: 0,
      track: null,
      returnBy: null,
      citation: "BGB § 312g",
      whyNot: { code: "excluded_by_law", date: null },
    },
  ],
};
const refund: AssistantFacts = {
  intent: "refund_timing",
  caseNumber: null,
  parts: [
    {
      method: "original_payment",
      amount: { amount: 8980, currency: "EUR" },
      expectedBy: "2026-03-30",
      paid: false,
    },
  ],
  trigger: "inspection",
  deadline: { dueBy: "2026-04-09", citation: "BGB § 357 Abs. 1" },
};

/** Intl's no-break spaces as plain ones, to compare with readable expectations. */
const plain = (s: string | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");

/** The same facts worded in five languages: dates and amounts through Intl, citations kept. */
describe("assistant answers", () => {
  const cases: [Locale, string, string][] = [
    ["en", "April 9, 2026", "€89.80"],
    ["de", "9. April 2026", "89,80 €"],
    ["fr", "9 avril 2026", "89,80 €"],
    ["ja", "2026年4月9日", "€89.80"],
    ["ar", "9 أبريل 2026", "89.80"],
  ];
  it.each(cases)("%s: eligibility, refund and handover", (locale, date, amount) => {
    const e = composeAnswer(locale, eligibility);
    expect(e).toMatchObject({ intent: "eligibility", handover: false });
    expect(plain(e.answer)).toContain(date);
    expect(e.facts.map((f) => f.citation)).toEqual(["BGB § 355", "BGB § 312g"]);
    expect(e.facts[1]?.text).toContain("Cap");

    const r = composeAnswer(locale, refund);
    expect(plain(r.answer)).toContain(amount);
    expect(r.facts.map((f) => f.kind)).toEqual(["refund_part", "refund_trigger", "refund_deadline"]);
    expect(r.facts[2]).toMatchObject({ citation: "BGB § 357 Abs. 1" });
    expect(plain(r.facts[2]?.text)).toContain(date);

    const h = composeAnswer(locale, { intent: "unknown" });
    expect(h).toMatchObject({ intent: "unknown", handover: true, facts: [] });
    expect(h.answer.length).toBeGreaterThan(20);
  });

  it("words a case's status with its case fact, and a route with its lane", () => {
    const s = composeAnswer("de", {
      intent: "status",
      case: {
        number: "R-000042",
        status: "in_transit",
        shipBy: null,
        tracking: { carrier: "DHL", number: "00340434161234567890" },
        shipments: [],
      },
    });
    expect(s.answer).toBe("Deine Rücksendung R-000042 ist auf dem Weg zu uns.");
    expect(s.facts.map((f) => f.caseFact)).toEqual(["R-000042.status", "R-000042.tracking"]);
    const send = composeAnswer("en", {
      intent: "send_from",
      send: {
        country: "JP",
        destination: { name: "Venlo warehouse", country: "NL" },
        days: 9,
        customs: true,
        labelCost: { amount: 2400, currency: "EUR" },
        laneSource: "JP>EU",
      },
    });
    expect(send.answer).toBe(
      "From Japan, your parcel goes to Venlo warehouse (Netherlands); it usually takes 9 days.",
    );
    expect(send.facts.map((f) => f.kind)).toEqual(["route", "customs", "label"]);
    expect(send.facts[0]?.citation).toBe("lane JP>EU");
  });

  it("hands over when no location takes parcels from the country", () => {
    const a = composeAnswer("fr", {
      intent: "send_from",
      send: {
        country: "JP",
        destination: null,
        days: null,
        customs: false,
        labelCost: null,
        laneSource: null,
      },
    });
    expect(a.handover).toBe(true);
    expect(a.facts[0]?.text).toContain("Japon");
  });
});
