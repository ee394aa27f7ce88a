import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { locateFont } from "../../../src/adapters/documents/fonts.ts";
import { type TextBlock, Typesetter } from "../../../src/adapters/documents/typesetter.ts";

function typesetter(locale: string): Typesetter {
  const doc = new PDFDocument({ autoFirstPage: false, font: locateFont("latin", "regular").path });
  return new Typesetter(doc, { locale });
}

const lineTexts = (b: TextBlock) => b.lines.map((l) => l.segments.map((s) => s.text).join(""));

describe("Typesetter line breaking", () => {
  it("wraps at spaces and keeps every line inside the box", () => {
    const block = typesetter("pl-PL").layout(
      "Kurtka przeciwdeszczowa – zwrot, rozmiar M, kolor granatowy",
      90,
      {
        size: 8,
      },
    );
    expect(block.lines.length).toBeGreaterThan(1);
    for (const l of block.lines) expect(l.width).toBeLessThanOrEqual(90);
    expect(lineTexts(block).join(" ")).toBe("Kurtka przeciwdeszczowa – zwrot, rozmiar M, kolor granatowy");
  });

  it("breaks between Japanese characters, never before a closing mark, and switches fonts per script", () => {
    const text = "返品：レインジャケット（防水、透湿素材）、サイズL。お客様都合による返品です。";
    const block = typesetter("ja-JP").layout(text, 60, { size: 8 });
    expect(lineTexts(block).join("")).toBe(text);
    for (const l of block.lines) {
      expect(l.width).toBeLessThanOrEqual(60);
      expect(l.segments[0]?.text).not.toMatch(/^[、。）：]/);
    }
    const mixed = typesetter("ja-JP").layout("山田太郎 Łukasz Ελένη", 500, { size: 8 });
    expect(mixed.lines[0]?.segments.map((s) => [s.font, s.text])).toEqual([
      ["japanese", "山田太郎 "],
      ["latin", "Łukasz Ελένη"],
    ]);
  });

  it("cuts a word wider than the box, breaks after a hyphen between words, but not inside numbers", () => {
    const ts = typesetter("en");
    const long = ts.layout("SKU-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 40, { size: 8 });
    expect(long.lines.length).toBeGreaterThan(2);
    for (const l of long.lines) expect(l.width).toBeLessThanOrEqual(40);
    expect(lineTexts(ts.layout("Btw-tarief", 30, { size: 8 }))).toEqual(["Btw-", "tarief"]);
    expect(lineTexts(ts.layout("-4,20 €", 30, { size: 8 }))[0]).toMatch(/^-4,20/);
    // An amount never splits at the no-break space before its currency or between French thousands.
    expect(lineTexts(ts.layout("Razem 349,99\u00a0zł", 45, { size: 8 }))).toEqual([
      "Razem",
      "349,99\u00a0zł",
    ]);
    expect(lineTexts(ts.layout("1\u202f234,50\u00a0€", 45, { size: 8 }))).toEqual(["1\u202f234,50\u00a0€"]);
  });
});
