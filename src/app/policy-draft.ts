import type { RequestedLine } from "../domain/case-opening.ts";
import type { DomainError } from "../domain/errors.ts";
import type { ReturnDecision } from "../domain/policy/evaluate-return.ts";
import { type PolicyWarning, policyWarnings } from "../domain/policy/policy-warnings.ts";
import { err, ok, type Result } from "../domain/result.ts";
import { type PolicyBody, toPolicy } from "./inputs/policy-input.ts";
import { currentPolicies, overlapProblem, POLICY_ID } from "./policies.ts";
import type { Deps } from "./ports.ts";
import { evaluate } from "./return-evaluation.ts";

export interface PolicyCheck {
  readonly warnings: readonly PolicyWarning[];
  /** What a save would refuse (an overlapping scope), or null. */
  readonly problem: { readonly path: string; readonly message: string } | null;
  /** The engine's decision for the sample return under this draft (nothing is stored). */
  readonly decision: ReturnDecision | null;
}

/**
 * Checks a policy before it is saved — the statutory warnings per covered country, the overlap a save
 * would refuse, and, for a sample order, the decision the engine would give: no side effects.
 */
export async function checkPolicyDraft(
  deps: Deps,
  merchantId: string,
  id: string,
  body: PolicyBody,
  sample: { orderExternalId: string; lines: readonly RequestedLine[]; at?: Date } | null,
): Promise<Result<PolicyCheck, DomainError>> {
  if (!POLICY_ID.test(id)) {
    const message = "use 1–63 lowercase letters, digits, dots, dashes or underscores";
    return err({ code: "invalid_input", issues: [{ path: "id", message }] });
  }
  const r = deps.store.read;
  const latest = await r.policies.get(merchantId, id);
  const draft = toPolicy(id, (latest?.version ?? 0) + 1, body);
  const problem = overlapProblem(draft, await currentPolicies(r, merchantId));
  let decision: ReturnDecision | null = null;
  if (sample) {
    const at = sample.at ?? deps.clock.now();
    const evaluated = await evaluate(r, merchantId, sample, at, false, draft);
    if (!evaluated.ok) return evaluated;
    decision = evaluated.value.decision;
  }
  return ok({ warnings: policyWarnings(draft), problem, decision });
}

export async function policyVersions(deps: Deps, merchantId: string, id: string) {
  const versions = await deps.store.read.policies.versions(merchantId, id);
  if (versions.length === 0) return err({ code: "not_found" as const, entity: "policy", id });
  return ok(versions);
}
