/**
 * The rendered policy agrees with the engine's data: citations and confidence markers, the statutory
 * period across countries, every pack in every language, amounts at the currency's digits.
 */
import { describe, expect, test } from "vitest";
import { CATALOGUES, messagesFor } from "../../../../src/domain/policy/render/locale.ts";
import { renderPolicy, SUPPORTED_LOCALES } from "../../../../src/domain/policy/render/render-policy.ts";
import { REGISTRY } from "../../../../src/domain/statutory/pack-loader.ts";
import { statutoryRightsOf } from "../../../../src/domain/statutory/statutory-rights.ts";
import { plain, sectionText } from "./helpers.ts";
import { amounts, FULL_POLICY as FULL, makePolicy } from "./policy-factory.ts";

describe("citations", () => {
  const markers = (locale: (typeof SUPPORTED_LOCALES)[number]): [string, string] => [
    CATALOGUES[locale]["marker.secondary"] ?? "",
    CATALOGUES[locale]["marker.unverified"] ?? "",
  ];

  test.each(["DE", "FR", "ES", "GB", "US-CA", "JP", "KR", "BR", "CA-QC", "TH"])(
    "%s: every citation is in the text, every bracket is a citation, weaker facts are marked",
    (code) => {
      const [country = code, region = null] = code.split("-");
      for (const locale of SUPPORTED_LOCALES) {
        const [secondary, unverified] = markers(locale);
        for (const policy of [FULL, null]) {
          const r = renderPolicy({ policy, country, region, locale, currency: "EUR" });
          for (const s of r.sections) {
            const text = s.paragraphs.join("\n");
            for (const c of s.citations) expect(text, `${code} ${locale} ${s.id}`).toContain(c.citation);
            expect(new Set(s.citations.map((c) => c.ruleId)).size).toBe(s.citations.length);
            for (const p of s.paragraphs) {
              const bracket = /\[([^\]]+)\]/.exec(p)?.[1];
              if (!bracket) continue;
              const cited = s.citations.filter((c) => bracket.includes(c.citation));
              expect(cited.length, p).toBeGreaterThan(0);
              // Several rules may share one citation text, so the marker is one of their confidences.
              const marked = p.endsWith(unverified)
                ? "unverified"
                : p.endsWith(secondary)
                  ? "secondary"
                  : "verified";
              if (marked === "verified") expect(p.endsWith("]"), p).toBe(true);
              expect(
                cited.map((c) => c.confidence),
                p,
              ).toContain(marked);
            }
          }
        }
      }
    },
  );

  test("Germany without a policy: every rule of the statutory rights is cited", () => {
    const rights = statutoryRightsOf("DE", null);
    const w = rights.withdrawal;
    const g = rights.guarantee;
    const expected = [
      w.rule,
      w.period?.rule,
      w.rollForward?.rule,
      w.notInformed?.rule,
      w.returnCost?.rule,
      w.refund?.rule,
      w.consumerReturn?.rule,
      ...w.exceptions.map((e) => e.rule),
      g.period.rule,
      g.remedy.rule,
    ].map((c) => c?.ruleId);
    const r = renderPolicy({ policy: null, country: "DE", region: null, locale: "de-DE", currency: "EUR" });
    const cited = r.sections.flatMap((s) => s.citations.map((c) => c.ruleId));
    for (const id of expected) expect(cited).toContain(id);
  });
});

describe("consistency with the engine's data", () => {
  // The statutory period in the text is the pack's number, whatever the language.
  const PERIOD: Record<string, RegExp> = {
    en: /(?:withdraw from your purchase|return goods|cancel the purchase) within (\d+) (business )?days?/,
    de: /die (?:Widerrufsf|F)rist beträgt (\d+) (Arbeits)?[Tt]age?/i,
    fr: /dans un délai de (\d+) (?:jours?)( ouvrables?)?/,
    es: /en un plazo de (\d+) d[ií]as?( hábil(?:es)?)?/,
    ja: /(\d+)(営業)?日以内であれば(?:購入を撤回|商品を返品|購入を解除)/,
  };

  test.each([
    ["DE", null],
    ["FR", null],
    ["ES", null],
    ["IT", null],
    ["AT", null],
    ["PL", null],
    ["SE", null],
    ["IE", null],
    ["NO", null],
    ["GB", null],
    ["JP", null],
    ["KR", null],
    ["CN", null],
    ["BR", null],
    ["MX", null],
    ["CO", null],
    ["TR", null],
    ["ZA", null],
    ["US", "CA"],
    ["US", "NY"],
    ["CA", "QC"],
  ])("%s %s", (country, region) => {
    const period = statutoryRightsOf(country, region).withdrawal.period;
    expect(period).not.toBeNull();
    for (const locale of SUPPORTED_LOCALES) {
      const r = renderPolicy({ policy: null, country, region, locale, currency: "EUR" });
      const text = sectionText(r, "statutory_rights");
      // Every language names the pack's period, in its own words ("14 Tage", "١٤ يومًا", "14일")…
      if (period)
        expect(text, `${country} ${locale}`).toContain(
          plain(messagesFor(locale, locale).days(period.days, period.dayKind)),
        );
      // … and where we know the sentence, the number is the one the right is granted for.
      const pattern = PERIOD[locale];
      if (!pattern) continue;
      const match = pattern.exec(text);
      expect(match, `${country} ${locale}`).not.toBeNull();
      expect(Number(match?.[1])).toBe(period?.days);
      expect(Boolean(match?.[2]), `${country} ${locale} business days`).toBe(period?.dayKind === "business");
    }
  });

  test("countries without a change-of-mind right say so", () => {
    for (const country of ["US", "AU", "CH", "IN", "SG", "AE", "NZ", "TH"]) {
      expect(statutoryRightsOf(country, null).withdrawal.availability).toBe("none");
      const r = renderPolicy({ policy: makePolicy(), country, region: null, locale: "en", currency: "EUR" });
      expect(sectionText(r, "statutory_rights"), country).toContain("There is no statutory right to return");
      expect(sectionText(r, "window"), country).not.toContain("statutory");
    }
  });

  test("every pack renders in every language, with or without a policy", () => {
    for (const code of REGISTRY.byCode.keys()) {
      const [country = code, region = null] = code.split("-");
      for (const locale of SUPPORTED_LOCALES) {
        for (const currency of ["EUR", "JPY", "KRW"]) {
          const r = renderPolicy({ policy: FULL, country, region, locale, currency });
          expect(r.text, `${code} ${locale}`).not.toMatch(/undefined|NaN|\[object|\bnull\b/);
          expect(r.sections.find((s) => s.id === "statutory_rights")?.citations.length).toBeGreaterThan(0);
          expect(r.sections.find((s) => s.id === "legal_guarantee")?.citations.length).toBeGreaterThan(0);
        }
        const bare = renderPolicy({ policy: null, country, region, locale, currency: "EUR" });
        expect(bare.sections.map((s) => s.id)).toEqual(["statutory_rights", "legal_guarantee"]);
      }
    }
  });

  test("amounts at the currency's own digits", () => {
    const policy = makePolicy({
      returnShipping: {
        paidBy: "customer",
        flatFee: amounts({ KRW: 3000, JPY: 800, EUR: 495 }),
        freeAbove: {},
      },
    });
    const fee = (locale: string, currency: string) =>
      sectionText(renderPolicy({ policy, country: "KR", region: null, locale, currency }), "how_to_return");
    expect(fee("en-US", "KRW")).toContain("Return shipping costs ₩3,000.");
    expect(fee("en-US", "JPY")).toContain("Return shipping costs ¥800.");
    expect(fee("ja-JP", "JPY")).toContain("返品送料は￥800です。");
    expect(fee("en-US", "EUR")).toContain("Return shipping costs €4.95.");
    expect(fee("fr-FR", "EUR")).toContain("Les frais de retour s'élèvent à 4,95 €.");
  });
});
