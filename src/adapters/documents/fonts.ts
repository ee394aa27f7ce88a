/**
 * Locates the font files embedded in generated documents. Two families, chosen per run of text:
 * - "latin": DejaVu Sans (Debian `fonts-dejavu-core`): Latin incl. Latin Extended (Polish, Czech,
 *   Turkish), Greek, Cyrillic and the currency signs.
 * - "cjk": Noto Sans CJK (Debian `fonts-noto-cjk`): Japanese, Korean and Chinese; the face inside
 *   the collection follows the locale (JP forms by default, KR for Korean, SC/TC for Chinese).
 * `CROSSBACK_FONT_DIR` (or `reference/fonts/`, if present) is searched first, for machines that
 * ship the same files elsewhere.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";

export type FontScript = "latin" | "cjk";
export type FontWeight = "regular" | "bold";

export interface FontFace {
  readonly path: string;
  /** The face's PostScript name inside a collection (.ttc); absent for single-face files. */
  readonly family?: string;
}

interface FontSpec {
  readonly files: Readonly<Record<FontWeight, string>>;
  readonly dirs: readonly string[];
  readonly debianPackage: string;
  readonly covers: string;
}

const SPECS: Readonly<Record<FontScript, FontSpec>> = {
  latin: {
    files: { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf" },
    dirs: ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF"],
    debianPackage: "fonts-dejavu-core",
    covers: "Latin and Greek",
  },
  cjk: {
    files: { regular: "NotoSansCJK-Regular.ttc", bold: "NotoSansCJK-Bold.ttc" },
    dirs: ["/usr/share/fonts/opentype/noto", "/usr/share/fonts/noto-cjk", "/usr/share/fonts/google-noto-cjk"],
    debianPackage: "fonts-noto-cjk",
    covers: "Japanese, Korean and Chinese",
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
      `font ${file} for ${spec.covers} text not found (searched ${searched.join(", ")}): ` +
        `install the Debian package ${spec.debianPackage} (apt-get install -y ${spec.debianPackage}) ` +
        "or put the file in CROSSBACK_FONT_DIR",
    );
    this.name = "MissingFontError";
  }
}

/** The CJK collection's face for a locale: regional glyph forms differ for the same code point. */
export function cjkFamily(locale: string, weight: FontWeight): string {
  const tag = locale.toLowerCase().replaceAll("_", "-");
  const region = tag.startsWith("ko")
    ? "kr"
    : /^zh-(hant|tw|hk|mo)/.test(tag)
      ? tag.includes("hk")
        ? "hk"
        : "tc"
      : tag.startsWith("zh")
        ? "sc"
        : "jp";
  return `NotoSansCJK${region}-${weight === "bold" ? "Bold" : "Regular"}`;
}

function defaultDirs(spec: FontSpec): string[] {
  const fromEnv = process.env.CROSSBACK_FONT_DIR;
  const shipped = join(import.meta.dirname, "../../../reference/fonts");
  return [...(fromEnv ? [fromEnv] : []), shipped, ...spec.dirs];
}

/**
 * The file for a script and weight, or a MissingFontError naming the package to install.
 * `dirs`, when given, replaces the default search path (tests use it to simulate a bare machine).
 */
export function locateFont(
  script: FontScript,
  weight: FontWeight,
  locale: string,
  dirs?: readonly string[],
): FontFace {
  const spec = SPECS[script];
  const file = spec.files[weight];
  const searched = dirs ?? defaultDirs(spec);
  for (const dir of searched) {
    const path = join(dir, file);
    if (existsSync(path)) return script === "cjk" ? { path, family: cjkFamily(locale, weight) } : { path };
  }
  throw new MissingFontError(script, file, searched);
}
