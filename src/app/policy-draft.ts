import type { RequestedLine } from "../domain/case-opening.ts";
import type { DomainError } from "../domain/errors.ts";
import type { ReturnDecision } from "../domain/policy/evaluate-return.ts";
import { minimumProblems } from "../domain/policy/marketplace-minimums.ts";
import { type PolicyWarning, policyWarnings } from "../domain/policy/policy-warnings.ts";
import { err, ok, type Result } from "../domain/result.ts";
import { type PolicyBody, toPolicy } from "./inputs/policy-input.ts";
import { compilePolicy, currentPolicies, overlapProblem, POLICY_ID } from "./policies.ts";
import type { Deps } from "./ports/index.ts";
import { evaluate } from "./return-evaluation.ts";
import { merchantMinimums, ownedBy, vendorSaveProblem } from "./vendor-policies.ts";

export interface PolicyCheck {
  readonly warnings: readonly PolicyWarning[];
  /** What a save would refuse (the marketplace's minimums, an overlapping scope), or null. */
  readonly problem: { readonly path: string; readonly message: string } | null;
  /** The engine's decision for the sample return under this draft (nothing is stored). */
  readonly decision: ReturnDecision | null;
}

/**
 * Checks a policy before it is saved — the statutory warnings per covered country, the overlap a save
 * would refuse, and, for a sample order, the decision the engine would give: no side effects. A vendor
 * account checks its own policies without a sample (the order may hold other vendors' goods).
 */
export async function checkPolicyDraft(
  deps: Deps,
  merchantId: string,
  id: string,
  body: PolicyBody,
  sample: { orderExternalId: string; lines: readonly RequestedLine[]; at?: Date } | null,
  vendor: string | null = null,
): Promise<Result<PolicyCheck, DomainError>> {
  if (!POLICY_ID.test(id)) {
    const message = "use 1–63 lowercase letters, digits, dots, dashes or underscores";
    return err({ code: "invalid_input", issues: [{ path: "id", message }] });
  }
  if (sample && vendor !== null) {
    // The sample's order may hold other vendors' goods, judged by their policies: not for a vendor.
    const message = "a vendor account cannot try a draft on an order";
    return err({ code: "invalid_input", issues: [{ path: "sample", message }] });
  }
  const r = deps.store.read;
  const latest = await r.policies.get(merchantId, id);
  const draft = toPolicy(id, (latest?.version ?? 0) + 1, body);
  const own = vendorSaveProblem(draft, latest ? compilePolicy(merchantId, latest) : null, vendor);
  if (own === "hidden") return err({ code: "not_found", entity: "policy", id });
  const problem =
    own ??
    minimumProblems(draft, await merchantMinimums(r, merchantId))[0] ??
    overlapProblem(draft, await currentPolicies(r, merchantId));
  let decision: ReturnDecision | null = null;
  if (sample) {
    const at = sample.at ?? deps.clock.now();
    const evaluated = await evaluate(r, merchantId, sample, at, false, draft);
    if (!evaluated.ok) return evaluated;
    decision = evaluated.value.decision;
  }
  return ok({ warnings: policyWarnings(draft), problem, decision });
}

export async function policyVersions(
  deps: Deps,
  merchantId: string,
  id: string,
  vendor: string | null = null,
) {
  const versions = await deps.store.read.policies.versions(merchantId, id);
  const latest = vendor === null ? null : await deps.store.read.policies.get(merchantId, id);
  const hidden = vendor !== null && (!latest || !ownedBy(compilePolicy(merchantId, latest), vendor));
  if (versions.length === 0 || hidden) return err({ code: "not_found" as const, entity: "policy", id });
  return ok(versions);
}
