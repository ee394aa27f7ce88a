/**
 * The languages Crossback speaks to shoppers — the portal's catalogues (web/messages/) and the
 * rendered policy's (src/domain/policy/render/catalogues/) — one list for both. The first is the
 * fallback; the right-to-left ones are shown with dir="rtl".
 */
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
export type Locale = (typeof LOCALES)[number];
export const RTL_LOCALES: readonly Locale[] = ["ar", "he"];

export const isRtl = (locale: Locale): boolean => RTL_LOCALES.includes(locale);

/** "de-AT" → de, "pt" → pt-BR, "zh-Hans-CN" → zh-CN; null when no language of ours matches. */
export function matchLocale(tag: string): Locale | null {
  let canonical: string;
  try {
    canonical = Intl.getCanonicalLocales(tag.replaceAll("_", "-"))[0] ?? "";
  } catch {
    return null;
  }
  const exact = LOCALES.find((l) => l.toLowerCase() === canonical.toLowerCase());
  if (exact) return exact;
  const language = canonical.split("-")[0]?.toLowerCase();
  return LOCALES.find((l) => l.split("-")[0] === language) ?? null;
}

/** Accept-Language entries by their q weight, highest first. */
export function acceptLanguageTags(header: string): string[] {
  return header
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(
        params
          .find((p) => p.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((e) => e.tag && e.tag !== "*" && e.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((e) => e.tag);
}

/**
 * The shopper's language: the one named in the URL, else the order's, else the browser's
 * Accept-Language, else English. Each candidate may be a full tag ("de-AT" → de, "pt" → pt-BR).
 */
export function negotiateLocale(c: {
  url?: string | null;
  order?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  for (const tag of [c.url, c.order, ...acceptLanguageTags(c.acceptLanguage ?? "")]) {
    const found = tag ? matchLocale(tag) : null;
    if (found) return found;
  }
  return "en";
}
