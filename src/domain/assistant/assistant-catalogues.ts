/**
 * The assistant's sentences: one ICU catalogue per language of Crossback (`catalogues/<locale>.json`),
 * formatted with intl-messageformat in the shopper's locale. A missing key is a bug (throws); the
 * test `test/domain/assistant/catalogues.test.ts` checks every catalogue carries every key.
 */
import { IntlMessageFormat } from "intl-messageformat";
import type { Locale } from "../locales.ts";
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

export const ASSISTANT_CATALOGUES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
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

export type Values = Readonly<Record<string, string | number>>;
export type Say = (key: string, values?: Values) => string;

const compiled = new Map<string, IntlMessageFormat>();

/** The formatter of one language: each message compiled once. */
export function sayIn(locale: Locale): Say {
  return (key, values) => {
    const id = `${locale}|${key}`;
    let f = compiled.get(id);
    if (!f) {
      const text = ASSISTANT_CATALOGUES[locale][key];
      if (text === undefined) throw new Error(`assistant catalogue ${locale}: no message "${key}"`);
      f = new IntlMessageFormat(text, locale);
      compiled.set(id, f);
    }
    const out = f.format(values);
    if (typeof out !== "string") throw new Error(`assistant catalogue ${locale}: "${key}" is not plain text`);
    return out;
  };
}
