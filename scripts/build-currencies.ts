/**
 * Regenerates reference/currencies.json (ISO 4217 codes with their minor-unit exponents) from
 * dinero.js's currency table. MGA and MRU are non-decimal (1/5 subunits) in dinero; ISO 4217 lists
 * them with exponent 2, which is what payment providers and our API use.
 * Run: npx tsx scripts/build-currencies.ts
 */
import { writeFileSync } from "node:fs";
import * as table from "dinero.js/currencies";

const names = new Intl.DisplayNames(["en"], { type: "currency" });
const out: Record<string, { exponent: number; name: string }> = {};
for (const c of Object.values(table)) {
  if (!c || typeof c !== "object" || !("code" in c)) continue;
  out[c.code] = { exponent: c.base === 10 ? c.exponent : 2, name: names.of(c.code) ?? c.code };
}
const source =
  "ISO 4217 (list one) minor units, via dinero.js 2.0.2 currency table; MGA and MRU use the ISO exponent 2 instead of dinero's base-5 subunits";
writeFileSync(
  new URL("../reference/currencies.json", import.meta.url),
  `${JSON.stringify({ source, currencies: out }, null, 1)}\n`,
);
console.log(`${Object.keys(out).length} currencies written`);
