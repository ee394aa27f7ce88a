import { readdirSync } from "node:fs";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { isRtl, LOCALES } from "../../../src/domain/locales.ts";
import { EMAIL_CATALOGUE_KEYS, EMAIL_CATALOGUES } from "../../../src/domain/notify/email/email-catalogues.ts";
import { COMMON_VALUES, EMAIL_KINDS, KIND_VALUES } from "../../../src/domain/notify/email/email-kinds.ts";
import { emailValues, SAMPLE_CONTEXT, sampleFacts } from "../../../src/domain/notify/email/email-values.ts";
import {
  defaultTemplate,
  renderEmail,
  templateIssues,
} from "../../../src/domain/notify/email/render-email.ts";

const DIR = new URL("../../../src/domain/notify/email/catalogues/", import.meta.url).pathname;
const en = EMAIL_CATALOGUES.en;

/** The argument names a message uses, recursively. */
function args(elements: readonly MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date) out.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      out.add(e.value);
      for (const o of Object.values(e.options)) args(o.value, out);
    }
  }
  return out;
}

describe("shopper e-mail catalogues", () => {
  it("has one catalogue per locale of the portal, and nothing else", () => {
    const found = readdirSync(DIR)
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.replace(/\.json$/, ""))
      .sort();
    expect(found).toEqual([...LOCALES].sort());
  });

  for (const locale of LOCALES) {
    it(`${locale}: every e-mail's subject and body, valid ICU, the same values as English`, () => {
      const messages = EMAIL_CATALOGUES[locale];
      expect(
        EMAIL_CATALOGUE_KEYS.filter((k) => !(k in messages)),
        "missing keys",
      ).toEqual([]);
      expect(Object.keys(messages).filter((k) => !EMAIL_CATALOGUE_KEYS.includes(k))).toEqual([]);
      for (const [key, text] of Object.entries(messages)) {
        expect(text.trim(), key).not.toBe("");
        const mine = args(parse(text, { requiresOtherClause: true, ignoreTag: true }));
        const english = args(parse(en[key] ?? "", { ignoreTag: true }));
        expect([...mine].sort(), `${locale} ${key}`).toEqual([...english].sort());
      }
    });

    it(`${locale}: every kind renders from its default template, HTML in the locale's direction`, () => {
      for (const kind of EMAIL_KINDS) {
        const t = defaultTemplate(kind, locale);
        expect(templateIssues(kind, locale, t), kind).toEqual([]);
        const values = emailValues(sampleFacts(kind), { ...SAMPLE_CONTEXT, locale });
        const known = new Set<string>([...COMMON_VALUES, ...KIND_VALUES[kind]]);
        expect(
          Object.keys(values).filter((v) => !known.has(v)),
          kind,
        ).toEqual([]);
        const out = renderEmail(t, locale, values);
        expect(out.subject, kind).not.toMatch(/[{}]/);
        expect(out.text, kind).toContain("R-1001");
        expect(out.html, kind).toContain(`<html lang="${locale}" dir="${isRtl(locale) ? "rtl" : "ltr"}">`);
      }
    });
  }

  it("escapes values in the HTML part but not in the text", () => {
    const t = defaultTemplate("rejected", "en");
    const values = { ...emailValues(sampleFacts("rejected"), { ...SAMPLE_CONTEXT, locale: "en" }) };
    const out = renderEmail(t, "en", { ...values, reason: "<b>too late</b> & worn" });
    expect(out.html).toContain("&#60;b&#62;too late&#60;/b&#62; &#38; worn");
    expect(out.text).toContain("<b>too late</b> & worn");
  });

  it("names the part of a template that does not compile or uses an unknown value", () => {
    const t = defaultTemplate("approved", "de");
    expect(
      templateIssues("approved", "de", { ...t, html: "<p>{caseNumber</p>" }).map((i) => i.field),
    ).toEqual(["html"]);
    expect(templateIssues("approved", "de", { ...t, subject: "{nope}" }).map((i) => i.field)).toEqual([
      "subject",
    ]);
  });
});
