/**
 * The `legal_guarantee` track: faulty, damaged, wrong or not-as-described goods. Final sale,
 * personalised and the other withdrawal exceptions never block it; return shipping is the
 * merchant's. A short-term rejection right (GB/IE 30 days, CN 7 days) gives a refund first;
 * afterwards the pack's remedy applies until the guarantee period ends (or with no fixed period).
 */
import { addMonthsToDay, type DayNumber, localDateOfDay } from "../calendar/local-date.ts";
import { localDayOfInstant } from "../calendar/time-zone.ts";
import { CONFORMITY_REASONS } from "../return-reasons.ts";
import type { EffectivePack, RuleRef } from "./pack-schema.ts";
import { citationsOf, messageOf, notesOf, weakestConfidence } from "./rule-refs.ts";
import type { RefundTerms, RuleMessage, StatutoryLineFacts, TrackJudgement } from "./statutory-facts.ts";

const NOT_CONFORMITY: RuleRef = {
  ruleId: "crossback.guarantee.conformity_reasons",
  citation:
    "The legal guarantee covers lack of conformity: defective, damaged in transit, wrong item, not as described",
  confidence: "verified",
};
const NOT_DELIVERED: RuleRef = {
  ruleId: "crossback.guarantee.not_delivered",
  citation: "The legal guarantee covers goods once delivered",
  confidence: "verified",
};

function blocked(pack: EffectivePack, zone: string, rule: RuleRef, message: string): TrackJudgement {
  return {
    track: "legal_guarantee",
    eligible: false,
    returnBy: null,
    ruleId: rule.ruleId,
    citation: rule.citation,
    confidence: rule.confidence,
    blockedBy: [messageOf(rule, message)],
    conditions: [],
    returnShippingPaidBy: pack.guarantee.returnCost.paidBy,
    refund: null,
    remedy: null,
    explanation: message,
    deadlineMetBy: null,
    jurisdiction: pack.id,
    sourceUrl: rule.url ?? null,
    rulesApplied: citationsOf([rule]),
    notes: [],
    periodStartsOn: null,
    guaranteeEndsOn: null,
    timeZone: zone,
  };
}

/** "repair_or_replace_first" → "repair or replace first", for sentences. */
const words = (code: string): string => code.replaceAll("_", " ");

function after(start: DayNumber, amount: number, unit: "days" | "months"): DayNumber {
  return unit === "months" ? addMonthsToDay(start, amount) : start + amount;
}

export function judgeGuarantee(pack: EffectivePack, f: StatutoryLineFacts, zone: string): TrackJudgement {
  const g = pack.guarantee;
  if (!CONFORMITY_REASONS.includes(f.reason)) {
    return blocked(
      pack,
      zone,
      NOT_CONFORMITY,
      `The reason "${f.reason}" is not a lack of conformity, so the legal guarantee does not apply.`,
    );
  }
  const delivered = f.lineDeliveredAt;
  if (!delivered || delivered.getTime() > f.at.getTime()) {
    return blocked(
      pack,
      zone,
      NOT_DELIVERED,
      "The goods have not been delivered yet; the legal guarantee covers delivered goods.",
    );
  }
  const refund: RefundTerms | null = g.refund
    ? {
        includesOutboundShipping: g.refund.includesOutboundShipping,
        deadlineDays: g.refund.deadlineDays,
        deadlineDayKind: g.refund.deadlineDayKind,
        deadlineTrigger: g.refund.deadlineTrigger,
        mayWithholdUntilGoodsOrProof: g.refund.mayWithholdUntilGoodsOrProof,
      }
    : null;
  const deliveredDay = localDayOfInstant(delivered.getTime(), zone);
  const atDay = localDayOfInstant(f.at.getTime(), zone);
  const period = g.period;
  const endDay =
    period.kind === "no_fixed_period" ? null : after(deliveredDay, period.amount ?? 0, period.kind);
  const guaranteeEndsOn = endDay === null ? null : localDateOfDay(endDay);
  const st = g.shortTermReject;
  const stEnd = st ? after(deliveredDay, st.amount, st.unit) : null;
  const later =
    guaranteeEndsOn === null
      ? `afterwards the guarantee has no fixed period (remedy: ${words(g.remedy.remedy)})`
      : `afterwards the guarantee runs until ${guaranteeEndsOn} (remedy: ${words(g.remedy.remedy)})`;

  let decisive: RuleRef[];
  let rule: RuleRef;
  let remedy: string;
  let returnBy: string | null;
  let explanation: string;
  const blockedBy: RuleMessage[] = [];
  if (st && stEnd !== null && atDay <= stEnd) {
    decisive = [st];
    rule = st;
    remedy = st.remedy;
    returnBy = localDateOfDay(stEnd);
    explanation = `The goods may be rejected for a ${words(st.remedy)} until ${returnBy} under the short-term right; ${later}.`;
  } else {
    decisive = [period, g.remedy];
    rule = period;
    remedy = g.remedy.remedy;
    returnBy = guaranteeEndsOn;
    if (endDay === null) {
      explanation = `The legal guarantee has no fixed period (goods must last a reasonable time); remedy: ${words(remedy)}.`;
    } else if (atDay <= endDay) {
      explanation = `The legal guarantee applies until ${guaranteeEndsOn}; remedy: ${words(remedy)}.`;
    } else {
      blockedBy.push(messageOf(period, `The legal guarantee period ended on ${guaranteeEndsOn}.`));
      explanation = `No legal guarantee: the period ended on ${guaranteeEndsOn}.`;
    }
  }
  return {
    track: "legal_guarantee",
    eligible: blockedBy.length === 0,
    returnBy,
    ruleId: rule.ruleId,
    citation: rule.citation,
    confidence: weakestConfidence(decisive),
    blockedBy,
    refund,
    remedy,
    explanation,
    sourceUrl: rule.url ?? null,
    rulesApplied: citationsOf([...decisive, period, g.remedy, g.returnCost, ...(g.refund ? [g.refund] : [])]),
    notes: notesOf([...decisive, period]),
    conditions: [],
    returnShippingPaidBy: g.returnCost.paidBy,
    deadlineMetBy: null,
    jurisdiction: pack.id,
    periodStartsOn: localDateOfDay(deliveredDay),
    guaranteeEndsOn,
    timeZone: zone,
  };
}
