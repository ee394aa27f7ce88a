import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { CASE_STATUSES } from "../../src/domain/case-status.ts";
import { LOCALES } from "../../src/domain/locales.ts";
import { REFUND_TRIGGERS } from "../../src/domain/policy/return-policy.ts";
import { REFUND_LINE_TYPES } from "../../src/domain/refund/refund-calculation.ts";
import { RESOLUTIONS, RETURN_REASONS } from "../../src/domain/return-reasons.ts";
import { SETTLEMENT_STATUSES } from "../../src/domain/settlement-status.ts";
import { SETTLEMENT_METHODS } from "../../src/http/routes/settlements.ts";

const DIR = new URL("../../web/messages/", import.meta.url).pathname;
const SRC = new URL("../../web/src/", import.meta.url).pathname;
const load = (locale: string) =>
  JSON.parse(readFileSync(join(DIR, `${locale}.json`), "utf8")) as Record<string, string>;
const en = load("en");

/** The argument names a message uses ({date}, {count, plural, …}), recursively. */
function args(elements: readonly MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date) out.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      out.add(e.value);
      for (const o of Object.values(e.options)) args(o.value, out);
    }
    if (e.type === TYPE.tag) args(e.children, out);
  }
  return out;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)],
  );
}

describe("portal catalogues", () => {
  it("has one catalogue per portal locale, and nothing else", () => {
    const found = readdirSync(DIR)
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.replace(/\.json$/, ""))
      .sort();
    expect(found).toEqual([...LOCALES].sort());
  });

  for (const locale of LOCALES) {
    it(`${locale}: every key of the English catalogue, valid ICU, the same arguments`, () => {
      const messages = load(locale);
      expect(
        Object.keys(messages).filter((k) => !(k in en)),
        "keys English does not have",
      ).toEqual([]);
      expect(
        Object.keys(en).filter((k) => !(k in messages)),
        "missing keys",
      ).toEqual([]);
      for (const [key, text] of Object.entries(messages)) {
        expect(text.trim(), key).not.toBe("");
        const mine = args(parse(text, { requiresOtherClause: true }));
        const english = args(parse(en[key] ?? ""));
        expect([...mine].sort(), `${locale} ${key}`).toEqual([...english].sort());
      }
    });
  }

  it("has a message for every id the portal uses, and for every value the API can send", () => {
    const used = new Set<string>();
    // The back office has catalogues of its own (test/web/admin-catalogues.test.ts).
    for (const f of files(SRC).filter((x) => /\.tsx?$/.test(x) && !x.includes("/admin/"))) {
      const text = readFileSync(f, "utf8");
      for (const m of text.matchAll(/(?:id=|t\(|id: )"([a-zA-Z]+(?:\.[a-zA-Z_]+)+)"/g))
        if (m[1]) used.add(m[1]);
    }
    const family = (prefix: string, values: readonly string[]) => values.map((v) => `${prefix}.${v}`);
    const dynamic = [
      ...family("reason", RETURN_REASONS),
      ...family("status", CASE_STATUSES),
      ...family("resolution", RESOLUTIONS),
      ...family("cost.trigger", REFUND_TRIGGERS),
      ...family("cost.byMethod", [...SETTLEMENT_METHODS, "bank_transfer"]),
      ...family("settlement", SETTLEMENT_STATUSES),
      ...family("cost.line", REFUND_LINE_TYPES),
      ...family("timeline", [
        "requested",
        "approved",
        "shipped",
        "received",
        "inspected",
        "refunded",
        "closed",
      ]),
      ...family("why", [
        "withdrawal_period_ended",
        "policy_window_ended",
        "guarantee_ended",
        "excluded_by_law",
        "excluded_by_policy",
        "reason_not_offered",
        "not_delivered",
        "no_statutory_right",
        "no_policy",
        "other",
      ]),
      ...["statutory_withdrawal", "merchant_policy", "legal_guarantee"].flatMap((t) => [
        `basis.${t}`,
        `basis.${t}.open`,
      ]),
    ];
    expect(used.size).toBeGreaterThan(100);
    expect([...used, ...dynamic].filter((k) => !(k in en))).toEqual([]);
  });
});
