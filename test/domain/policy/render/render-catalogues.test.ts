/**
 * The rendered policy's ICU catalogues: one per locale of Crossback, each with every key, valid ICU
 * with the English message's arguments; a missing key fails here (and at render time, loudly).
 */
import { readdirSync } from "node:fs";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES, RTL_LOCALES } from "../../../../src/domain/locales.ts";
import { CATALOGUES } from "../../../../src/domain/policy/render/locale.ts";
import {
  type Catalogue,
  icuMessages,
  MESSAGE_KEYS,
} from "../../../../src/domain/policy/render/messages/icu-messages.ts";
import { renderPolicy } from "../../../../src/domain/policy/render/render-policy.ts";
import { FULL_POLICY } from "./policy-factory.ts";

const DIR = new URL("../../../../src/domain/policy/render/catalogues/", import.meta.url).pathname;

/** Argument names of a message, recursively ({period}, {n, plural, …}, {kind, select, …}). */
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

/** What is wrong with a catalogue against the keys and the English messages' arguments. */
function problems(catalogue: Catalogue): string[] {
  const found: string[] = [];
  for (const key of MESSAGE_KEYS) if (!(key in catalogue)) found.push(`missing key ${key}`);
  for (const key of Object.keys(catalogue)) if (!MESSAGE_KEYS.includes(key)) found.push(`unknown key ${key}`);
  for (const [key, text] of Object.entries(catalogue)) {
    if (text.trim() === "") found.push(`empty ${key}`);
    try {
      const mine = [...args(parse(text, { requiresOtherClause: true }))].sort();
      const english = [...args(parse(CATALOGUES.en[key] ?? ""))].sort();
      if (mine.join() !== english.join()) found.push(`${key}: arguments ${mine} instead of ${english}`);
    } catch (e) {
      found.push(`${key}: not valid ICU (${(e as Error).message})`);
    }
  }
  return found;
}

describe("policy catalogues", () => {
  it("has one catalogue per locale of Crossback (the portal's list), and nothing else", () => {
    const files = readdirSync(DIR).map((f) => f.replace(/\.json$/, ""));
    expect(files.sort()).toEqual([...LOCALES].sort());
    expect(Object.keys(CATALOGUES).sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES)("%s: every key, valid ICU, the English arguments", (locale) => {
    expect(problems(CATALOGUES[locale])).toEqual([]);
  });

  it("the check fails on a missing key, a stray argument and broken ICU", () => {
    const { "titles.refunds": _dropped, ...missing } = CATALOGUES.de;
    expect(problems(missing)).toEqual(["missing key titles.refunds"]);
    expect(problems({ ...CATALOGUES.de, shippingFee: "Rücksendung: {amount}" })).toEqual([
      "shippingFee: arguments amount instead of fee",
    ]);
    expect(problems({ ...CATALOGUES.de, months: "{n, plural, one {# Monat}}" })[0]).toMatch(
      /months: not valid ICU/,
    );
  });

  it("rendering with a catalogue that lacks a key fails loudly instead of showing a gap", () => {
    const { noRight: _dropped, ...missing } = CATALOGUES.fr;
    expect(() => icuMessages("fr", missing).noRight).toThrow('policy catalogue fr: no message "noRight"');
  });

  it.each(LOCALES.filter((l) => l !== "en"))(
    "%s: the whole policy is in its language, not English",
    (locale) => {
      const r = renderPolicy({ policy: FULL_POLICY, country: "DE", region: null, locale, currency: "EUR" });
      const english = renderPolicy({
        policy: FULL_POLICY,
        country: "DE",
        region: null,
        locale: "en",
        currency: "EUR",
      });
      expect(r.locale).toBe(locale);
      r.sections.forEach((s, i) => {
        const theirs = english.sections[i];
        expect(s.title).not.toBe(theirs?.title);
        s.paragraphs.forEach((p, j) => {
          // A sentence may be only a citation's text; every other one differs from the English.
          if (theirs?.paragraphs[j] !== p) return;
          expect(p, `${locale} ${s.id}`).toMatch(/^\[.*\]$/);
        });
      });
    },
  );

  it("plurals follow each language's rules (Polish few/many, Arabic dual, Hebrew dual)", () => {
    const days = (locale: (typeof LOCALES)[number], n: number) =>
      icuMessages(locale, CATALOGUES[locale]).days(n, "calendar");
    expect([1, 2, 5, 22].map((n) => days("pl", n))).toEqual(["1 dzień", "2 dni", "5 dni", "22 dni"]);
    expect([1, 2, 3, 14].map((n) => days("ar", n))).toEqual(["يوم واحد", "يومان", "3 أيام", "14 يومًا"]);
    expect([1, 2, 14].map((n) => days("he", n))).toEqual(["יום אחד", "יומיים", "14 ימים"]);
    expect(days("ja", 14)).toBe("14日");
    expect(RTL_LOCALES).toEqual(["ar", "he"]);
  });
});
