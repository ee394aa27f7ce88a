/**
 * Lays out and draws text in any script: a font per run of text (see text-runs.ts), right-to-left
 * text reordered by the Unicode Bidirectional Algorithm and shaped by the font (Arabic letters join),
 * lines that wrap at spaces, between CJK characters, and inside a word wider than the box. In a
 * right-to-left document every box is mirrored: `x` counts from the right edge and `start` aligns
 * right. Fonts are embedded (subset) and located only when first needed.
 */
import type { FontScript } from "./fonts.ts";
import { analyse, type CharInfo, type Direction, drawnText, FontBook, visualOrder } from "./text-runs.ts";

export interface TextStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly color?: string;
}

export type Align = "start" | "end";

/** A run of one font and one bidi level, in logical order; `text` is as drawn. */
export interface Segment {
  readonly text: string;
  readonly font: FontScript;
  readonly level: number;
  readonly width: number;
  /** The font shapes and reverses the whole run itself (Arabic or Hebrew at a right-to-left level). */
  readonly wholeRun: boolean;
}

export interface Line {
  readonly segments: readonly Segment[];
  readonly width: number;
}

export interface TextBlock {
  readonly lines: readonly Line[];
  readonly style: TextStyle;
  readonly height: number;
}

export interface TypesetterOptions {
  readonly locale: string;
  /** The document's direction: the base direction of every paragraph, and how boxes are placed. */
  readonly direction?: Direction;
  /** Directories searched for the font files instead of the defaults (see fonts.ts). */
  readonly fontDirs?: readonly string[];
}

const CJK =
  "\\u1100-\\u11FF\\u2E80-\\u2FFF\\u3000-\\u9FFF\\uA960-\\uA97F\\uAC00-\\uD7FF\\uF900-\\uFAFF" +
  "\\uFE30-\\uFE4F\\uFF00-\\uFFEF\\u{20000}-\\u{3FFFF}";
/** No-break spaces (between an amount and its currency, in French thousands) join their words. */
const NO_BREAK = "\\u00A0\\u2007\\u202F";
const TOKEN = new RegExp(`((?:(?![${NO_BREAK}])\\s)+)|([${CJK}])|((?:[^\\s${CJK}]|[${NO_BREAK}])+)`, "gu");
const HYPHEN_BREAK = /(?<=[\p{L}.]-)(?=\p{L}{2})/u;
/** Marks that may not start a line in Japanese or Chinese: they stay with the character before. */
const NO_LINE_START = /^[、。，．：；！？）」』】〕ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ]$/u;

/** A unit of line breaking: a word, a CJK character or a space, at `start` in its paragraph. */
interface Token {
  readonly start: number;
  readonly text: string;
  readonly space: boolean;
  /** May not start a line: it takes the token before it along to the next line. */
  readonly glue?: boolean;
}

export const LINE_HEIGHT = 1.35;

function tokenize(paragraph: string): Token[] {
  const tokens: Token[] = [];
  for (const m of paragraph.matchAll(TOKEN)) {
    const start = m.index;
    const prev = tokens.at(-1);
    if (m[1] !== undefined) tokens.push({ start, text: " ", space: true });
    else if (m[2] !== undefined) {
      const glue = prev !== undefined && !prev.space && NO_LINE_START.test(m[2]);
      if (glue && prev.start + prev.text.length === start && /[^\p{ASCII}]/u.test(prev.text))
        tokens[tokens.length - 1] = { ...prev, text: prev.text + m[2] };
      else tokens.push({ start, text: m[2], space: false, glue });
    } else {
      // "Btw-tarief" may break after its hyphen; "-4,20" and "ORD-2026" never do.
      let at = start;
      for (const piece of (m[3] ?? "").split(HYPHEN_BREAK)) {
        tokens.push({ start: at, text: piece, space: false });
        at += piece.length;
      }
    }
  }
  return tokens;
}

export class Typesetter {
  private readonly fonts: FontBook;
  readonly direction: Direction;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    options: TypesetterOptions,
  ) {
    this.fonts = new FontBook(options.locale, options.fontDirs);
    this.direction = options.direction ?? "ltr";
  }

  private use(font: FontScript, style: TextStyle): void {
    // By path, not by a registered alias: pdfkit caches fonts under that key.
    this.doc.font(this.fonts.face(font, style.bold === true).path, style.size);
  }

  private measure(text: string, font: FontScript, level: number, style: TextStyle): Segment {
    const drawn = drawnText(text, level);
    this.use(font, style);
    const width = this.doc.widthOfString(drawn.text, drawn.wholeRun ? { features: [] } : {});
    return { text: drawn.text, font, level, width, wholeRun: drawn.wholeRun };
  }

  /** The token's characters cut where the font or the level changes, each piece measured. */
  private segments(tokens: readonly Token[], info: readonly CharInfo[], style: TextStyle): Segment[] {
    const out: Segment[] = [];
    let run = "";
    let at: CharInfo | undefined;
    const flush = () => {
      if (at && run) out.push(this.measure(run, at.font, at.level, style));
      run = "";
    };
    for (const t of tokens) {
      for (let i = 0; i < t.text.length; i++) {
        const c = info[t.start + i] ?? at;
        if (c && at && (c.font !== at.font || c.level !== at.level)) flush();
        at = c;
        run += t.text[i];
      }
    }
    flush();
    return out;
  }

  private line(tokens: readonly Token[], info: readonly CharInfo[], style: TextStyle): Line {
    const segments = this.segments(tokens, info, style);
    return { segments, width: segments.reduce((w, s) => w + s.width, 0) };
  }

  /** Breaks `text` (newlines start new paragraphs) into lines no wider than `width`. */
  layout(text: string, width: number, style: TextStyle): TextBlock {
    const lines: Line[] = [];
    for (const paragraph of text.split("\n")) {
      const info = analyse(paragraph, this.fonts, this.direction);
      const widthOf = (t: Token) => this.line([t], info, style).width;
      let current: Token[] = [];
      let used = 0;
      let space: Token | undefined;
      const push = () => {
        lines.push(this.line(current, info, style));
        current = [];
        used = 0;
      };
      for (const token of tokenize(paragraph)) {
        if (token.space) {
          space = current.length > 0 ? token : undefined;
          continue;
        }
        const w = widthOf(token);
        const sw = space ? widthOf(space) : 0;
        if (current.length > 0 && used + sw + w > width) {
          const carried = token.glue && !space && current.length > 1 ? current.pop() : undefined;
          push();
          if (carried) {
            current.push(carried);
            used = widthOf(carried);
          }
        } else if (space) {
          current.push(space);
          used += sw;
        }
        space = undefined;
        if (current.length === 0 && w > width) {
          let start = token.start;
          for (const ch of token.text) {
            const piece = { ...token, start, text: ch };
            start += ch.length;
            const cw = widthOf(piece);
            if (current.length > 0 && used + cw > width) push();
            current.push(piece);
            used += cw;
          }
        } else {
          current.push(token);
          used += w;
        }
      }
      push();
    }
    return { lines, style, height: lines.length * style.size * LINE_HEIGHT };
  }

  /** Draws a laid-out block with its first line's top at `y`, in the box `x`…`x + width` (mirrored when RTL). */
  draw(block: TextBlock, x: number, y: number, width: number, align: Align = "start"): void {
    const { style } = block;
    const rtl = this.direction === "rtl";
    const left = rtl ? this.doc.page.width - x - width : x;
    const toRight = (align === "end") !== rtl;
    this.doc.fillColor(style.color ?? "#000000");
    block.lines.forEach((line, i) => {
      const baseline = y + i * style.size * LINE_HEIGHT + style.size * 0.95;
      let cx = toRight ? left + width - line.width : left;
      for (const s of visualOrder(line.segments)) {
        this.use(s.font, style);
        const features = s.wholeRun ? { features: [] } : {};
        this.doc.text(s.text, cx, baseline, { lineBreak: false, baseline: "alphabetic", ...features });
        cx += s.width;
      }
    });
  }

  /** Lays out and draws; returns the height used. */
  write(text: string, x: number, y: number, width: number, style: TextStyle, align?: Align): number {
    const block = this.layout(text, width, style);
    this.draw(block, x, y, width, align);
    return block.height;
  }
}
