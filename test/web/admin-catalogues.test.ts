import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { effectiveDisposition } from "../../src/domain/case-logistics-commands.ts";
import { CASE_STATUSES } from "../../src/domain/case-status.ts";
import { LOCALES } from "../../src/domain/locales.ts";
import { REFUND_TRIGGERS } from "../../src/domain/policy/return-policy.ts";
import { REFUND_LINE_TYPES } from "../../src/domain/refund/refund-calculation.ts";
import { RATE_DIMENSIONS, STEPS } from "../../src/domain/reports/report-figures.ts";
import {
  CONDITION_GRADES,
  DISPOSITIONS,
  RESOLUTIONS,
  RETURN_REASONS,
} from "../../src/domain/return-reasons.ts";
import { SETTLEMENT_STATUSES } from "../../src/domain/settlement-status.ts";
import { PERMISSIONS, STAFF_ROLES } from "../../src/domain/staff/roles.ts";
import * as dashboard from "../../web/src/admin/dashboard/types.ts";
import { TRIGGERS } from "../../web/src/admin/policies/policy-doc.ts";
import * as station from "../../web/src/admin/receiving/types.ts";
import * as web from "../../web/src/admin/returns/types.ts";

const DIR = new URL("../../web/messages/admin/", import.meta.url).pathname;
const SRC = new URL("../../web/src/", import.meta.url).pathname;
const load = (locale: string) =>
  JSON.parse(readFileSync(join(DIR, `${locale}.json`), "utf8")) as Record<string, string>;
const en = load("en");

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

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)],
  );

/** Every case event type, read from the union in the domain (the timeline words each one). */
function eventTypes(): string[] {
  const src = readFileSync(new URL("../../src/domain/return-case.ts", import.meta.url), "utf8");
  const union = src.slice(
    src.indexOf("export type CaseEventType"),
    src.indexOf("export interface CaseEvent "),
  );
  return [...union.matchAll(/"([a-z_]+\.[a-z_]+)"/g)].flatMap((m) => (m[1] ? [m[1]] : []));
}

describe("back-office catalogues", () => {
  it("the back office lists the statuses, reasons and resolutions the API has", () => {
    expect([...web.STATUSES]).toEqual([...CASE_STATUSES]);
    expect([...web.REASONS]).toEqual([...RETURN_REASONS]);
    expect([...web.RESOLUTIONS]).toEqual([...RESOLUTIONS]);
    expect([...TRIGGERS]).toEqual([...REFUND_TRIGGERS]);
    expect([...dashboard.DIMENSIONS]).toEqual([...RATE_DIMENSIONS]);
    expect(dashboard.STEPS.map((s) => s)).toEqual(STEPS.map((s) => s.step));
    expect([...station.GRADES]).toEqual([...CONDITION_GRADES]);
    expect([...station.DISPOSITIONS]).toEqual([...DISPOSITIONS]);
    for (const condition of CONDITION_GRADES)
      expect(station.DEFAULT_DISPOSITION[condition], condition).toBe(effectiveDisposition({ condition }));
    expect(eventTypes().length).toBeGreaterThan(30);
  });

  it("has one catalogue per locale, and nothing else", () => {
    expect(
      readdirSync(DIR)
        .map((f) => f.replace(/\.json$/, ""))
        .sort(),
    ).toEqual([...LOCALES].sort());
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
        expect([...mine].sort(), `${locale} ${key}`).toEqual([...args(parse(en[key] ?? ""))].sort());
      }
    });
  }

  it("has a message for every id the back office and its shared components use", () => {
    const used = new Set<string>();
    const sources = files(join(SRC, "admin")).concat(join(SRC, "shared/ui/ErrorSummary.tsx"));
    for (const f of sources.filter((x) => /\.tsx?$/.test(x))) {
      const text = readFileSync(f, "utf8");
      for (const m of text.matchAll(/(?:id=|t\(|id: |\? |: )"([a-zA-Z]+(?:\.[a-zA-Z_]+)+)"/g))
        if (m[1] && !m[1].startsWith("security.totp.is") && m[1].includes(".")) used.add(m[1]);
    }
    const dynamic = [
      ...STAFF_ROLES.map((r) => `role.${r}`),
      ...PERMISSIONS.map((p) => `permission.${p.replace(":", "_")}`),
      ...["open", "accepted", "revoked", "expired"].map((s) => `invitation.${s}`),
      "security.totp.isOn",
      "security.totp.isOff",
      ...CASE_STATUSES.map((s) => `status.${s}`),
      ...RETURN_REASONS.map((r) => `reason.${r}`),
      ...RESOLUTIONS.map((r) => `resolution.${r}`),
      ...SETTLEMENT_STATUSES.map((s) => `settlement.${s}`),
      ...REFUND_LINE_TYPES.map((t) => `refundLine.${t}`),
      ...["original_payment", "bank_transfer", "store_credit", "payment_request", "exchange"].map(
        (m) => `method.${m}`,
      ),
      ...dashboard.DIMENSIONS.map((d) => `dashboard.by.${d}`),
      ...dashboard.STEPS.map((s) => `dashboard.step.${s}`),
      ...["api_key", "agent", "staff", "shopper", "system", "cli"].map((k) => `actor.${k}`),
      ...["verified", "secondary", "unverified"].map((c) => `confidence.${c}`),
      ...["met", "open", "approaching", "overdue"].map((d) => `deadline.${d}`),
      ...["statutory_withdrawal", "merchant_policy", "legal_guarantee", "none"].map((t) => `track.${t}`),
      ...eventTypes().map((t) => `event.${t}`),
      ...REFUND_TRIGGERS.map((t) => `policyForm.trigger.${t}`),
      ...CONDITION_GRADES.map((g) => `grade.${g}`),
      ...DISPOSITIONS.map((d) => `disposition.${d}`),
      ...["delivery", "shipment", "order"].map((f) => `policyForm.from.${f}`),
      ...["merchant", "customer"].map((p) => `policyForm.paidBy.${p}`),
    ];
    expect(used.size).toBeGreaterThan(80);
    expect([...used, ...dynamic].filter((k) => !(k in en))).toEqual([]);
  });
});
