import { formatMoney } from "../domain/money.ts";
import type { ReturnDecision } from "../domain/policy/evaluate-return.ts";
import type { Fee, LineDecision, TrackOption } from "../domain/policy/line-decision.ts";

const fee = (f: Fee) => ({
  kind: f.kind,
  amount: formatMoney(f.amount),
  currency: f.amount.currency,
  ruleId: f.ruleId,
});

function track(t: TrackOption) {
  return {
    track: t.track,
    eligible: t.eligible,
    returnBy: t.returnBy,
    ruleId: t.ruleId,
    citation: t.citation,
    confidence: t.confidence,
    jurisdiction: t.jurisdiction,
    explanation: t.explanation,
    blockedBy: t.blockedBy,
    conditions: t.conditions,
    returnShippingPaidBy: t.returnShippingPaidBy,
    resolutions: t.resolutions,
    fees: t.fees.map(fee),
    refund: t.refund,
    remedy: t.remedy,
  };
}

function line(l: LineDecision) {
  return {
    orderLineExternalId: l.orderLineExternalId,
    quantity: l.quantity,
    reason: l.reason,
    eligible: l.eligible,
    track: l.track,
    returnBy: l.returnBy,
    tracks: l.tracks.map(track),
    blockedBy: l.blockedBy,
    conditions: l.conditions,
    returnShippingPaidBy: l.returnShippingPaidBy,
    resolutions: l.resolutions,
    fees: l.fees.map(fee),
    policy: l.policy,
    timeZone: l.timeZone,
  };
}

/** The engine's decision as public JSON (preview response, and the decision frozen on a case). */
export function presentDecision(d: ReturnDecision) {
  return {
    engine: d.engine,
    evaluatedAt: d.evaluatedAt,
    eligible: d.eligible,
    policies: d.policies,
    shipByDays: d.shipByDays,
    refundTrigger: d.refundTrigger,
    fees: d.fees.map(fee),
    extenuatingEvents: d.extenuatingEvents ?? [],
    feeConversions: (d.feeConversions ?? []).map((c) => ({
      ...c,
      from: formatMoney(c.from),
      fromCurrency: c.from.currency,
      to: formatMoney(c.to),
      toCurrency: c.to.currency,
    })),
    lines: d.lines.map(line),
  };
}

export function isEngineDecision(d: unknown): d is ReturnDecision {
  return (
    typeof d === "object" && d !== null && (d as { engine?: unknown }).engine === "crossback-policy-engine/1"
  );
}
