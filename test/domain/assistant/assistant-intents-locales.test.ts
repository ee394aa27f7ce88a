import { describe, expect, it } from "vitest";
import { composeAnswer } from "../../../src/domain/assistant/answer.ts";
import { matchIntent } from "../../../src/domain/assistant/intent-match.ts";
import { LOCALES, type Locale } from "../../../src/domain/locales.ts";

type Row = [message: string, intent: string];

/**
 * The portal's other nine languages (en, de, fr, ja and ar: assistant-answers.test.ts): "can I still
 * return this?", "when will I get my money?", "where is my return?" as shoppers type them (with and
 * without accents, typographic apostrophes), a request for a person, and a question the assistant
 * cannot answer (unknown → a human takes over).
 */
const QUESTIONS: Record<"es" | "it" | "nl" | "pl" | "sv" | "pt-BR" | "zh-CN" | "ko" | "he", Row[]> = {
  es: [
    ["¿Todavía puedo devolver esto?", "eligibility"],
    ["¿Aún puedo devolverlo?", "eligibility"],
    ["¿Cuándo recibiré mi dinero?", "refund_timing"],
    ["¿Cuándo me devuelven el dinero?", "refund_timing"],
    ["¿Dónde está mi devolución?", "status"],
    ["Quiero hablar con una persona", "human"],
    ["¿Te gustan los gatos?", "unknown"],
  ],
  it: [
    ["Posso ancora restituirlo?", "eligibility"],
    ["Posso ancora fare il reso?", "eligibility"],
    ["Quando riceverò i miei soldi?", "refund_timing"],
    ["Quando avrò il rimborso?", "refund_timing"],
    ["Dov'è il mio reso?", "status"],
    ["Dov’è il mio reso?", "status"],
    ["Vorrei parlare con un operatore", "human"],
    ["Ti piacciono i gatti?", "unknown"],
  ],
  nl: [
    ["Kan ik dit nog terugsturen?", "eligibility"],
    ["Mag ik dit nog retourneren?", "eligibility"],
    ["Wanneer krijg ik mijn geld terug?", "refund_timing"],
    ["Waar is mijn retour?", "status"],
    ["Ik wil met een medewerker praten", "human"],
    ["Houd je van katten?", "unknown"],
  ],
  pl: [
    ["Czy mogę jeszcze to zwrócić?", "eligibility"],
    ["Czy nadal mogę zwrócić ten produkt?", "eligibility"],
    ["Kiedy dostanę pieniądze?", "refund_timing"],
    ["Kiedy otrzymam zwrot pieniędzy?", "refund_timing"],
    ["Gdzie jest mój zwrot?", "status"],
    ["Chcę rozmawiać z konsultantem", "human"],
    ["Czy lubisz koty?", "unknown"],
  ],
  sv: [
    ["Kan jag fortfarande returnera det här?", "eligibility"],
    ["Får jag returnera den?", "eligibility"],
    ["När får jag mina pengar?", "refund_timing"],
    ["Var är min retur?", "status"],
    ["Jag vill prata med en människa", "human"],
    ["Gillar du katter?", "unknown"],
  ],
  "pt-BR": [
    ["Ainda posso devolver isto?", "eligibility"],
    ["Ainda dá para devolver?", "eligibility"],
    ["Quando vou receber meu dinheiro?", "refund_timing"],
    ["Quando recebo o reembolso?", "refund_timing"],
    ["Onde está minha devolução?", "status"],
    ["Quero falar com um atendente", "human"],
    ["Você gosta de gatos?", "unknown"],
  ],
  "zh-CN": [
    ["我还能退货吗？", "eligibility"],
    ["这个还可以退吗？", "eligibility"],
    ["我什么时候能拿到钱？", "refund_timing"],
    ["退款什么时候到账？", "refund_timing"],
    ["我的退货在哪里？", "status"],
    ["我要找人工客服", "human"],
    ["你喜欢猫吗？", "unknown"],
  ],
  ko: [
    ["아직 반품할 수 있나요?", "eligibility"],
    ["이거 반품 가능한가요?", "eligibility"],
    ["돈은 언제 받을 수 있나요?", "refund_timing"],
    ["환불은 언제 되나요?", "refund_timing"],
    ["제 반품은 어디에 있나요?", "status"],
    ["상담원과 이야기하고 싶어요", "human"],
    ["고양이를 좋아하세요?", "unknown"],
  ],
  he: [
    ["האם אני עדיין יכול להחזיר את זה?", "eligibility"],
    ["אפשר עוד להחזיר את המוצר?", "eligibility"],
    ["מתי אקבל את הכסף שלי?", "refund_timing"],
    ["מתי יגיע ההחזר הכספי?", "refund_timing"],
    ["איפה ההחזרה שלי?", "status"],
    ["אני רוצה לדבר עם נציג", "human"],
    ["אתה אוהב חתולים?", "unknown"],
  ],
};

describe("assistant intent matcher in the portal's other nine languages", () => {
  for (const [locale, rows] of Object.entries(QUESTIONS))
    it.each(rows)(`${locale}: %s → %s`, (message, intent) => {
      expect(matchIntent(message, locale as Locale).intent).toBe(intent);
    });

  it.each(Object.keys(QUESTIONS))("%s: a question it cannot answer hands over to a person", (locale) => {
    const rows = QUESTIONS[locale as keyof typeof QUESTIONS];
    const unknown = rows.find((r) => r[1] === "unknown")?.[0] ?? "";
    expect(matchIntent(unknown, locale as Locale).intent).toBe("unknown");
    const a = composeAnswer(locale as Locale, { intent: "unknown" });
    expect(a).toMatchObject({ intent: "unknown", handover: true, facts: [] });
    expect(a.answer.length).toBeGreaterThan(10);
  });
});

/** A preview's estimate (trigger lead + the method's days) later than the statutory refund deadline. */
const lateRefund = {
  intent: "refund_timing" as const,
  caseNumber: null,
  parts: [
    {
      method: "original_payment",
      amount: { amount: 8980, currency: "EUR" },
      expectedBy: "2026-04-20",
      paid: false,
    },
  ],
  trigger: "inspection" as const,
  deadline: { dueBy: "2026-04-09", citation: "BGB § 357 Abs. 1" },
};

describe("the refund estimate never contradicts the statutory deadline silently", () => {
  it("says so when the usual estimate is later than the legal deadline (English wording)", () => {
    const a = composeAnswer("en", lateRefund);
    expect(a.answer.replace(/[\u00a0\u202f]/g, " ")).toBe(
      "€89.80 to your original payment method: expected by April 20, 2026, later than April 9, 2026, the latest date the law allows; if it has not arrived by April 9, 2026, ask us.",
    );
    expect(a.facts.at(-1)).toMatchObject({ kind: "refund_deadline", citation: "BGB § 357 Abs. 1" });
    const onTime = composeAnswer("en", {
      ...lateRefund,
      parts: [
        {
          amount: { amount: 8980, currency: "EUR" },
          paid: false,
          method: "store_credit",
          expectedBy: "2026-04-09",
        },
      ],
    });
    expect(onTime.answer).not.toContain("law");
  });

  it.each(LOCALES)("%s: the late estimate names the deadline too", (locale) => {
    const a = composeAnswer(locale, lateRefund);
    const deadline = composeAnswer(locale, lateRefund).facts.at(-1)?.text ?? "";
    const estimate = composeAnswer(locale, { ...lateRefund, deadline: null }).answer;
    expect(a.answer).not.toBe(estimate);
    // The deadline's date (as the deadline fact words it) appears in the estimate's sentence.
    const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
      new Date("2026-04-09T00:00:00Z"),
    );
    expect(deadline).toContain(date);
    expect(a.answer).toContain(date);
  });
});
