/**
 * What the typesetter needs to know about each character of a paragraph: the font that shows it
 * (its script's font; digits, punctuation and spaces follow the text around them; a font without
 * the glyph hands it to one that has it) and its bidi embedding level (Unicode Bidirectional
 * Algorithm, bidi-js). Also the visual order of a line's runs, and each run's text as drawn.
 */
import { createRequire } from "node:module";
import type { Bidi } from "bidi-js";
import { FONT_SCRIPTS, type FontFace, type FontScript, hasGlyph, locateFont, scriptFontOf } from "./fonts.ts";

export type Direction = "ltr" | "rtl";

// bidi-js is a UMD module whose export is the factory (its typings describe an ES default export).
const bidi: Bidi = createRequire(import.meta.url)("bidi-js")();
const STRONG_RTL = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;
/** Bidi formatting characters (marks, embeddings, isolates): they steer the order and are not drawn. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

export interface CharInfo {
  readonly font: FontScript;
  readonly level: number;
}

/** Fonts by script, located lazily (a Latin-only document never opens the Japanese font). */
export class FontBook {
  private readonly faces = new Map<string, FontFace>();

  constructor(
    readonly locale: string,
    private readonly dirs?: readonly string[],
  ) {}

  face(script: FontScript, bold: boolean): FontFace {
    const key = `${script}-${bold ? "bold" : "regular"}`;
    let face = this.faces.get(key);
    if (!face) {
      face = locateFont(script, bold ? "bold" : "regular", this.dirs);
      this.faces.set(key, face);
    }
    return face;
  }

  covers(script: FontScript, codePoint: number): boolean {
    return hasGlyph(this.face(script, false), codePoint);
  }

  /** The first font that has the glyph, Latin first; Latin when none has it. */
  fallback(codePoint: number): FontScript {
    return FONT_SCRIPTS.find((s) => this.covers(s, codePoint)) ?? "latin";
  }
}

/** Font and bidi level of every UTF-16 index of `paragraph` (a surrogate pair shares one entry). */
export function analyse(paragraph: string, fonts: FontBook, direction: Direction): CharInfo[] {
  const rtl = direction === "rtl" || STRONG_RTL.test(paragraph);
  const levels = rtl ? bidi.getEmbeddingLevels(paragraph, direction).levels : null;
  const out: CharInfo[] = [];
  let prev: FontScript | null = null;
  let i = 0;
  for (const ch of paragraph) {
    const cp = ch.codePointAt(0) ?? 0;
    const own = scriptFontOf(ch, fonts.locale);
    let font: FontScript;
    if (own) font = fonts.covers(own, cp) ? own : fonts.fallback(cp);
    else if (ch.trim() === "" && prev) font = prev;
    else font = prev && fonts.covers(prev, cp) ? prev : fonts.fallback(cp);
    prev = font;
    const info = { font, level: levels?.[i] ?? 0 };
    for (let k = 0; k < ch.length; k++) out.push(info);
    i += ch.length;
  }
  return out;
}

/** A run's text as it is handed to the PDF: controls removed; at an odd level mirrored, and
 * reversed unless the font's shaper reverses it itself (runs with Arabic or Hebrew letters). */
export function drawnText(text: string, level: number): { text: string; wholeRun: boolean } {
  const clean = text.replace(BIDI_CONTROLS, "");
  if (level % 2 === 0) return { text: clean, wholeRun: false };
  const mirrored = Array.from(clean, (ch) => bidi.getMirroredCharacter(ch) ?? ch);
  if (STRONG_RTL.test(clean)) return { text: mirrored.join(""), wholeRun: true };
  return { text: mirrored.reverse().join(""), wholeRun: false };
}

/** Runs of a line in visual order, left to right (UAX #9 rule L2 on runs of one level each). */
export function visualOrder<T extends { readonly level: number }>(runs: readonly T[]): T[] {
  const out = [...runs];
  const levels = out.map((r) => r.level);
  const max = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.filter((l) => l % 2 === 1), max + 1);
  for (let level = max; level >= lowestOdd; level--) {
    for (let i = 0; i < out.length; ) {
      if ((out[i]?.level ?? 0) < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < out.length && (out[j]?.level ?? 0) >= level) j++;
      out.splice(i, j - i, ...out.slice(i, j).reverse());
      i = j;
    }
  }
  return out;
}
