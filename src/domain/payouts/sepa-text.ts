import {
  GERMAN_UMLAUTS,
  GREEK_AND_CYRILLIC,
  GREEK_DIGRAPHS,
  LATIN_LETTERS,
  PUNCTUATION,
} from "./transliteration-tables.ts";

/**
 * The SEPA (Latin) character set every SEPA participant must support (EPC implementation
 * guidelines, "character set"): a-z A-Z 0-9 / - ? : ( ) . , ' + and space.
 */
export const SEPA_CHARACTERS = /^[A-Za-z0-9/\-?:().,'+ ]*$/;
const OUTSIDE_SEPA = /[^A-Za-z0-9/\-?:().,'+ ]/gu;
const EMPTY_BRACKETS = /\(\s*\)/g;

export const isSepaText = (text: string): boolean => SEPA_CHARACTERS.test(text);

export interface SepaTextOptions {
  /**
   * German umlauts: "strip" (default) drops the diaeresis (ä → a), as the EPC conversion table
   * does and as is right for Finnish, Swedish or Hungarian names; "expand" spells them out (ä → ae,
   * the German banks' alternative).
   */
  readonly umlauts?: "strip" | "expand";
}

const isUpper = (c: string | undefined): boolean =>
  c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);

/** A table value in the case of its source: "Th" for Θ before a small letter, "TH" inside capitals. */
function inCase(to: string, from: string, next: string | undefined, prev: string | undefined): string {
  if (!isUpper(from)) return to.toLowerCase();
  const capitals = isUpper(next) || (!isLetter(next) && isUpper(prev));
  return capitals ? to.toUpperCase() : to.charAt(0).toUpperCase() + to.slice(1).toLowerCase();
}

function replaceChars(
  text: string,
  table: Readonly<Record<string, string>>,
  digraphs: Readonly<Record<string, string>> = {},
): string {
  const chars = [...text];
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? "";
    const next = chars[i + 1];
    const pair = next === undefined ? undefined : digraphs[(c + next).toLowerCase()];
    if (pair !== undefined) {
      out += inCase(pair, c, next, chars[i - 1]);
      i++;
      continue;
    }
    const to = table[c];
    out += to === undefined ? c : inCase(to, c, next, chars[i - 1]);
  }
  return out;
}

/**
 * Any Unicode text in the SEPA character set: accents dropped (é → e, Ż → Z), letters without a
 * decomposition spelled out (ß → ss, Ł → L, Æ → Ae, Ø → O), compatibility forms folded (full-width
 * Ｔａｒｏ → Taro, ﬁ → fi), Greek and Cyrillic transliterated (Ελένη → Eleni, Жанна → Zhanna),
 * close punctuation substituted (’ → ', – → -, & → +); everything else (CJK, emoji, control
 * characters, lone surrogates) becomes a space. Runs of spaces collapse; the ends are trimmed.
 */
export function toSepaText(input: string, options: SepaTextOptions = {}): string {
  let text = input.normalize("NFC");
  if (options.umlauts === "expand") text = replaceChars(text, GERMAN_UMLAUTS);
  text = text.normalize("NFKD").replace(/\p{M}/gu, "");
  text = replaceChars(text, LATIN_LETTERS);
  text = replaceChars(text, GREEK_AND_CYRILLIC, GREEK_DIGRAPHS);
  text = replaceChars(text, PUNCTUATION);
  text = text.replace(OUTSIDE_SEPA, " ");
  // Brackets emptied by the removal of what they held: "Taro (山田)" → "Taro".
  for (let before = ""; before !== text; ) {
    before = text;
    text = text.replace(EMPTY_BRACKETS, " ");
  }
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Shortens SEPA text to at most `max` characters without cutting a word in half: it ends at the
 * last space that fits, unless that would lose more than half the room, then it cuts at `max`.
 * (SEPA text is ASCII, so a character is one UTF-16 unit and a cut never splits a character.)
 */
export function truncateSepaText(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.slice(0, max + 1).lastIndexOf(" ");
  return text.slice(0, space >= max / 2 ? space : max).trimEnd();
}

/** Transliterates, then shortens: what goes into a name (70) or remittance (140) field. */
export const sepaText = (input: string, max: number, options: SepaTextOptions = {}): string =>
  truncateSepaText(toSepaText(input, options), max);

/** EPC maximum for MsgId, PmtInfId, InstrId and EndToEndId. */
export const SEPA_ID_MAX = 35;

/**
 * Why a reference or identifier is not acceptable, or null. EPC: 1–35 characters of the SEPA set,
 * not starting or ending with "/" and without "//" (EPC clarification paper on slashes in
 * references, identifications and identifiers). Leading or trailing spaces are refused too: banks
 * trim them, and the statement would no longer match.
 */
export function sepaIdentifierProblem(id: string, max = SEPA_ID_MAX): string | null {
  if (id.length === 0) return "is required";
  if (id.length > max) return `must be at most ${max} characters (has ${id.length})`;
  if (!isSepaText(id)) return "may only contain a-z A-Z 0-9 / - ? : ( ) . , ' + and spaces";
  if (id.startsWith("/") || id.endsWith("/")) return 'must not start or end with "/"';
  if (id.includes("//")) return 'must not contain "//"';
  if (id.trim() !== id) return "must not start or end with a space";
  return null;
}

/**
 * Makes an identifier from any text: transliterated, "//" collapsed, slashes and spaces trimmed
 * from both ends, cut to `max`. May return "" (nothing usable): the caller decides what then.
 */
export function toSepaIdentifier(input: string, max = SEPA_ID_MAX): string {
  const trim = (s: string): string => s.replace(/^[\s/]+|[\s/]+$/g, "");
  return trim(trim(toSepaText(input).replace(/\/{2,}/g, "/")).slice(0, max));
}
