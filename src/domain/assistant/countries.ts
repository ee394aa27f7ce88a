/**
 * Country names in the shopper's language ("Japan", "日本", "اليابان", "Japon") → ISO 3166 codes, from
 * Intl's region names (CLDR): no list of ours to translate. Latin-script names match whole words only
 * ("Oman" is not in "woman"); other scripts as substrings ("日本から", "מיפן").
 */
import type { Locale } from "../locales.ts";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
/** Regions that are not countries a parcel leaves from. */
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AA", "QM", "QN", "QZ"]);

const CODES: readonly string[] = [...LETTERS].flatMap((a) => [...LETTERS].map((b) => `${a}${b}`));

interface Name {
  readonly code: string;
  readonly name: string;
  readonly latin: boolean;
}

const cache = new Map<string, readonly Name[]>();

function namesIn(locale: string): readonly Name[] {
  let names = cache.get(locale);
  if (!names) {
    const display = new Intl.DisplayNames(locale, { type: "region", fallback: "none" });
    const out: Name[] = [];
    for (const code of CODES) {
      if (NOT_COUNTRIES.has(code)) continue;
      const name = display.of(code)?.toLocaleLowerCase(locale).normalize("NFKC");
      if (name && name.toLowerCase() !== code.toLowerCase())
        out.push({ code, name, latin: /^[\p{Script=Latin}\s.'’()-]+$/u.test(name) });
    }
    // Longest first: "south korea" before "korea", "nigeria" before "niger".
    names = out.sort((a, b) => b.name.length - a.name.length);
    cache.set(locale, names);
  }
  return names;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function found(text: string, n: Name): boolean {
  if (!n.latin) return text.includes(n.name);
  return new RegExp(`(?<![\\p{L}])${escapeRegExp(n.name)}(?![\\p{L}])`, "u").test(text);
}

/** The first country named in a normalised message, in the shopper's language or English; null: none. */
export function countryNamed(text: string, locale: Locale): string | null {
  for (const l of locale === "en" ? ["en"] : [locale, "en"]) {
    const hit = namesIn(l).find((n) => found(text, n));
    if (hit) return hit.code;
  }
  return null;
}
