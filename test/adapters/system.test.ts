import { describe, expect, it } from "vitest";
import { uuidv7Source } from "../../src/adapters/system.ts";

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("uuidv7Source", () => {
  it("makes RFC 9562 version-7 ids carrying the clock's millisecond, in order within it, all distinct", () => {
    const at = Date.UTC(2026, 11, 8, 9, 30);
    const ids = uuidv7Source({ now: () => new Date(at) });
    const made = Array.from({ length: 5000 }, () => ids.next());
    for (const id of made.slice(0, 50)) expect(id).toMatch(V7);
    expect(new Set(made).size).toBe(made.length);
    expect([...made].sort()).toEqual(made);
    // 48-bit milliseconds first; past 4,096 ids in one millisecond the counter borrows the next one.
    const ms = (id: string) => Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16);
    expect(ms(made[0] ?? "")).toBe(at);
    expect(ms(made.at(-1) ?? "")).toBeGreaterThanOrEqual(at);
    expect(ms(made.at(-1) ?? "")).toBeLessThanOrEqual(at + 2);
  });

  it("draws fresh random bits for every id (no two share their random tail)", () => {
    let t = Date.UTC(2026, 0, 1);
    const ids = uuidv7Source({ now: () => new Date(t++) });
    const tails = Array.from({ length: 2000 }, () => ids.next().slice(24));
    expect(new Set(tails).size).toBe(tails.length);
  });
});
