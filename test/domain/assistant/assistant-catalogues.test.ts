import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { ASSISTANT_CATALOGUES } from "../../../src/domain/assistant/assistant-catalogues.ts";
import { LOCALES } from "../../../src/domain/locales.ts";

const keys = Object.keys(ASSISTANT_CATALOGUES.en).sort();

describe("assistant catalogues", () => {
  it("has one catalogue per language of Crossback", () => {
    expect(Object.keys(ASSISTANT_CATALOGUES).sort()).toEqual([...LOCALES].sort());
  });
  it.each(LOCALES.filter((l) => l !== "en"))("%s carries every key, as valid ICU", (locale) => {
    const c = ASSISTANT_CATALOGUES[locale];
    expect(Object.keys(c).sort()).toEqual(keys);
    for (const k of keys)
      expect(() => new IntlMessageFormat(c[k] ?? "", locale), `${locale} ${k}`).not.toThrow();
  });
  it("finds a missing key (the check itself works)", () => {
    const broken: Record<string, string> = { ...ASSISTANT_CATALOGUES.de };
    delete broken.handover;
    expect(Object.keys(broken).sort()).not.toEqual(keys);
  });
});
