/** What every section renderer reads, and the builder that attaches citations to statutory sentences. */
import type { EffectivePack } from "../../statutory/pack-schema.ts";
import type { Confidence, RuleCitation } from "../../statutory/statutory-facts.ts";
import type { StatutoryRights } from "../../statutory/statutory-rights.ts";
import type { ReturnPolicy } from "../return-policy.ts";
import type { Formatter } from "./format.ts";
import type { Messages, SectionId } from "./messages/messages.ts";

/**
 * Whether the statutory withdrawal (change-of-mind) right stands next to the merchant policy:
 * "applies" (always, or a posted-policy default with no policy posted), "conditional" (only if the
 * seller did not disclose its terms), "none" (no such right, or a default the posted policy replaces).
 */
export type WithdrawalStatus = "applies" | "conditional" | "none";

export interface RenderContext {
  readonly m: Messages;
  readonly fmt: Formatter;
  readonly rights: StatutoryRights;
  readonly pack: EffectivePack;
  readonly policy: ReturnPolicy | null;
  readonly currency: string;
  readonly withdrawal: WithdrawalStatus;
  readonly place: string;
}

export function withdrawalStatus(rights: StatutoryRights, policy: ReturnPolicy | null): WithdrawalStatus {
  if (!rights.withdrawal.period) return "none";
  switch (rights.withdrawal.availability) {
    case "always":
      return "applies";
    case "if_no_policy_posted":
      return policy ? "none" : "applies";
    case "if_terms_not_disclosed":
      return "conditional";
    default:
      return "none";
  }
}

export interface RenderedCitation {
  ruleId: string;
  citation: string;
  url: string | null;
  confidence: Confidence;
}

export interface RenderedSection {
  id: string;
  title: string;
  paragraphs: string[];
  citations: RenderedCitation[];
}

const RANK: Readonly<Record<Confidence, number>> = { verified: 2, secondary: 1, unverified: 0 };

export interface SectionBuilder {
  /** A sentence of the merchant's policy (no citation). */
  say(text: string): void;
  /** A statutory sentence: its citations are appended and listed; a weaker-than-verified fact is marked. */
  cite(text: string, rules: readonly (RuleCitation | null | undefined)[]): void;
  readonly empty: boolean;
  build(): RenderedSection;
}

export function sectionBuilder(m: Messages, id: SectionId): SectionBuilder {
  const paragraphs: string[] = [];
  const citations: RenderedCitation[] = [];
  return {
    say: (text) => {
      paragraphs.push(text);
    },
    cite(text, given) {
      const rules: RuleCitation[] = [];
      for (const r of given) if (r && !rules.some((x) => x.ruleId === r.ruleId)) rules.push(r);
      let weakest: Confidence = "verified";
      for (const r of rules) {
        if (RANK[r.confidence] < RANK[weakest]) weakest = r.confidence;
        if (!citations.some((c) => c.ruleId === r.ruleId)) {
          citations.push({ ruleId: r.ruleId, citation: r.citation, url: r.url, confidence: r.confidence });
        }
      }
      const texts = [...new Set(rules.map((r) => r.citation))];
      const cited = texts.length > 0 ? ` [${texts.join("; ")}]` : "";
      const marker = weakest === "verified" ? "" : ` ${m.marker[weakest]}`;
      paragraphs.push(`${text}${cited}${marker}`);
    },
    get empty() {
      return paragraphs.length === 0;
    },
    build: () => ({ id, title: m.titles[id], paragraphs, citations }),
  };
}
