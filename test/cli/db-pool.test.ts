import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/cli/config.ts";

describe("CROSSBACK_DB_POOL", () => {
  it("defaults to twice the cores, between 2 and 10", () => {
    const cores = availableParallelism();
    const expected = cores >= 5 ? 10 : cores <= 1 ? 2 : 2 * cores;
    expect(readConfig({}).dbPool).toBe(expected);
  });

  it("takes a whole number, at least one connection", () => {
    expect(readConfig({ CROSSBACK_DB_POOL: "3" }).dbPool).toBe(3);
    expect(readConfig({ CROSSBACK_DB_POOL: "25" }).dbPool).toBe(25);
    expect(readConfig({ CROSSBACK_DB_POOL: "0" }).dbPool).toBe(1);
    expect(() => readConfig({ CROSSBACK_DB_POOL: "four" })).toThrow(/CROSSBACK_DB_POOL/);
    expect(() => readConfig({ CROSSBACK_DB_POOL: "2.5" })).toThrow(/CROSSBACK_DB_POOL/);
  });
});
