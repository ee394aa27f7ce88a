/** The rule packs in reference/statutory/: schema, coverage, inheritance and the loader. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { PACK_FILES } from "../../../src/domain/statutory/pack-files.ts";
import { buildRegistry, REGISTRY, statutoryPackFor } from "../../../src/domain/statutory/pack-loader.ts";
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
const EU_MEMBERS = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
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

describe("loader: (country, region) → effective pack", () => {
  test.each([
    ["DE", null, "DE", ["EU", "DE"]],
    ["de", "BY", "DE", ["EU", "DE"]],
    ["AT", null, "EU", ["EU"]],
    ["PT", "20", "EU", ["EU"]],
    ["IS", null, "EEA", ["EU", "EEA"]],
    ["NO", null, "NO", ["EU", "NO"]],
    ["US", "CA", "US-CA", ["US", "US-CA"]],
    ["US", "US-NY", "US-NY", ["US", "US-NY"]],
    ["US", "TX", "US", ["US"]],
    ["US", null, "US", ["US"]],
    ["CA", "QC", "CA-QC", ["CA", "CA-QC"]],
    ["CA", "AB", "CA", ["CA"]],
    ["GB", "SCT", "GB", ["GB"]],
    ["TH", null, "DEFAULT", ["DEFAULT"]],
  ])("%s / %s → %s", (country, region, id, chain) => {
    const pack = statutoryPackFor(country, region);
    expect(pack.id).toBe(id);
    expect(pack.chain).toEqual(chain);
  });

  test("every EU member resolves to the EU baseline or its national pack on top of it", () => {
    for (const c of EU_MEMBERS) expect(statutoryPackFor(c, null).chain[0]).toBe("EU");
  });

  test("a national pack overrides only what differs and inherits the rest", () => {
    const de = statutoryPackFor("DE", null);
    const eu = statutoryPackFor("AT", null);
    expect(de.withdrawal.period?.ruleId).toBe("de.bgb.withdrawal.period");
    expect(de.withdrawal.period?.days).toBe(14);
    expect(de.withdrawal.refund?.deadlineTrigger).toBe("receipt_of_withdrawal_by_trader");
    expect(de.withdrawal.refund?.includesOutboundShipping).toBe(
      eu.withdrawal.refund?.includesOutboundShipping,
    );
    expect(de.guarantee.returnCost).toEqual(eu.guarantee.returnCost);
    expect(statutoryPackFor("ES", null).guarantee.period).toMatchObject({ kind: "months", amount: 36 });
    expect(de.notes.some((n) => n.startsWith("[EU] "))).toBe(true);
  });
});

describe("loader rejects broken packs", () => {
  const defaultPack = raw.find((p) => (p as { id: string }).id === "DEFAULT");
  const eu = raw.find((p) => (p as { id: string }).id === "EU") as Record<string, unknown>;
  const rule = { ruleId: "xx.test.rule", citation: "Test Act s. 1", confidence: "verified" };

  test("a rule without a citation", () => {
    const bad = {
      ...eu,
      id: "XX",
      appliesTo: ["XX"],
      withdrawal: { right: { ruleId: "xx.r", confidence: "verified" } },
    };
    expect(() => buildRegistry([defaultPack, bad])).toThrow(/XX is invalid/);
  });

  test("an unknown confidence tag", () => {
    const bad = {
      id: "XX",
      name: "Test",
      parent: null,
      appliesTo: [],
      notes: [],
      withdrawal: { right: { ...rule, confidence: "V" } },
      guarantee: {},
    };
    expect(() => buildRegistry([defaultPack, bad])).toThrow(/XX is invalid/);
  });

  test("an unknown parent", () => {
    const bad = {
      id: "XX",
      name: "Test",
      parent: "ZZ",
      appliesTo: [],
      notes: [],
      withdrawal: {},
      guarantee: {},
    };
    expect(() => buildRegistry([defaultPack, bad])).toThrow(/parent ZZ does not exist/);
  });

  test("a right without a period after merging", () => {
    const bad = {
      id: "XX",
      name: "Test",
      parent: "DEFAULT",
      appliesTo: ["XX"],
      notes: [],
      withdrawal: { right: { ...rule, availability: "always" } },
      guarantee: {},
    };
    expect(() => buildRegistry([defaultPack, bad])).toThrow(/XX \(merged\) is invalid/);
  });
});
