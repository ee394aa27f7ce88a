/**
 * Why a line can or cannot be returned, as structured reasons a shopper's page turns into plain words
 * in any language (the engine's own messages are English sentences for the API and the audit trail).
 */
import type { LineDecision, TrackOption } from "../policy/line-decision.ts";
import type { Track } from "../statutory/statutory-facts.ts";

export type WhyNot =
  | { readonly code: "withdrawal_period_ended"; readonly date: string; readonly citation: string }
  | { readonly code: "policy_window_ended"; readonly date: string }
  | { readonly code: "guarantee_ended"; readonly date: string; readonly citation: string }
  | { readonly code: "excluded_by_law"; readonly attribute: string; readonly jurisdiction: string }
  | { readonly code: "excluded_by_policy"; readonly attribute: string }
  | { readonly code: "reason_not_offered" }
  | { readonly code: "not_delivered" }
  | { readonly code: "no_statutory_right"; readonly jurisdiction: string; readonly citation: string }
  | { readonly code: "no_policy" }
  | { readonly code: "other"; readonly track: Track; readonly message: string };

export interface LineExplanation {
  /** The track a return is handled under, its last day and the law or policy it stands on. */
  readonly basis: {
    readonly track: Track;
    /** The last day of the track the return is handled under. */
    readonly returnBy: string | null;
    /** The last day any track still allows a return (may be later, e.g. the shop's longer window). */
    readonly latestReturnBy: string | null;
    readonly citation: string;
    readonly jurisdiction: string;
  } | null;
  readonly whyNot: readonly WhyNot[];
}

const tail = (ruleId: string, marker: string): string | null => {
  const at = ruleId.indexOf(marker);
  return at < 0 ? null : ruleId.slice(at + marker.length);
};

function withdrawal(t: TrackOption, today: string): WhyNot[] {
  const out: WhyNot[] = [];
  for (const b of t.blockedBy) {
    const attr = tail(b.ruleId, ".exception.");
    if (attr) out.push({ code: "excluded_by_law", attribute: attr, jurisdiction: t.jurisdiction });
  }
  if (t.returnBy && t.returnBy < today)
    out.push({ code: "withdrawal_period_ended", date: t.returnBy, citation: t.citation });
  if (out.length > 0) return out;
  if (t.blockedBy.some((b) => b.message.includes("not happened yet"))) return [{ code: "not_delivered" }];
  return [{ code: "no_statutory_right", jurisdiction: t.jurisdiction, citation: t.citation }];
}

function policy(t: TrackOption, today: string): WhyNot[] {
  if (t.ruleId === "merchant.none") return [{ code: "no_policy" }];
  const out: WhyNot[] = [];
  for (const b of t.blockedBy) {
    const attr = tail(b.ruleId, ".non_returnable.");
    if (attr) out.push({ code: "excluded_by_policy", attribute: attr });
    else if (b.ruleId.includes(".reasons.")) out.push({ code: "reason_not_offered" });
  }
  if (t.returnBy && t.returnBy < today) out.push({ code: "policy_window_ended", date: t.returnBy });
  else if (!t.returnBy && out.length === 0) out.push({ code: "not_delivered" });
  return out;
}

function guarantee(t: TrackOption, today: string): WhyNot[] {
  // A change of mind is not a guarantee claim: nothing to explain on that track.
  if (t.blockedBy.some((b) => b.ruleId === "crossback.guarantee.conformity_reasons")) return [];
  if (t.returnBy && t.returnBy < today)
    return [{ code: "guarantee_ended", date: t.returnBy, citation: t.citation }];
  return t.blockedBy.map((b) => ({ code: "other", track: t.track, message: b.message }));
}

/** `today` is the local date in the shopper's time zone ("YYYY-MM-DD"). */
export function explainLine(d: LineDecision, today: string): LineExplanation {
  const chosen = d.tracks.find((t) => t.track === d.track && t.eligible);
  if (chosen)
    return {
      basis: {
        track: chosen.track,
        returnBy: chosen.returnBy,
        latestReturnBy: d.returnBy,
        citation: chosen.citation,
        jurisdiction: chosen.jurisdiction,
      },
      whyNot: [],
    };
  const whyNot: WhyNot[] = [];
  for (const t of d.tracks) {
    if (t.track === "statutory_withdrawal") whyNot.push(...withdrawal(t, today));
    else if (t.track === "merchant_policy") whyNot.push(...policy(t, today));
    else whyNot.push(...guarantee(t, today));
  }
  const unique = new Map(whyNot.map((w) => [JSON.stringify(w), w]));
  return { basis: null, whyNot: [...unique.values()] };
}
