/** The rule packs in reference/statutory/: schema, coverage, inheritance and the loader. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { PACK_FILES } from "../../../src/domain/statutory/pack-files.ts";
import { buildRegistry, REGISTRY } from "../../../src/domain/statutory/pack-loader.ts";
import { PackFileSchema } from "../../../src/domain/statutory/pack-schema.ts";

const DIR = join(import.meta.dirname, "../../../reference/statutory");
const files = readdirSync(DIR).filter((f) => f.endsWith(".json"));
const raw = files.map((f) => JSON.parse(readFileSync(join(DIR, f), "utf8")) as unknown);

/** The 36 jurisdiction objects of statutory-returns.json. */
const FACTS_PACK_IDS = [
  "EU",
  "DE",
  "FR",
  "IT",
  "ES",
  "NL",
  "PL",
  "SE",
  "IE",
  "GB",
  "CH",
  "NO",
  "TR",
  "RU",
  "US",
  "US-CA",
  "US-NY",
  "CA-QC",
  "CA-ON",
  "CA-BC",
  "MX",
  "BR",
  "AR",
  "CL",
  "CO",
  "AU",
  "NZ",
  "JP",
  "KR",
  "CN",
  "IN",
  "SG",
  "AE",
  "SA",
  "ZA",
  "IL",
];

function ruleIdsOf(value: unknown, out: string[] = []): string[] {
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (typeof o.ruleId === "string") out.push(o.ruleId);
    for (const v of Object.values(o)) ruleIdsOf(v, out);
  }
  return out;
}

describe("pack files", () => {
  test.each(files)("%s is a valid pack file", (file) => {
    const json = JSON.parse(readFileSync(join(DIR, file), "utf8")) as { id: string };
    expect(() => PackFileSchema.parse(json)).not.toThrow();
    expect(file).toBe(`${json.id.toLowerCase()}.json`);
  });

  test("every file on disk is registered in pack-files.ts, and every pack merges and validates", () => {
    expect(PACK_FILES).toHaveLength(files.length);
    expect(buildRegistry(raw).packs.size).toBe(files.length);
    expect([...REGISTRY.packs.keys()].sort()).toEqual(raw.map((p) => (p as { id: string }).id).sort());
  });

  test("every jurisdiction of the facts pack has a pack", () => {
    for (const id of FACTS_PACK_IDS) expect(REGISTRY.packs.has(id), id).toBe(true);
  });

  test("rule ids are stable, prefixed by their pack and unique", () => {
    const all: string[] = [];
    for (const json of raw) {
      const { id } = json as { id: string };
      const ids = ruleIdsOf(json);
      for (const ruleId of ids) expect(ruleId.startsWith(`${id.toLowerCase()}.`), ruleId).toBe(true);
      all.push(...ids);
    }
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain("eu.crd.withdrawal.period");
  });
});
