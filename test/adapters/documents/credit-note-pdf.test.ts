import { beforeAll, describe, expect, it } from "vitest";
import { renderCreditNotePdf } from "../../../src/adapters/documents/credit-note-pdf.ts";
import { FONT_SCRIPTS, locateFont } from "../../../src/adapters/documents/fonts.ts";
import { POPPLER } from "../../support/tools.ts";
import { LOCALE_CASES as cases } from "./credit-note-cases.ts";
import { buildNote } from "./credit-note-fixtures.ts";
import { pdfFonts, pdfText, plain } from "./poppler.ts";

beforeAll(() => {
  // Fails naming the npm package when a font is missing (npm ci installs them all).
  for (const script of FONT_SCRIPTS)
    for (const weight of ["regular", "bold"] as const) locateFont(script, weight);
});

describe.skipIf(!POPPLER.available)(`renderCreditNotePdf read back with pdftotext${POPPLER.skipNote}`, () => {
  for (const c of cases) {
    it(`${c.locale}: names, labels, references and amounts appear exactly`, async () => {
      const view = buildNote(c.note);
      const text = pdfText(await renderCreditNotePdf(view, c.locale));
      for (const s of [view.number, view.orderNumber, view.returnCaseNumber, ...c.expected])
        expect(text).toContain(plain(s));
    });
  }

  it("embeds every font, picks the Japanese face only for Japanese text, and never falls back to Helvetica", async () => {
    const ja = cases.find((c) => c.locale === "ja-JP");
    const de = cases.find((c) => c.locale === "de-DE");
    if (!ja || !de) throw new Error("fixtures changed");
    const jaFonts = pdfFonts(await renderCreditNotePdf(buildNote(ja.note), ja.locale));
    const deFonts = pdfFonts(await renderCreditNotePdf(buildNote(de.note), de.locale));
    for (const f of [...jaFonts, ...deFonts]) {
      expect(f.embedded, `${f.name} embedded`).toBe(true);
      expect(f.name).not.toMatch(/Helvetica|Times|Courier/);
    }
    expect(jaFonts.map((f) => f.name).join(" ")).toMatch(/NotoSansJP-Regular/);
    expect(jaFonts.map((f) => f.name).join(" ")).toMatch(/NotoSans-Regular/);
    expect(deFonts.map((f) => f.name).join(" ")).not.toMatch(/JP|KR|Arabic|Hebrew/);
  });

  it("gives the same bytes for the same note and locale", async () => {
    const pl = cases[0];
    if (!pl) throw new Error("fixtures changed");
    const a = await renderCreditNotePdf(buildNote(pl.note), pl.locale);
    const b = await renderCreditNotePdf(buildNote(pl.note), pl.locale);
    expect(a.subarray(0, 5).toString()).toBe("%PDF-");
    expect(a.equals(b)).toBe(true);
  });
});
