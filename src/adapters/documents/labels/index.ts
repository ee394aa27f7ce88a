/** Picks the label table for a locale; languages without a table fall back to English. */
import { de } from "./de.ts";
import { el } from "./el.ts";
import { en } from "./en.ts";
import { es } from "./es.ts";
import { fr } from "./fr.ts";
import { it } from "./it.ts";
import { ja } from "./ja.ts";
import { ko } from "./ko.ts";
import type { CreditNoteLabels } from "./labels.ts";
import { nl } from "./nl.ts";
import { pl } from "./pl.ts";

export type { CreditNoteLabels };

export const CREDIT_NOTE_LANGUAGES = ["en", "de", "fr", "es", "it", "nl", "pl", "el", "ja", "ko"] as const;
export type CreditNoteLanguage = (typeof CREDIT_NOTE_LANGUAGES)[number];

const TABLES: Readonly<Record<CreditNoteLanguage, CreditNoteLabels>> = {
  en,
  de,
  fr,
  es,
  it,
  nl,
  pl,
  el,
  ja,
  ko,
};

const isLanguage = (s: string): s is CreditNoteLanguage =>
  (CREDIT_NOTE_LANGUAGES as readonly string[]).includes(s);

export interface CreditNoteLocale {
  /** The canonical tag used for numbers and dates ("de-AT"); "en" when the language has no table. */
  readonly locale: string;
  readonly language: CreditNoteLanguage;
  readonly labels: CreditNoteLabels;
}

export function creditNoteLocale(requested: string): CreditNoteLocale {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(requested.trim().replaceAll("_", "-"))[0];
  } catch {
    canonical = undefined;
  }
  const language = (canonical?.split("-")[0] ?? "").toLowerCase();
  if (canonical && isLanguage(language)) return { locale: canonical, language, labels: TABLES[language] };
  return { locale: "en", language: "en", labels: en };
}
