/** The languages of the shoppers' portal; the first is the fallback. RTL ones are shown right to left. */
export const PORTAL_LOCALES = [
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
export type PortalLocale = (typeof PORTAL_LOCALES)[number];
export const RTL_LOCALES: readonly PortalLocale[] = ["ar", "he"];

function match(tag: string): PortalLocale | null {
  let canonical: string;
  try {
    canonical = Intl.getCanonicalLocales(tag.replaceAll("_", "-"))[0] ?? "";
  } catch {
    return null;
  }
  const exact = PORTAL_LOCALES.find((l) => l.toLowerCase() === canonical.toLowerCase());
  if (exact) return exact;
  const language = canonical.split("-")[0]?.toLowerCase();
  return PORTAL_LOCALES.find((l) => l.split("-")[0] === language) ?? null;
}

/** Accept-Language entries by their q weight, highest first. */
function acceptLanguage(header: string): string[] {
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
 * The portal's language: the one named in the URL, else the order's, else the browser's
 * Accept-Language, else English. Each candidate may be a full tag ("de-AT" → de, "pt" → pt-BR).
 */
export function negotiatePortalLocale(c: {
  url?: string | null;
  order?: string | null;
  acceptLanguage?: string | null;
}): PortalLocale {
  for (const tag of [c.url, c.order, ...acceptLanguage(c.acceptLanguage ?? "")]) {
    const found = tag ? match(tag) : null;
    if (found) return found;
  }
  return "en";
}
