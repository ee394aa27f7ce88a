import type { ReturnDecision } from "../domain/policy/evaluate-return.ts";
import type { RefundTrigger, ReturnPolicy } from "../domain/policy/return-policy.ts";
import type { RefundTerms } from "../domain/refund/refund-calculation.ts";
import type { ReturnCase } from "../domain/return-case.ts";
import type { Track } from "../domain/statutory/statutory-facts.ts";
import { compilePolicy } from "./policies.ts";
import type { Repos } from "./ports/index.ts";

export interface CaseMoneyTerms {
  readonly terms: RefundTerms;
  readonly trigger: RefundTrigger;
  readonly policy: ReturnPolicy | null;
  readonly trackOf: (orderLineExternalId: string) => Track | null;
}

function decisionOf(c: ReturnCase): ReturnDecision | null {
  return (c.decision as { engine?: string }).engine === "crossback-policy-engine/1"
    ? (c.decision as unknown as ReturnDecision)
    : null;
}

/** The money terms a case was decided on: its frozen decision and the policy version named in it. */
export function caseMoneyTerms(r: Repos, c: ReturnCase): Promise<CaseMoneyTerms> {
  return decisionMoneyTerms(r, c.merchantId, decisionOf(c), c.currency);
}

/** The money terms of an engine decision (frozen on a case, or fresh in a preview). */
export async function decisionMoneyTerms(
  r: Repos,
  merchantId: string,
  d: ReturnDecision | null,
  currency: string,
): Promise<CaseMoneyTerms> {
  const c = { merchantId, currency };
  const ref = d?.policies[0];
  const stored = ref ? await r.policies.get(c.merchantId, ref.id, ref.version) : null;
  const policy = stored ? compilePolicy(c.merchantId, stored) : null;
  const statutory =
    d?.lines.flatMap((l) =>
      l.tracks.filter(
        (t) => t.track === "statutory_withdrawal" && t.eligible && l.track === "statutory_withdrawal",
      ),
    ) ?? [];
  const outbound = statutory.find((t) => t.refund && t.refund.includesOutboundShipping !== "none");
  const restocking = policy?.restockingFee;
  const converted = d?.feeConversions?.find((x) => x.field === "restockingFee.fixed")?.to;
  const fixed = restocking && "fixed" in restocking ? (restocking.fixed[c.currency] ?? converted) : undefined;
  return {
    policy,
    trigger: d?.refundTrigger ?? policy?.refundTrigger ?? "inspection",
    trackOf: (ext) => d?.lines.find((l) => l.orderLineExternalId === ext)?.track ?? null,
    terms: {
      policyRef: policy ? `merchant.${policy.id}.v${policy.version}` : "merchant.none",
      restocking: !restocking
        ? null
        : "basisPoints" in restocking
          ? { basisPoints: restocking.basisPoints }
          : fixed
            ? { perUnit: fixed }
            : null,
      returnShippingFee: d?.fees.find((f) => f.kind === "return_shipping")?.amount ?? null,
      storeCreditBonusBasisPoints: policy?.storeCreditBonusBasisPoints ?? 0,
      outboundShipping:
        outbound?.refund?.includesOutboundShipping ?? (policy?.refundOutboundShipping ? "full" : "none"),
      outboundRuleId: outbound
        ? outbound.ruleId
        : policy
          ? `merchant.${policy.id}.v${policy.version}.refund_outbound_shipping`
          : "none",
      dutiesRefund: policy?.dutiesRefund ?? "none",
    },
  };
}
