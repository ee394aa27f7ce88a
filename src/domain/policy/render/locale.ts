/** Picks the language of the rendered policy from a requested locale; anything else falls back to English. */
import { de } from "./messages/de.ts";
import { en } from "./messages/en.ts";
import { es } from "./messages/es.ts";
import { fr } from "./messages/fr.ts";
import { ja } from "./messages/ja.ts";
import type { Messages } from "./messages/messages.ts";

export const SUPPORTED_LOCALES = ["en", "de", "fr", "es", "ja"] as const;
export type Language = (typeof SUPPORTED_LOCALES)[number];

export const MESSAGES: Readonly<Record<Language, Messages>> = { en, de, fr, es, ja };

const isLanguage = (s: string): s is Language => SUPPORTED_LOCALES.some((l) => l === s);

export interface NegotiatedLocale {
  /** The BCP 47 tag used for text and formatting ("de-AT"), or "en" when nothing matched. */
  readonly locale: string;
  readonly language: Language;
}

/**
 * `de-DE`, `de_AT`, `de` → German (the tag kept for formatting). Also takes an Accept-Language list
 * ("fr-CH, fr;q=0.9, en;q=0.8"): the first supported entry in the order given wins.
 */
export function negotiateLocale(requested: string): NegotiatedLocale {
  for (const entry of requested.split(",")) {
    const tag = (entry.split(";")[0] ?? "").trim().replaceAll("_", "-");
    if (tag === "" || tag === "*") continue;
    let canonical: string | undefined;
    try {
      canonical = Intl.getCanonicalLocales(tag)[0];
    } catch {
      continue;
    }
    if (!canonical) continue;
    const language = (canonical.split("-")[0] ?? "").toLowerCase();
    if (isLanguage(language)) return { locale: canonical, language };
  }
  return { locale: "en", language: "en" };
}
