import { allocate, type Money, money } from "../money.ts";
import type { Resolution } from "../return-reasons.ts";
import { judgeStatutory } from "../statutory/evaluate-statutory.ts";
import type { RefundTerms, RuleMessage, Track, TrackJudgement } from "../statutory/statutory-facts.ts";
import { judgeMerchantPolicy, type PolicyLineFacts } from "./judge-merchant-policy.ts";
import type { ReturnPolicy } from "./return-policy.ts";

export interface Fee {
  readonly kind: "return_shipping" | "restocking";
  readonly amount: Money;
  readonly ruleId: string;
}

export interface TrackOption {
  readonly track: Track;
  readonly eligible: boolean;
  readonly returnBy: string | null;
  readonly ruleId: string;
  readonly citation: string;
  readonly confidence: TrackJudgement["confidence"];
  readonly blockedBy: readonly RuleMessage[];
  readonly conditions: readonly RuleMessage[];
  readonly explanation: string;
  readonly jurisdiction: string;
  readonly returnShippingPaidBy: "customer" | "merchant";
  readonly resolutions: readonly Resolution[];
  /** Fees of this line on this track (return shipping is per return: see the return's fees). */
  readonly fees: readonly Fee[];
  readonly refund: RefundTerms | null;
  readonly remedy: string | null;
}

/** The engine's answer for one line: every track judged, the best eligible one chosen for the shopper. */
export interface LineDecision {
  readonly orderLineExternalId: string;
  readonly quantity: number;
  readonly reason: string;
  readonly eligible: boolean;
  /** The track a return submitted now is handled under: the cheapest for the shopper. */
  readonly track: Track | null;
  /** The last local day the shopper can still return the line on some track (null: no deadline). */
  readonly returnBy: string | null;
  readonly tracks: readonly TrackOption[];
  readonly blockedBy: readonly RuleMessage[];
  readonly conditions: readonly RuleMessage[];
  readonly returnShippingPaidBy: "customer" | "merchant" | null;
  readonly resolutions: readonly Resolution[];
  readonly fees: readonly Fee[];
  readonly policy: { readonly id: string; readonly version: number } | null;
  readonly timeZone: string;
}

const PREFERENCE: readonly Track[] = ["legal_guarantee", "statutory_withdrawal", "merchant_policy"];
const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

function resolutionsFor(
  j: TrackJudgement,
  policy: ReturnPolicy | null,
  f: PolicyLineFacts,
  value: Money,
): Resolution[] {
  const offered = policy
    ? (policy.reasons[f.reason]?.resolutions ?? policy.resolutions)
    : ["refund" as const];
  const base: Resolution[] =
    j.track === "statutory_withdrawal"
      ? ["refund", ...offered]
      : j.track === "legal_guarantee"
        ? ["refund", "exchange", ...offered]
        : [...offered];
  const keepBelow = policy?.keepItBelow[f.currency];
  const keep = keepBelow && value.amount < keepBelow.amount ? ["keep_it" as const] : [];
  return uniq([...base, ...keep]);
}

function restockingFee(policy: ReturnPolicy | null, value: Money): Fee[] {
  const r = policy?.restockingFee;
  if (!policy || !r) return [];
  const ruleId = `merchant.${policy.id}.v${policy.version}.restocking_fee`;
  if ("basisPoints" in r) {
    const [fee] = allocate(value, [r.basisPoints, 10_000 - r.basisPoints]);
    return fee && fee.amount > 0 ? [{ kind: "restocking", amount: fee, ruleId }] : [];
  }
  const fixed = r.fixed[value.currency];
  return fixed && fixed.amount > 0 ? [{ kind: "restocking", amount: fixed, ruleId }] : [];
}

/** Flat return-shipping fee the shopper pays on this track, if any (charged once per return). */
export function returnShippingFee(
  policy: ReturnPolicy | null,
  paidBy: "customer" | "merchant",
  currency: string,
): Fee | null {
  if (!policy || paidBy === "merchant") return null;
  const fee = policy.returnShipping.flatFee[currency];
  return fee && fee.amount > 0
    ? {
        kind: "return_shipping",
        amount: fee,
        ruleId: `merchant.${policy.id}.v${policy.version}.return_shipping`,
      }
    : null;
}

function option(
  j: TrackJudgement,
  policy: ReturnPolicy | null,
  f: PolicyLineFacts,
  value: Money,
  merchantPaysShipping: boolean,
): TrackOption {
  // The law's floor, plus whatever the merchant gives on top: free return shipping carries over.
  const paidBy = merchantPaysShipping || j.returnShippingPaidBy === "merchant" ? "merchant" : "customer";
  return {
    track: j.track,
    eligible: j.eligible,
    returnBy: j.returnBy,
    ruleId: j.ruleId,
    citation: j.citation,
    confidence: j.confidence,
    blockedBy: j.blockedBy,
    conditions: j.conditions,
    explanation: j.explanation,
    jurisdiction: j.jurisdiction,
    returnShippingPaidBy: paidBy,
    resolutions: resolutionsFor(j, policy, f, value),
    // Never a restocking fee on a statutory withdrawal or a legal-guarantee claim.
    fees: j.track === "merchant_policy" ? restockingFee(policy, value) : [],
    refund: j.refund,
    remedy: j.remedy,
  };
}

function shopperCost(o: TrackOption, policy: ReturnPolicy | null, currency: string): number {
  const shipping = returnShippingFee(policy, o.returnShippingPaidBy, currency)?.amount.amount ?? 0;
  return o.fees.reduce((n, fee) => n + fee.amount.amount, shipping);
}

const later = (a: string | null, b: string | null) => (a === null ? b !== null : b !== null && a > b);

/**
 * Picks the track a return is handled under: least cost to the shopper, then the law's protection
 * (guarantee, then withdrawal, then the merchant's policy), then the later deadline.
 */
function best(
  options: readonly TrackOption[],
  policy: ReturnPolicy | null,
  currency: string,
): TrackOption | null {
  let chosen: TrackOption | null = null;
  for (const o of options) {
    if (!o.eligible) continue;
    if (!chosen) {
      chosen = o;
      continue;
    }
    const dc = shopperCost(o, policy, currency) - shopperCost(chosen, policy, currency);
    const dp = PREFERENCE.indexOf(o.track) - PREFERENCE.indexOf(chosen.track);
    if (dc < 0 || (dc === 0 && dp < 0) || (dc === 0 && dp === 0 && later(o.returnBy, chosen.returnBy)))
      chosen = o;
  }
  return chosen;
}

/** The latest deadline among eligible tracks; null when one of them has none (or none is eligible). */
function latestDeadline(tracks: readonly TrackOption[]): string | null {
  let last: string | null = null;
  for (const t of tracks) {
    if (!t.eligible) continue;
    if (t.returnBy === null) return null;
    if (last === null || t.returnBy > last) last = t.returnBy;
  }
  return last;
}

/** Judges one line on all three tracks and gives the shopper the best. Pure; deterministic for `facts.at`. */
export function decideLine(
  orderLineExternalId: string,
  quantity: number,
  policy: ReturnPolicy | null,
  f: PolicyLineFacts,
): LineDecision {
  const [withdrawal, guarantee] = judgeStatutory(f);
  if (!withdrawal || !guarantee) throw new Error("judgeStatutory returns two judgements");
  const zone = withdrawal.timeZone;
  const merchant = judgeMerchantPolicy(policy, f, zone);
  const value: Money = money(f.unitPaid.amount * quantity, f.currency);
  const merchantPays = merchant.returnShippingPaidBy === "merchant" && policy !== null;
  const tracks = [withdrawal, merchant, guarantee].map((j) => option(j, policy, f, value, merchantPays));
  const chosen = best(tracks, policy, f.currency);
  return {
    orderLineExternalId,
    quantity,
    reason: f.reason,
    eligible: chosen !== null,
    track: chosen?.track ?? null,
    returnBy: latestDeadline(tracks),
    tracks,
    blockedBy: chosen ? [] : tracks.flatMap((t) => t.blockedBy),
    conditions: chosen?.conditions ?? [],
    returnShippingPaidBy: chosen?.returnShippingPaidBy ?? null,
    resolutions: chosen?.resolutions ?? [],
    fees: chosen?.fees ?? [],
    policy: policy ? { id: policy.id, version: policy.version } : null,
    timeZone: zone,
  };
}
