import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderCreditNotePdf } from "../../../src/adapters/documents/credit-note-pdf.ts";
import { maskIban } from "../../../src/adapters/documents/credit-note-tables.ts";
import { FONT_SCRIPTS, locateFont, MissingFontError } from "../../../src/adapters/documents/fonts.ts";
import { CREDIT_NOTE_LANGUAGES, creditNoteLocale } from "../../../src/adapters/documents/labels/index.ts";
import { POPPLER } from "../../support/tools.ts";
import { buildNote, type NoteSpec } from "./credit-note-fixtures.ts";
import { pdfPages, pdfText } from "./poppler.ts";

const base: NoteSpec = {
  number: "CN-NL-2026-000042",
  currency: "EUR",
  seller: {
    legalName: "Crossback Retail B.V.",
    address: { lines: ["Keizersgracht 123", "1015 CJ Amsterdam"], country: "NL" },
    vatNumber: "NL123456789B01",
    ioss: "IM5280001234",
  },
  customer: {
    name: "Anna de Vries",
    address: { lines: ["Herengracht 1", "1015 BA Amsterdam"], country: "NL" },
  },
  items: [{ description: "Regenjas – retour", sku: "RJ-1", quantity: 1, unit: 7995, rateBp: 2100 }],
};

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!POPPLER.available)(`credit-note PDF layout${POPPLER.skipNote}`, () => {
  it("continues a 60-line table over several pages, repeating its header and numbering the pages", async () => {
    const items = Array.from({ length: 60 }, (_, i) => ({
      description: `Item ${i + 1}: merino base layer, long sleeves, with a description long enough to wrap`,
      sku: `SKU-${String(i + 1).padStart(3, "0")}`,
      quantity: 1 + (i % 3),
      unit: 1000 + i * 37,
      rateBp: i % 2 === 0 ? 2100 : 900,
    }));
    const view = buildNote({ ...base, items });
    const pdf = await renderCreditNotePdf(view, "en-GB");
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = pdfText(pdf);
    for (const item of items) expect(text).toContain(item.sku);
    for (let p = 1; p <= pages; p++) expect(text).toContain(`${view.number} · Page ${p} of ${pages}`);
    const headers = text.split("\n").filter((l) => /^\s*Description\s+Qty\s+Unit price/.test(l));
    expect(headers.length).toBeGreaterThanOrEqual(pages - 1);
    expect(text).toContain("Total credited");
  });

  it("has a label table for every language and falls back to English for others", async () => {
    for (const language of CREDIT_NOTE_LANGUAGES) {
      const { labels } = creditNoteLocale(language);
      const text = pdfText(await renderCreditNotePdf(buildNote(base), language));
      expect(text, language).toContain(labels.title);
      expect(text, language).toContain(labels.totalCredited);
    }
    for (const unknown of ["sv-SE", "xx", "not a locale!", ""]) {
      expect(creditNoteLocale(unknown).language).toBe("en");
      expect(pdfText(await renderCreditNotePdf(buildNote(base), unknown))).toContain("Credit note");
    }
    expect(creditNoteLocale("de_AT")).toMatchObject({ locale: "de-AT", language: "de" });
  });

  it("names the npm package that brings a missing font", async () => {
    const empty = mkdtempSync(join(tmpdir(), "crossback-nofonts-"));
    const latinOnly = mkdtempSync(join(tmpdir(), "crossback-latinfonts-"));
    scratch.push(empty, latinOnly);
    for (const weight of ["regular", "bold"] as const) {
      const { path } = locateFont("latin", weight);
      symlinkSync(path, join(latinOnly, path.split("/").at(-1) ?? ""));
    }
    await expect(renderCreditNotePdf(buildNote(base), "nl-NL", { fontDirs: [empty] })).rejects.toThrow(
      /npm package @embedpdf\/fonts-latin/,
    );
    // A note without Japanese text never needs the Japanese font; one with it says which package brings it.
    const latin = pdfText(await renderCreditNotePdf(buildNote(base), "nl-NL", { fontDirs: [latinOnly] }));
    expect(latin).toContain("Creditnota");
    const japanese = buildNote({ ...base, customer: { ...base.customer, name: "山田太郎" } });
    const failure = renderCreditNotePdf(japanese, "ja-JP", { fontDirs: [latinOnly] });
    await expect(failure).rejects.toBeInstanceOf(MissingFontError);
    await expect(failure).rejects.toThrow(/npm package @embedpdf\/fonts-jp/);
  });

  it("finds every script's fonts in the npm packages, with no system font", () => {
    for (const script of FONT_SCRIPTS)
      for (const weight of ["regular", "bold"] as const)
        expect(locateFont(script, weight).path).toMatch(/node_modules\/@embedpdf\/fonts-[a-z]+\/fonts\/Noto/);
  });

  it("prints Korean text with the Korean face", async () => {
    const view = buildNote({ ...base, customer: { ...base.customer, name: "김민준" } });
    const text = pdfText(await renderCreditNotePdf(view, "ko-KR"));
    expect(text).toContain("김민준");
    expect(text).toContain("환불 명세서");
  });

  it("refuses a note whose figures do not add up", async () => {
    const view = buildNote(base);
    const wrongTotal = { ...view, total: { amount: view.total.amount + 1, currency: "EUR" } };
    await expect(renderCreditNotePdf(wrongTotal, "en")).rejects.toThrow(/add up to 7995, total is 7996/);
    const wrongCurrency = {
      ...view,
      refunds: view.refunds.map((r) => ({ ...r, amount: { ...r.amount, currency: "USD" } })),
    };
    await expect(renderCreditNotePdf(wrongCurrency, "en")).rejects.toThrow(/refunds\[0\]\.amount is in USD/);
  });

  it("masks IBANs to country, check digits and the last four", () => {
    expect(maskIban("NL91 ABNA 0417 1643 00")).toBe("NL91 •••• 4300");
    expect(maskIban("DE89370400440532013000")).toBe("DE89 •••• 3000");
    expect(maskIban("short")).toBe("••••");
  });
});
