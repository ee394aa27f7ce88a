/**
 * Picks the language of the rendered policy: one ICU catalogue per locale of Crossback
 * (`catalogues/<locale>.json`, the list in `src/domain/locales.ts`); anything else falls back to English.
 */
import { LOCALES, type Locale, matchLocale } from "../../locales.ts";
import ar from "./catalogues/ar.json" with { type: "json" };
import de from "./catalogues/de.json" with { type: "json" };
import en from "./catalogues/en.json" with { type: "json" };
import es from "./catalogues/es.json" with { type: "json" };
import fr from "./catalogues/fr.json" with { type: "json" };
import he from "./catalogues/he.json" with { type: "json" };
import it from "./catalogues/it.json" with { type: "json" };
import ja from "./catalogues/ja.json" with { type: "json" };
import ko from "./catalogues/ko.json" with { type: "json" };
import nl from "./catalogues/nl.json" with { type: "json" };
import pl from "./catalogues/pl.json" with { type: "json" };
import ptBR from "./catalogues/pt-BR.json" with { type: "json" };
import sv from "./catalogues/sv.json" with { type: "json" };
import zhCN from "./catalogues/zh-CN.json" with { type: "json" };
import { type Catalogue, icuMessages } from "./messages/icu-messages.ts";
import type { Messages } from "./messages/messages.ts";

export const SUPPORTED_LOCALES = LOCALES;
export type Language = Locale;

/** The ICU catalogue of every locale (tests check each carries every key, as valid ICU). */
export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = {
  en,
  de,
  fr,
  es,
  it,
  nl,
  pl,
  sv,
  "pt-BR": ptBR,
  ja,
  "zh-CN": zhCN,
  ko,
  ar,
  he,
};

const compiled = new Map<string, Messages>();

/** The sentences of one language, formatted for one locale tag (compiled once per tag). */
export function messagesFor(language: Locale, locale: string): Messages {
  const key = `${language}|${locale}`;
  let m = compiled.get(key);
  if (!m) {
    m = icuMessages(locale, CATALOGUES[language]);
    compiled.set(key, m);
  }
  return m;
}

export interface NegotiatedLocale {
  /** The BCP 47 tag used for text and formatting ("de-AT"), or "en" when nothing matched. */
  readonly locale: string;
  readonly language: Language;
}

/**
 * `de-DE`, `de_AT`, `de` → German (the tag kept for formatting); `pt` → pt-BR. Also takes an
 * Accept-Language list ("fr-CH, fr;q=0.9, en;q=0.8"): the first supported entry in the order given wins.
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
    const language = canonical ? matchLocale(canonical) : null;
    if (canonical && language) {
      // A bare language ("pt", "zh") is formatted as the catalogue's own variant.
      return { locale: canonical.includes("-") ? canonical : language, language };
    }
  }
  return { locale: "en", language: "en" };
}
