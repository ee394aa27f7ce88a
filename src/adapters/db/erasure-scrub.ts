import { type SQL, sql } from "drizzle-orm";

/** What a pseudonymised value becomes. */
export const ERASED = "[erased]";

/** Keys whose values are a shopper's own: contacts, address lines, comments, names. */
const PERSONAL = new Set([
  "name",
  "email",
  "phone",
  "line1",
  "line2",
  "line3",
  "street",
  "city",
  "postalCode",
  "company",
  "address",
  "accountHolder",
  "comment",
]);

/**
 * The strings to erase: plain strings as they are, and from objects (addresses, portal details) the
 * values under personal keys, at any depth. Longest first, so a value is replaced before its parts.
 */
export function collectNeedles(values: readonly unknown[]): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, personal: boolean): void => {
    if (typeof v === "string") {
      if (personal && v.trim().length >= 2) out.add(v);
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x, personal);
    } else if (typeof v === "object" && v !== null) {
      for (const [k, x] of Object.entries(v)) walk(x, personal || PERSONAL.has(k));
    }
  };
  for (const v of values) walk(v, typeof v === "string");
  return [...out].sort((a, b) => b.length - a.length);
}

const inner = (s: string): string => JSON.stringify(s).slice(1, -1);

/** A JSON text with each needle replaced as a whole value, and the e-mail inside longer strings. */
export function scrubText(
  json: string,
  needles: readonly string[],
  email: string,
  pseudonym: string,
): string {
  let out = json;
  for (const n of needles) out = out.replaceAll(JSON.stringify(n), JSON.stringify(ERASED));
  return email ? out.replaceAll(inner(email), inner(pseudonym)) : out;
}

/** The SQL twin of `scrubText` for a jsonb column. */
export function jsonScrub(column: SQL, needles: readonly string[], email: string, pseudonym: string): SQL {
  let expr = sql`${column}::text`;
  for (const n of needles)
    expr = sql`replace(${expr}, ${JSON.stringify(n)}::text, ${JSON.stringify(ERASED)}::text)`;
  if (email) expr = sql`replace(${expr}, ${inner(email)}::text, ${inner(pseudonym)}::text)`;
  return sql`(${expr})::jsonb`;
}

/** A text column: the e-mail becomes the pseudonym, every other needle of 3+ characters `[erased]`. */
export function textScrub(column: SQL, needles: readonly string[], email: string, pseudonym: string): SQL {
  let expr = email ? sql`replace(${column}, ${email}::text, ${pseudonym}::text)` : column;
  for (const n of needles) if (n.length >= 3) expr = sql`replace(${expr}, ${n}::text, ${ERASED}::text)`;
  return expr;
}
