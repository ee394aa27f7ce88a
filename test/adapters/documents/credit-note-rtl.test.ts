/** Arabic and Hebrew credit notes: right to left, letters joined, read back with pdftotext. */
import { describe, expect, it } from "vitest";
import { renderCreditNotePdf } from "../../../src/adapters/documents/credit-note-pdf.ts";
import { creditNoteLocale } from "../../../src/adapters/documents/labels/index.ts";
import { POPPLER } from "../../support/tools.ts";
import { buildNote } from "./credit-note-fixtures.ts";
import { RTL_CASES } from "./credit-note-rtl-cases.ts";
import { toUnicodeMaps } from "./pdf-glyphs.ts";
import { pdfFonts, pdfText } from "./poppler.ts";

/** pdftotext marks right-to-left and embedded left-to-right runs with bidi controls. */
const logical = (s: string) => s.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "");
const ARABIC_LETTER = /^[\u0620-\u064a]$/u;

const rendered = new Map<string, Promise<Buffer>>();
const pdfOf = (locale: string): Promise<Buffer> => {
  const c = RTL_CASES.find((x) => x.locale === locale);
  if (!c) throw new Error(`no case ${locale}`);
  let pdf = rendered.get(locale);
  if (!pdf) {
    pdf = renderCreditNotePdf(buildNote(c.note), c.locale);
    rendered.set(locale, pdf);
  }
  return pdf;
};

describe("right-to-left credit notes", () => {
  it("ar and he have label tables and are laid out right to left", () => {
    expect(creditNoteLocale("ar-AE")).toMatchObject({ language: "ar", direction: "rtl" });
    expect(creditNoteLocale("he-IL")).toMatchObject({ language: "he", direction: "rtl" });
    expect(creditNoteLocale("de-DE").direction).toBe("ltr");
  });

  it("joins Arabic letters: several glyphs for one letter (its forms) and lam-alef ligatures", async () => {
    const arabic = toUnicodeMaps(await pdfOf("ar-AE")).filter((m) =>
      [...m.values()].some((t) => /[\u0600-\u06ff]/u.test(t)),
    );
    expect(arabic.length).toBeGreaterThan(0);
    for (const map of arabic) {
      const glyphsPerLetter = new Map<string, number>();
      for (const text of map.values())
        if (ARABIC_LETTER.test(text)) glyphsPerLetter.set(text, (glyphsPerLetter.get(text) ?? 0) + 1);
      // Unshaped text would use exactly one (isolated) glyph per letter.
      expect(Math.max(...glyphsPerLetter.values())).toBeGreaterThanOrEqual(3);
    }
    // "الإرجاع", "الأصلية": one glyph for lam + alef.
    const ligatures = arabic
      .flatMap((m) => [...m.values()])
      .filter((t) => /^\u0644[\u0622\u0623\u0625\u0627]$/u.test(t));
    expect(ligatures.length).toBeGreaterThan(0);
  });

  describe.skipIf(!POPPLER.available)(`read back with pdftotext${POPPLER.skipNote}`, () => {
    for (const c of RTL_CASES) {
      it(`${c.locale}: every word reads in order, names, labels and amounts`, async () => {
        const view = buildNote(c.note);
        const text = logical(pdfText(await pdfOf(c.locale)));
        for (const s of [view.number, view.orderNumber, ...c.expected]) expect(text).toContain(s);
      });
    }

    it("embeds the Naskh Arabic and Hebrew faces, Noto Sans for the Latin parts", async () => {
      const names = async (locale: string) =>
        pdfFonts(await pdfOf(locale))
          .map((f) => f.name)
          .join(" ");
      expect(await names("ar-AE")).toMatch(/NotoSans-/);
      expect(await names("ar-AE")).toMatch(/NotoNaskhArabic/);
      expect(await names("he-IL")).toMatch(/NotoSansHebrew/);
      expect(await names("he-IL")).toMatch(/NotoSans-/);
    });
  });
});
