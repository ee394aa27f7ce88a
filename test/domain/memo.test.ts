import { describe, expect, it } from "vitest";
import { boundedMemo } from "../../src/domain/memo.ts";
import { formatterFor } from "../../src/domain/policy/render/format.ts";

describe("bounded memo", () => {
  it("builds a key once, keeps at most its limit, and drops the oldest first", () => {
    const built: string[] = [];
    const get = boundedMemo(
      2,
      (k: string) => k,
      (k) => {
        built.push(k);
        return { k };
      },
    );
    const a = get("a");
    expect(get("a")).toBe(a);
    get("b");
    get("c"); // drops "a"
    expect(get("b")).toEqual({ k: "b" });
    expect(get("a")).not.toBe(a);
    expect(built).toEqual(["a", "b", "c", "a"]);
  });

  it("keeps nothing when building throws", () => {
    let calls = 0;
    const get = boundedMemo(
      4,
      (k: string) => k,
      (k) => {
        calls++;
        if (k === "bad") throw new Error("no");
        return k;
      },
    );
    expect(() => get("bad")).toThrow("no");
    expect(() => get("bad")).toThrow("no");
    expect(calls).toBe(2);
  });

  it("gives one formatter per locale, whose amounts still follow each currency", () => {
    expect(formatterFor("de-DE")).toBe(formatterFor("de-DE"));
    const de = formatterFor("de-DE");
    const intl = (locale: string, currency: string, value: number) =>
      new Intl.NumberFormat(locale, { style: "currency", currency }).format(value);
    expect(de.money({ amount: 495, currency: "EUR" })).toBe(intl("de-DE", "EUR", 4.95));
    expect(de.money({ amount: 800, currency: "JPY" })).toBe(intl("de-DE", "JPY", 800));
    expect(de.money({ amount: 1234, currency: "KWD" })).toBe(intl("de-DE", "KWD", 1.234));
    expect(de.money({ amount: 1234, currency: "EUR" })).toBe(intl("de-DE", "EUR", 12.34));
    expect(formatterFor("en-US").money({ amount: 495, currency: "EUR" })).toBe(intl("en-US", "EUR", 4.95));
  });
});
