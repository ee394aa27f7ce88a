/** The loader: (country, region) → effective pack, inheritance, and rejection of broken packs. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { buildRegistry, statutoryPackFor } from "../../../src/domain/statutory/pack-loader.ts";

const DIR = join(import.meta.dirname, "../../../reference/statutory");
const raw = readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(join(DIR, f), "utf8")) as unknown);

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
