/**
 * Lays out and draws text with a per-script font fallback, since pdfkit uses one font per call:
 * CJK characters (and ASCII digits and punctuation next to them) go to the CJK face, everything
 * else to the Latin/Greek face. Lines wrap at spaces, between CJK characters, and inside a word
 * that is wider than the box. Fonts are embedded (subset) and located only when first needed, so
 * a note without CJK text never requires the CJK font.
 */
import { type FontFace, type FontScript, type FontWeight, locateFont } from "./fonts.ts";

export interface TextStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly color?: string;
}

interface Segment {
  readonly text: string;
  readonly script: FontScript;
  readonly width: number;
}

interface Line {
  readonly segments: readonly Segment[];
  readonly width: number;
}

export interface TextBlock {
  readonly lines: readonly Line[];
  readonly style: TextStyle;
  readonly height: number;
}

const CJK =
  "\\u1100-\\u11FF\\u2E80-\\u2FFF\\u3000-\\u9FFF\\uA960-\\uA97F\\uAC00-\\uD7FF\\uF900-\\uFAFF" +
  "\\uFE30-\\uFE4F\\uFF00-\\uFFEF\\u{20000}-\\u{3FFFF}";
/** No-break spaces (between an amount and its currency, in French thousands) join their words. */
const NO_BREAK = "\\u00A0\\u2007\\u202F";
const TOKEN = new RegExp(`((?:(?![${NO_BREAK}])\\s)+)|([${CJK}])|((?:[^\\s${CJK}]|[${NO_BREAK}])+)`, "gu");
const HYPHEN_BREAK = /(?<=[\p{L}.]-)(?=\p{L}{2})/u;
const ASCII_NEUTRAL = /^[\x21-\x40\x5B-\x60\x7B-\x7E]+$/;
/** Marks that may not start a line in Japanese or Chinese: they stay with the character before. */
const NO_LINE_START = /^[、。，．：；！？）」』】〕ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ]$/u;

interface Token {
  readonly text: string;
  readonly script: FontScript;
  readonly space: boolean;
  /** May not start a line: it takes the token before it along to the next line. */
  readonly glue?: boolean;
}

export const LINE_HEIGHT = 1.35;

function tokenize(paragraph: string): Token[] {
  const tokens: Token[] = [];
  for (const m of paragraph.matchAll(TOKEN)) {
    const prev = tokens.at(-1);
    if (m[1] !== undefined) tokens.push({ text: " ", script: prev?.script ?? "latin", space: true });
    else if (m[2] !== undefined) {
      const glue = prev !== undefined && !prev.space && NO_LINE_START.test(m[2]);
      if (glue && prev.script === "cjk") tokens[tokens.length - 1] = { ...prev, text: prev.text + m[2] };
      else tokens.push({ text: m[2], script: "cjk", space: false, glue });
    } else {
      const text = m[3] ?? "";
      const script = prev?.script === "cjk" && ASCII_NEUTRAL.test(text) ? "cjk" : "latin";
      // "Btw-tarief" may break after its hyphen; "-4,20" and "ORD-2026" never do.
      for (const piece of text.split(HYPHEN_BREAK)) tokens.push({ text: piece, script, space: false });
    }
  }
  return tokens;
}

export class Typesetter {
  private readonly faces = new Map<string, FontFace>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly locale: string,
    private readonly fontDirs?: readonly string[],
  ) {}

  private use(script: FontScript, style: TextStyle): void {
    const weight: FontWeight = style.bold ? "bold" : "regular";
    const key = `${script}-${weight}`;
    let face = this.faces.get(key);
    if (!face) {
      face = locateFont(script, weight, this.locale, this.fontDirs);
      this.faces.set(key, face);
    }
    // By path (and face name), not by a registered alias: pdfkit caches fonts under that key, while
    // an alias of an already-open file is parsed again on every switch.
    if (face.family) this.doc.font(face.path, face.family, style.size);
    else this.doc.font(face.path, style.size);
  }

  private width(text: string, script: FontScript, style: TextStyle): number {
    this.use(script, style);
    return this.doc.widthOfString(text);
  }

  private line(tokens: readonly Token[], style: TextStyle): Line {
    const segments: Segment[] = [];
    let run: Token[] = [];
    const flush = () => {
      const first = run[0];
      if (!first) return;
      const text = run.map((t) => t.text).join("");
      segments.push({ text, script: first.script, width: this.width(text, first.script, style) });
      run = [];
    };
    for (const t of tokens) {
      if (run[0] && run[0].script !== t.script) flush();
      run.push(t);
    }
    flush();
    return { segments, width: segments.reduce((w, s) => w + s.width, 0) };
  }

  /** Breaks `text` (newlines start new paragraphs) into lines no wider than `width`. */
  layout(text: string, width: number, style: TextStyle): TextBlock {
    const lines: Line[] = [];
    for (const paragraph of text.split("\n")) {
      let current: Token[] = [];
      let used = 0;
      let space: Token | undefined;
      const push = () => {
        lines.push(this.line(current, style));
        current = [];
        used = 0;
      };
      for (const token of tokenize(paragraph)) {
        if (token.space) {
          space = current.length > 0 ? token : undefined;
          continue;
        }
        const w = this.width(token.text, token.script, style);
        const sw = space ? this.width(" ", space.script, style) : 0;
        if (current.length > 0 && used + sw + w > width) {
          const carried = token.glue && !space && current.length > 1 ? current.pop() : undefined;
          push();
          if (carried) {
            current.push(carried);
            used = this.width(carried.text, carried.script, style);
          }
          space = undefined;
        } else if (space) {
          current.push(space);
          used += sw;
        }
        space = undefined;
        if (current.length === 0 && w > width) {
          for (const ch of Array.from(token.text)) {
            const cw = this.width(ch, token.script, style);
            if (current.length > 0 && used + cw > width) push();
            current.push({ ...token, text: ch });
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

  /** Draws a laid-out block with its first line's top at `y`. */
  draw(block: TextBlock, x: number, y: number, width: number, align: "left" | "right" = "left"): void {
    const { style } = block;
    this.doc.fillColor(style.color ?? "#000000");
    block.lines.forEach((line, i) => {
      const baseline = y + i * style.size * LINE_HEIGHT + style.size * 0.95;
      let cx = align === "right" ? x + width - line.width : x;
      for (const s of line.segments) {
        this.use(s.script, style);
        this.doc.text(s.text, cx, baseline, { lineBreak: false, baseline: "alphabetic" });
        cx += s.width;
      }
    });
  }

  /** Lays out and draws; returns the height used. */
  write(
    text: string,
    x: number,
    y: number,
    width: number,
    style: TextStyle,
    align?: "left" | "right",
  ): number {
    const block = this.layout(text, width, style);
    this.draw(block, x, y, width, align);
    return block.height;
  }
}
