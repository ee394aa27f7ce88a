/** Reading a rendered policy in tests. */
import type { RenderedPolicy } from "../../../../src/domain/policy/render/render-policy.ts";

/** Intl puts (narrow) no-break spaces in amounts and percentages: "4,95 €", "10 %". */
export const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, " ");

/** A section's paragraphs, one per line, with plain spaces. */
export const sectionText = (r: RenderedPolicy, id: string): string =>
  plain(r.sections.find((s) => s.id === id)?.paragraphs.join("\n") ?? "");

export const ruleIds = (r: RenderedPolicy, id: string): string[] =>
  r.sections.find((s) => s.id === id)?.citations.map((c) => c.ruleId) ?? [];
