/** The `statutory_withdrawal` track: the change-of-mind right, whatever the return reason. */
import { localDateOfDay } from "../calendar/local-date.ts";
import { localDayOfInstant } from "../calendar/time-zone.ts";
import { DEFAULT_PACK_ID, type EffectivePack, EXCEPTION_ATTRIBUTES, type RuleRef } from "./pack-schema.ts";
import { citationsOf, messageOf, notesOf, present, weakestConfidence } from "./rule-refs.ts";
import type { RefundTerms, RuleMessage, StatutoryLineFacts, TrackJudgement } from "./statutory-facts.ts";
import { START_LABEL, withdrawalWindow } from "./withdrawal-window.ts";

type Withdrawal = EffectivePack["withdrawal"];

function unavailable(pack: EffectivePack, rule: RuleRef, message: string, zone: string): TrackJudgement {
  return {
    track: "statutory_withdrawal",
    eligible: false,
    returnBy: null,
    ruleId: rule.ruleId,
    citation: rule.citation,
    confidence: rule.confidence,
    blockedBy: [messageOf(rule, message)],
    conditions: [],
    returnShippingPaidBy: "customer",
    refund: null,
    remedy: null,
    explanation: message,
    deadlineMetBy: null,
    jurisdiction: pack.id,
    sourceUrl: rule.url ?? null,
    rulesApplied: citationsOf([rule]),
    notes: notesOf([rule]),
    periodStartsOn: null,
    guaranteeEndsOn: null,
    timeZone: zone,
  };
}

/** The jurisdiction's name for sentences ("Germany", "United States — California"). */
export function placeName(pack: EffectivePack, f: StatutoryLineFacts): string {
  if (pack.id === DEFAULT_PACK_ID) return `${f.country.toUpperCase()} (no rule pack)`;
  return pack.name.split(":")[0] ?? pack.id;
}

const coverage = (f: StatutoryLineFacts): string =>
  f.merchantPolicyCovers
    ? "a merchant return policy covers this market"
    : "no merchant return policy covers this market";

/**
 * Which fact of the order decides a conditional right, as a sentence; null for rights that do not
 * depend on the order. `if_no_policy_posted` (JP, US-CA, US-NY): the order's `returnTermsDisclosed`
 * says whether the merchant's terms were shown; a covering policy is named but never decides.
 */
function rightBasis(pack: EffectivePack, f: StatutoryLineFacts): string | null {
  const place = placeName(pack, f);
  switch (pack.withdrawal.right.availability) {
    case "if_no_policy_posted":
      return f.returnTermsDisclosed
        ? `The order records that the merchant's return terms were shown to the shopper (returnTermsDisclosed), so the statutory default right in ${place} does not apply; ${coverage(f)}, and the terms shown govern.`
        : `The order records that the merchant's return terms were not shown to the shopper (returnTermsDisclosed: false), so the statutory default right in ${place} applies although ${coverage(f)}.`;
    case "if_terms_not_disclosed":
      return f.returnTermsDisclosed
        ? `The order records that the merchant gave the required information (returnTermsDisclosed), so there is no statutory cancellation right in ${place}.`
        : `The order records that the merchant did not give the required information (returnTermsDisclosed: false), so the statutory cancellation right in ${place} applies.`;
    default:
      return null;
  }
}

/** Why the right does not exist for these facts, or null when it does. */
function rightDenied(pack: EffectivePack, f: StatutoryLineFacts): string | null {
  switch (pack.withdrawal.right.availability) {
    case "none":
      return `There is no statutory change-of-mind right for online purchases in ${placeName(pack, f)}.`;
    case "if_no_policy_posted":
    case "if_terms_not_disclosed":
      return f.returnTermsDisclosed ? rightBasis(pack, f) : null;
    default:
      return null;
  }
}

function refundTerms(w: Withdrawal, f: StatutoryLineFacts): RefundTerms | null {
  const r = w.refund;
  if (!r) return null;
  const outbound = r.outboundOnlyIfWholeOrder && !f.wholeOrderReturned ? "none" : r.includesOutboundShipping;
  return {
    includesOutboundShipping: outbound,
    deadlineDays: r.deadlineDays,
    deadlineDayKind: r.deadlineDayKind,
    deadlineTrigger: r.deadlineTrigger,
    mayWithholdUntilGoodsOrProof: r.mayWithholdUntilGoodsOrProof,
  };
}

export function judgeWithdrawal(pack: EffectivePack, f: StatutoryLineFacts, zone: string): TrackJudgement {
  const w = pack.withdrawal;
  const denied = rightDenied(pack, f);
  if (denied) return unavailable(pack, w.right, denied, zone);

  const period = present(w.period, "withdrawal.period");
  const window = withdrawalWindow(pack, f, zone);
  const decisive: RuleRef[] = [w.right, ...window.used];
  const blockedBy: RuleMessage[] = [];
  const conditions: RuleMessage[] = [];

  const product = f.product;
  if (product) {
    for (const attr of EXCEPTION_ATTRIBUTES) {
      const ex = w.exceptions[attr];
      if (!ex || !product[attr]) continue;
      decisive.push(ex);
      (ex.effect === "blocks" ? blockedBy : conditions).push(messageOf(ex, ex.message));
    }
  }
  for (const c of Object.values(w.conditions)) conditions.push(messageOf(c, c.message));

  const returnBy = window.endDay === null ? null : localDateOfDay(window.endDay);
  const atDay = localDayOfInstant(f.at.getTime(), zone);
  const kind = `${period.days} ${period.dayKind} day${period.days === 1 ? "" : "s"}`;
  let explanation: string;
  if (window.state === "not_started") {
    const before = present(w.beforeStart, "withdrawal.beforeStart");
    decisive.push(before);
    const label = START_LABEL[period.start];
    if (before.allowed) {
      explanation = `The ${kind} withdrawal period runs from ${label}, which has not happened yet; withdrawal is already possible.`;
    } else {
      blockedBy.push(
        messageOf(before, `The withdrawal period starts on ${label}, which has not happened yet.`),
      );
      explanation = `The ${kind} withdrawal period starts on ${label}, which has not happened yet.`;
    }
  } else if (window.endDay === null) {
    explanation = `The ${kind} withdrawal period has not started to run because the required information was not given; no end date applies yet.`;
  } else {
    const how = window.how.length > 0 ? ` (${window.how.join("; ")})` : "";
    if (atDay > window.endDay) {
      blockedBy.push(messageOf(period, `The withdrawal period ended on ${returnBy}.`));
    }
    explanation = `Withdrawal is possible until ${returnBy}: ${kind} from ${START_LABEL[period.start]}${how}.`;
  }
  if (blockedBy.length > 0 && window.state !== "not_started") {
    let reasons = "";
    for (const b of blockedBy) reasons += ` ${b.message}`;
    explanation = `No statutory withdrawal:${reasons}`;
  }
  const basis = rightBasis(pack, f);
  if (basis) explanation = `${basis} ${explanation}`;

  const returnCost = present(w.returnCost, "withdrawal.returnCost");
  const paidBy =
    returnCost.paidBy === "customer_if_informed"
      ? f.returnTermsDisclosed
        ? "customer"
        : "merchant"
      : returnCost.paidBy;
  const informative: RuleRef[] = [returnCost];
  if (w.refund) informative.push(w.refund);
  if (w.deadlineMetBy) informative.push(w.deadlineMetBy);
  const all = [...decisive, ...informative];
  return {
    track: "statutory_withdrawal",
    eligible: blockedBy.length === 0,
    returnBy,
    ruleId: period.ruleId,
    citation: period.citation,
    confidence: weakestConfidence(decisive),
    blockedBy,
    conditions,
    returnShippingPaidBy: paidBy,
    refund: refundTerms(w, f),
    remedy: null,
    explanation,
    deadlineMetBy: w.deadlineMetBy?.metBy ?? null,
    jurisdiction: pack.id,
    sourceUrl: period.url ?? null,
    rulesApplied: citationsOf(all),
    notes: notesOf(decisive),
    periodStartsOn: window.startDay === null ? null : localDateOfDay(window.startDay),
    guaranteeEndsOn: null,
    timeZone: zone,
  };
}
