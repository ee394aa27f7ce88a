/** Picks the label table for a locale; languages without a table fall back to English. */
import { ar } from "./ar.ts";
import { de } from "./de.ts";
import { el } from "./el.ts";
import { en } from "./en.ts";
import { es } from "./es.ts";
import { fr } from "./fr.ts";
import { he } from "./he.ts";
import { it } from "./it.ts";
import { ja } from "./ja.ts";
import { ko } from "./ko.ts";
import type { CreditNoteLabels } from "./labels.ts";
import { nl } from "./nl.ts";
import { pl } from "./pl.ts";

export type { CreditNoteLabels };

export const CREDIT_NOTE_LANGUAGES = [
  "en",
  "de",
  "fr",
  "es",
  "it",
  "nl",
  "pl",
  "el",
  "ja",
  "ko",
  "ar",
  "he",
] as const;
/** Languages written right to left: their notes are laid out mirrored. */
const RIGHT_TO_LEFT: readonly CreditNoteLanguage[] = ["ar", "he"];
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
  ar,
  he,
};

const isLanguage = (s: string): s is CreditNoteLanguage => CREDIT_NOTE_LANGUAGES.some((l) => l === s);

export interface CreditNoteLocale {
  /** The canonical tag used for numbers and dates ("de-AT"); "en" when the language has no table. */
  readonly locale: string;
  readonly language: CreditNoteLanguage;
  readonly labels: CreditNoteLabels;
  readonly direction: "ltr" | "rtl";
}

export function creditNoteLocale(requested: string): CreditNoteLocale {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(requested.trim().replaceAll("_", "-"))[0];
  } catch {
    canonical = undefined;
  }
  const language = (canonical?.split("-")[0] ?? "").toLowerCase();
  if (canonical && isLanguage(language))
    return {
      locale: canonical,
      language,
      labels: TABLES[language],
      direction: RIGHT_TO_LEFT.includes(language) ? "rtl" : "ltr",
    };
  return { locale: "en", language: "en", labels: en, direction: "ltr" };
}
