/** Small helpers over rules: citations, messages and the weakest confidence of a set. */
import type { RuleRef } from "./pack-schema.ts";
import type { Confidence, RuleCitation, RuleMessage } from "./statutory-facts.ts";

const RANK: Readonly<Record<Confidence, number>> = { verified: 2, secondary: 1, unverified: 0 };

/** The weakest confidence of the rules (verified when there are none). */
export function weakestConfidence(rules: readonly RuleRef[]): Confidence {
  let worst: Confidence = "verified";
  for (const r of rules) if (RANK[r.confidence] < RANK[worst]) worst = r.confidence;
  return worst;
}

const citations = new WeakMap<RuleRef, RuleCitation>();

/** The citation of a rule; one frozen object per rule, shared by every judgement. */
export function citationOf(rule: RuleRef): RuleCitation {
  let c = citations.get(rule);
  if (!c) {
    c = Object.freeze({
      ruleId: rule.ruleId,
      citation: rule.citation,
      url: rule.url ?? null,
      confidence: rule.confidence,
    });
    citations.set(rule, c);
  }
  return c;
}

/** Citations of the rules, each rule once, in first-seen order. */
export function citationsOf(rules: readonly RuleRef[]): RuleCitation[] {
  const out: RuleCitation[] = [];
  for (const r of rules) {
    let seen = false;
    for (const c of out) if (c.ruleId === r.ruleId) seen = true;
    if (!seen) out.push(citationOf(r));
  }
  return out;
}

export function messageOf(rule: RuleRef, message: string): RuleMessage {
  return { ruleId: rule.ruleId, message };
}

/** The notes carried by the rules, as messages, each rule once. */
export function notesOf(rules: readonly RuleRef[]): RuleMessage[] {
  const out: RuleMessage[] = [];
  for (const r of rules) {
    if (!r.note) continue;
    let seen = false;
    for (const m of out) if (m.ruleId === r.ruleId) seen = true;
    if (!seen) out.push({ ruleId: r.ruleId, message: r.note });
  }
  return out;
}

/**
 * A rule the pack schema guarantees once a right exists (period, return cost, …): missing here is a
 * bug in the schema check, not bad input.
 */
export function present<T>(rule: T | undefined, what: string): T {
  if (rule === undefined) throw new Error(`the effective pack has no ${what}`);
  return rule;
}
