import type { MessageFormatElement } from "react-intl";

/** One ICU catalogue per locale (messages/<locale>.json), compiled at build time, loaded on demand. */
export type Catalogue = Record<string, MessageFormatElement[]>;

const loaders = import.meta.glob<{ default: Catalogue }>("../../../messages/*.json");
const adminLoaders = import.meta.glob<{ default: Catalogue }>("../../../messages/admin/*.json");

export const LOCALES = [
  "en",
  "de",
  "fr",
  "es",
  "it",
  "nl",
  "pl",
  "sv",
  "pt-BR",
  "ja",
  "zh-CN",
  "ko",
  "ar",
  "he",
] as const;
export const RTL = new Set(["ar", "he"]);

export async function loadCatalogue(locale: string): Promise<Catalogue> {
  const load = loaders[`../../../messages/${locale}.json`] ?? loaders["../../../messages/en.json"];
  if (!load) throw new Error("no English catalogue");
  return (await load()).default;
}

/** The language's own name ("Deutsch", "العربية") for the language picker. */
export function languageName(locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

/** The back office's catalogues (messages/admin/<locale>.json), apart from the portal's. */
export async function loadAdminCatalogue(locale: string): Promise<Catalogue> {
  const load =
    adminLoaders[`../../../messages/admin/${locale}.json`] ?? adminLoaders["../../../messages/admin/en.json"];
  if (!load) throw new Error("no English back-office catalogue");
  return (await load()).default;
}
