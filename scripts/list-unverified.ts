/**
 * Prints the rule-pack rules still tagged `unverified` as the Markdown table of
 * reference/statutory/README.md ("Remaining unverified rules"): `npx tsx scripts/list-unverified.ts`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = join(import.meta.dirname, "../reference/statutory");

export function unverifiedRules(): { pack: string; ruleId: string; citation: string }[] {
  const out: { pack: string; ruleId: string; citation: string }[] = [];
  const walk = (pack: string, node: unknown): void => {
    if (typeof node !== "object" || node === null) return;
    const rule = Object.fromEntries(Object.entries(node));
    if (rule.confidence === "unverified" && typeof rule.ruleId === "string")
      out.push({ pack, ruleId: rule.ruleId, citation: String(rule.citation ?? "") });
    for (const v of Object.values(rule)) walk(pack, v);
  };
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith(".json"))
    .sort()) {
    const pack: unknown = JSON.parse(readFileSync(join(dir, f), "utf8"));
    walk(f.replace(".json", "").toUpperCase(), pack);
  }
  return out;
}

if (process.argv[1]?.endsWith("list-unverified.ts")) {
  console.log("| pack | rule | citation |\n|---|---|---|");
  for (const r of unverifiedRules())
    console.log(`| ${r.pack} | \`${r.ruleId}\` | ${r.citation.replaceAll("|", "\\|")} |`);
}
