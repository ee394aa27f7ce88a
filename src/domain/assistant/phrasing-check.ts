/**
 * A language model may only re-phrase the facts: its reply is accepted when every number in it
 * (amounts, dates, days, tracking numbers — in any script's digits) appears in the facts or the
 * deterministic answer, and it is plain text of sensible length. Anything else falls back.
 */
import type { AssistantAnswer } from "./facts.ts";

export const MAX_REPLY_CHARS = 1200;

/** Digits of every script (Arabic-Indic, full-width, …) as ASCII. */
function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (d) => {
    const n = Number.parseInt(d, 10);
    if (!Number.isNaN(n)) return String(n);
    const code = d.codePointAt(0) ?? 48;
    for (const zero of [0x660, 0x6f0, 0x966, 0xff10, 0x9e6, 0xe50]) {
      if (code >= zero && code <= zero + 9) return String(code - zero);
    }
    return d;
  });
}

/** The runs of digits in a text ("4,95 €" → 4, 95; "2026年4月9日" → 2026, 4, 9). */
export function numbersIn(text: string): string[] {
  return asciiDigits(text).match(/\d+/g) ?? [];
}

export type PhrasingVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export function checkPhrasing(reply: string, base: AssistantAnswer): PhrasingVerdict {
  const text = reply.trim();
  if (text.length === 0) return { ok: false, reason: "empty reply" };
  if (text.length > MAX_REPLY_CHARS) return { ok: false, reason: "reply too long" };
  if (/<[a-z/!]/i.test(text)) return { ok: false, reason: "markup in reply" };
  const known = new Set(numbersIn([base.answer, ...base.facts.map((f) => f.text)].join(" ")));
  const invented = numbersIn(text).filter((n) => !known.has(n) && !known.has(String(Number(n))));
  if (invented.length > 0) return { ok: false, reason: `numbers not in the facts: ${invented.join(", ")}` };
  return { ok: true };
}
