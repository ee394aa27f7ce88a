/**
 * Character tables for `toSepaText`. Keys are single characters (or two-character Greek digraphs,
 * in lower case); values are written as for a capitalised word ("Th"): the caller upper-cases them
 * inside an all-capitals word.
 */

/** Parses "α=a β=v …" into a table; an empty right-hand side drops the character. */
const pairs = (spec: string): Record<string, string> =>
  Object.fromEntries(
    spec
      .trim()
      .split(/\s+/)
      .map((pair) => {
        const [from = "", to = ""] = pair.split("=");
        return [from, to];
      }),
  );

/** Adds the capital of every lower-case key, with a capitalised value (ж=zh gives Ж=Zh). */
const withCapitals = (lower: Record<string, string>): Record<string, string> => {
  const table: Record<string, string> = { ...lower };
  for (const [from, to] of Object.entries(lower)) {
    const upper = from.toUpperCase();
    if (upper !== from && upper.length === 1 && !(upper in table)) {
      table[upper] = to.charAt(0).toUpperCase() + to.slice(1);
    }
  }
  return table;
};

/** Latin letters that Unicode decomposition does not reduce to a base letter and a mark. */
export const LATIN_LETTERS: Readonly<Record<string, string>> = withCapitals(
  pairs("ß=ss æ=ae ø=o œ=oe ł=l đ=d ð=d þ=th ħ=h ŧ=t ŋ=n ı=i ĸ=k ſ=s ə=e ƒ=f ẞ=Ss"),
);

/** German umlauts spelled out (Müller → Mueller), used with `{ umlauts: "expand" }`. */
export const GERMAN_UMLAUTS: Readonly<Record<string, string>> = withCapitals(pairs("ä=ae ö=oe ü=ue"));

/**
 * Greek after ELOT 743 / ISO 843 type 2 (as on Greek passports), simplified: αυ, ευ and ηυ always
 * become av, ev and iv; γγ is ng (Ευάγγελος → Evangelos). Accents are removed before these tables are used.
 */
export const GREEK_DIGRAPHS: Readonly<Record<string, string>> = pairs(
  "ου=ou αυ=av ευ=ev ηυ=iv γγ=ng γξ=nx γχ=nch",
);

const GREEK = pairs(`
  α=a β=v γ=g δ=d ε=e ζ=z η=i θ=th ι=i κ=k λ=l μ=m ν=n ξ=x ο=o π=p ρ=r σ=s ς=s τ=t υ=y φ=f
  χ=ch ψ=ps ω=o`);

/** Russian, Ukrainian, Belarusian, Bulgarian, Serbian and Macedonian Cyrillic, after ICAO Doc 9303. */
const CYRILLIC = pairs(`
  а=a б=b в=v г=g ґ=g д=d ђ=dj ѓ=gj е=e ё=e є=ie ж=zh з=z ѕ=dz и=i і=i ї=i й=i ј=j к=k л=l
  љ=lj м=m н=n њ=nj о=o п=p р=r с=s т=t ћ=c ќ=kj у=u ў=u ф=f х=kh ц=ts ч=ch џ=dz ш=sh
  щ=shch ъ=ie ы=y ь= э=e ю=iu я=ia`);

export const GREEK_AND_CYRILLIC: Readonly<Record<string, string>> = withCapitals({ ...GREEK, ...CYRILLIC });

/** Punctuation outside the SEPA set with a close equivalent inside it (everything else: a space). */
export const PUNCTUATION: Readonly<Record<string, string>> = {
  ...Object.fromEntries([...'‘’‚‛′ʼ`´"“”„‟«»‹›'].map((c) => [c, "'"])),
  ...Object.fromEntries([..."‐‑‒–—−_"].map((c) => [c, "-"])),
  ...pairs("&=+ ;=, !=. [=( ]=) {=( }=) <=( >=) 。=. 、=, ⁄=/"),
};
