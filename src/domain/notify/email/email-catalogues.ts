/**
 * The default wording of shopper e-mails, one ICU catalogue per locale of Crossback
 * (`catalogues/<locale>.json`; every locale carries every key: test/domain/notify/email-catalogues.test.ts).
 */
import type { Locale } from "../../locales.ts";
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
import { EMAIL_KINDS } from "./email-kinds.ts";

export type EmailCatalogue = Readonly<Record<string, string>>;

/** The words of the survey page the final e-mail links to. */
export const SURVEY_PAGE_KEYS = [
  "title",
  "question",
  "scale",
  "comment",
  "submit",
  "thanks",
  "answered",
] as const;

/** Every key a catalogue must carry: a greeting, a footer, each kind's subject and body, the survey's words. */
export const EMAIL_CATALOGUE_KEYS: readonly string[] = [
  "greeting",
  "footer",
  ...EMAIL_KINDS.flatMap((k) => [`${k}.subject`, `${k}.body`]),
  "survey.link",
  ...SURVEY_PAGE_KEYS.map((k) => `survey.${k}`),
];

export const EMAIL_CATALOGUES: Readonly<Record<Locale, EmailCatalogue>> = {
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
