/**
 * The fonts embedded in generated documents (credit notes, customs papers, labels), all Noto and all
 * from npm packages that ship whole TTF/OTF files, so `npm ci` alone is enough on any OS:
 * - "latin":    Noto Sans (@embedpdf/fonts-latin): Latin, Greek, Cyrillic, currency signs;
 * - "arabic":   Noto Naskh Arabic (@embedpdf/fonts-arabic), with the OpenType tables for joining;
 * - "hebrew":   Noto Sans Hebrew (@embedpdf/fonts-hebrew);
 * - "japanese": Noto Sans JP (@embedpdf/fonts-jp): kana and kanji (also Chinese characters, in
 *               Japanese forms, for any language but Korean);
 * - "korean":   Noto Sans KR (@embedpdf/fonts-kr): Hangul, and hanja in Korean text.
 * A font is chosen per run of text (see typesetter.ts): by the script of its letters, and for digits,
 * punctuation and spaces by the letters around them. `CROSSBACK_FONT_DIR`, when set, is searched
 * first for the same file names.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as fontkit from "fontkit";

export const FONT_SCRIPTS = ["latin", "arabic", "hebrew", "japanese", "korean"] as const;
export type FontScript = (typeof FONT_SCRIPTS)[number];
export type FontWeight = "regular" | "bold";

export interface FontFace {
  readonly script: FontScript;
  readonly path: string;
}

interface FontSpec {
  readonly npmPackage: string;
  readonly files: Readonly<Record<FontWeight, string>>;
  readonly covers: string;
}

const SPECS: Readonly<Record<FontScript, FontSpec>> = {
  latin: {
    npmPackage: "@embedpdf/fonts-latin",
    files: { regular: "NotoSans-Regular.ttf", bold: "NotoSans-Bold.ttf" },
    covers: "Latin, Greek and Cyrillic",
  },
  arabic: {
    npmPackage: "@embedpdf/fonts-arabic",
    files: { regular: "NotoNaskhArabic-Regular.ttf", bold: "NotoNaskhArabic-Bold.ttf" },
    covers: "Arabic",
  },
  hebrew: {
    npmPackage: "@embedpdf/fonts-hebrew",
    files: { regular: "NotoSansHebrew-Regular.ttf", bold: "NotoSansHebrew-Bold.ttf" },
    covers: "Hebrew",
  },
  japanese: {
    npmPackage: "@embedpdf/fonts-jp",
    files: { regular: "NotoSansJP-Regular.otf", bold: "NotoSansJP-Bold.otf" },
    covers: "Japanese and Chinese characters",
  },
  korean: {
    npmPackage: "@embedpdf/fonts-kr",
    files: { regular: "NotoSansKR-Regular.otf", bold: "NotoSansKR-Bold.otf" },
    covers: "Korean",
  },
};

export class MissingFontError extends Error {
  constructor(
    readonly script: FontScript,
    readonly file: string,
    readonly searched: readonly string[],
  ) {
    const spec = SPECS[script];
    super(
      `font ${file} for ${spec.covers} text not found (searched ${searched.join(", ") || "nothing"}): ` +
        `it comes with the npm package ${spec.npmPackage} — run \`npm ci\`, or put the file in CROSSBACK_FONT_DIR`,
    );
    this.name = "MissingFontError";
  }
}

const require = createRequire(import.meta.url);

/** The `fonts/` folder of the package (its entry point is `dist/index.*`); null when not installed. */
function packageFontDir(spec: FontSpec): string | null {
  try {
    return join(dirname(require.resolve(spec.npmPackage)), "../fonts");
  } catch {
    return null;
  }
}

function defaultDirs(spec: FontSpec): string[] {
  const fromEnv = process.env.CROSSBACK_FONT_DIR;
  const shipped = packageFontDir(spec);
  return [...(fromEnv ? [fromEnv] : []), ...(shipped ? [shipped] : [])];
}

/**
 * The file for a script and weight, or a MissingFontError naming the package to install.
 * `dirs`, when given, replaces the default search path (tests use it to simulate a bare machine).
 */
export function locateFont(script: FontScript, weight: FontWeight, dirs?: readonly string[]): FontFace {
  const spec = SPECS[script];
  const file = spec.files[weight];
  const searched = dirs ?? defaultDirs(spec);
  for (const dir of searched) {
    const path = join(dir, file);
    if (existsSync(path)) return { script, path };
  }
  throw new MissingFontError(script, file, searched);
}

const opened = new Map<string, fontkit.Font>();

/** Whether the face has a glyph for the code point (the file is parsed once per process). */
export function hasGlyph(face: FontFace, codePoint: number): boolean {
  let font = opened.get(face.path);
  if (!font) {
    const f = fontkit.openSync(face.path);
    if (!("hasGlyphForCodePoint" in f)) throw new Error(`${face.path} is a font collection`);
    font = f;
    opened.set(face.path, font);
  }
  return font.hasGlyphForCodePoint(codePoint);
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const HEBREW = /[\u0590-\u05FF\uFB1D-\uFB4F]/u;
const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7FF]/u;
const KANA = /[\u3040-\u30FF\u31F0-\u31FF\uFF66-\uFF9F]/u;
const HAN =
  /[\u2E80-\u2FFF\u3000-\u303F\u3400-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF65\uFFE0-\uFFEF\u{20000}-\u{3FFFF}]/u;
const LETTER = /\p{L}/u;

/**
 * The font a character's own script asks for, or null for characters that belong to no script
 * (digits, punctuation, spaces, symbols): those follow the text around them.
 */
export function scriptFontOf(ch: string, locale: string): FontScript | null {
  if (ARABIC.test(ch)) return LETTER.test(ch) || /[\u064B-\u065F\u0670]/u.test(ch) ? "arabic" : null;
  if (HEBREW.test(ch)) return "hebrew";
  if (HANGUL.test(ch)) return "korean";
  if (KANA.test(ch)) return "japanese";
  if (HAN.test(ch)) return locale.toLowerCase().startsWith("ko") ? "korean" : "japanese";
  return LETTER.test(ch) ? "latin" : null;
}
