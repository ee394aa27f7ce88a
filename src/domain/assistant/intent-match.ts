/**
 * Which question a shopper asked, deterministically: the keywords of their language (and English)
 * are counted per intent; the intent with most hits wins, a tie or no hit is `unknown` (a human
 * answers). A country named with no other clue means "how do I send it from there".
 */
import type { Locale } from "../locales.ts";
import { countryNamed } from "./countries.ts";
import { INTENTS, type Intent, KEYWORDS, type KnownIntent } from "./keywords.ts";

export interface IntentMatch {
  readonly intent: Intent;
  /** The country the shopper named (ISO 3166), if any. */
  readonly country: string | null;
  /** Keyword hits per intent: why this intent was chosen. */
  readonly hits: Readonly<Record<KnownIntent, number>>;
}

/**
 * Lower case, NFKC (full-width letters become ASCII), typographic apostrophes as ', one space between
 * words, no punctuation at the ends.
 */
export function normalise(message: string, locale: Locale): string {
  return message
    .normalize("NFKC")
    .toLocaleLowerCase(locale)
    .replace(/[\u2018\u2019\u02bc]/gu, "'") // typographic apostrophes as typed on phones: dov’è = dov'è
    .replace(/[\s\u3000]+/gu, " ")
    .trim();
}

const isLatin = (word: string) => /^[\p{Script=Latin}\s'’-]+$/u.test(word);

function has(text: string, word: string): boolean {
  if (!isLatin(word)) return text.includes(word);
  let at = text.indexOf(word);
  while (at >= 0) {
    if (at === 0 || !/\p{L}/u.test(text.charAt(at - 1))) return true;
    at = text.indexOf(word, at + 1);
  }
  return false;
}

function count(text: string, locale: Locale): Record<KnownIntent, number> {
  const tables = locale === "en" ? [KEYWORDS.en] : [KEYWORDS[locale], KEYWORDS.en];
  const hits: Record<KnownIntent, number> = {
    eligibility: 0,
    refund_timing: 0,
    status: 0,
    send_from: 0,
    costs: 0,
    human: 0,
  };
  for (const intent of INTENTS) {
    const words = new Set(tables.flatMap((t) => t[intent].split("|")));
    for (const w of words) if (has(text, w)) hits[intent] += 1;
  }
  return hits;
}

/** The shopper's question, or `unknown` when no intent clearly wins. */
export function matchIntent(message: string, locale: Locale): IntentMatch {
  const text = normalise(message, locale);
  const country = countryNamed(text, locale);
  const hits = count(text, locale);
  if (hits.human > 0) return { intent: "human", country, hits };
  const ranked = [...INTENTS].filter((i) => i !== "human").sort((a, b) => hits[b] - hits[a]);
  const [first, second] = ranked;
  if (!first || hits[first] === 0) return { intent: country ? "send_from" : "unknown", country, hits };
  if (second && hits[second] === hits[first]) {
    // A named country settles a tie in favour of sending from there.
    if (country && (first === "send_from" || second === "send_from"))
      return { intent: "send_from", country, hits };
    return { intent: "unknown", country, hits };
  }
  return { intent: first, country, hits };
}
