import type { Actor } from "../domain/actor.ts";
import type { DomainError } from "../domain/errors.ts";
import { minimumProblems, raiseToMinimums } from "../domain/policy/marketplace-minimums.ts";
import { scopesOverlap } from "../domain/policy/policy-scope.ts";
import { type PolicyWarning, policyWarnings } from "../domain/policy/policy-warnings.ts";
import type { ReturnPolicy } from "../domain/policy/return-policy.ts";
import { err, ok, type Result } from "../domain/result.ts";
import { type PolicyBody, policyBody, toPolicy } from "./inputs/policy-input.ts";
import type { Deps, Merchant, Repos, StoredPolicy } from "./ports/index.ts";
import { merchantMinimums, minimumsOf, ownedBy, vendorSaveProblem } from "./vendor-policies.ts";

export const POLICY_ID = /^[a-z0-9][a-z0-9._-]{0,62}$/;

/** Compiled policies per (merchant, id, version): a stored version never changes, so neither does this. */
const compiled = new Map<string, ReturnPolicy>();

export function compilePolicy(merchantId: string, stored: StoredPolicy): ReturnPolicy {
  const key = `${merchantId}:${stored.id}:${stored.version}`;
  let p = compiled.get(key);
  if (!p) {
    p = toPolicy(stored.id, stored.version, policyBody.parse(stored.document));
    if (compiled.size > 10_000) compiled.clear();
    compiled.set(key, p);
  }
  return p;
}

/**
 * The latest version of each of the merchant's policies, compiled; a vendor's policy raised to the
 * marketplace's minimums (one saved before a minimum rose never gives less than it).
 */
export async function currentPolicies(
  r: Repos,
  merchantId: string,
  /** The merchant when the caller has read it already (one round trip less per return). */
  merchant?: Merchant | null,
): Promise<ReturnPolicy[]> {
  const min = merchant === undefined ? await merchantMinimums(r, merchantId) : minimumsOf(merchant?.settings);
  return compileCurrent(merchantId, await r.policies.latestAll(merchantId), min);
}

/** The stored latest versions compiled, a vendor's raised to the marketplace's minimums. */
export function compileCurrent(
  merchantId: string,
  stored: readonly StoredPolicy[],
  min: ReturnType<typeof minimumsOf>,
): ReturnPolicy[] {
  return stored.map((s) => raiseToMinimums(compilePolicy(merchantId, s), min));
}

/** An active policy as specific as another active one and overlapping it: the engine could not choose. */
export function overlapProblem(
  policy: ReturnPolicy,
  current: readonly ReturnPolicy[],
): { path: string; message: string } | null {
  if (!policy.active) return null;
  for (const other of current) {
    if (other.id === policy.id || !other.active || !scopesOverlap(policy.scope, other.scope)) continue;
    const message = `overlaps active policy "${other.id}" with the same specificity: narrow one scope (countries, vendors, categories or SKUs) or deactivate one`;
    return { path: "scope", message };
  }
  return null;
}

export interface SavedPolicy {
  readonly stored: StoredPolicy;
  readonly warnings: readonly PolicyWarning[];
  readonly created: boolean;
}

/**
 * Saves a new version of a policy. Refuses a scope that overlaps another active policy equally
 * specific (the engine could not choose), a vendor's policy below the marketplace's minimums, and —
 * for a vendor account (`vendor`) — any policy but its own vendor's; returns warnings where the
 * policy is below a statutory floor.
 */
export function savePolicy(
  deps: Deps,
  merchantId: string,
  id: string,
  body: PolicyBody,
  actor: Actor,
  vendor: string | null = null,
): Promise<Result<SavedPolicy, DomainError>> {
  if (!POLICY_ID.test(id)) {
    return Promise.resolve(
      err({
        code: "invalid_input",
        issues: [{ path: "id", message: "use 1–63 lowercase letters, digits, dots, dashes or underscores" }],
      }),
    );
  }
  return deps.store.transaction(async (r) => {
    await r.policies.lock(merchantId);
    const latest = await r.policies.get(merchantId, id);
    const version = (latest?.version ?? 0) + 1;
    const policy = toPolicy(id, version, body);
    const own = vendorSaveProblem(policy, latest ? compilePolicy(merchantId, latest) : null, vendor);
    if (own === "hidden") return err({ code: "not_found", entity: "policy", id });
    if (own) return err({ code: "invalid_input", issues: [own] });
    const below = minimumProblems(policy, await merchantMinimums(r, merchantId));
    if (below.length > 0) return err({ code: "invalid_input", issues: below });
    const overlap = overlapProblem(policy, await currentPolicies(r, merchantId));
    if (overlap) return err({ code: "invalid_input", issues: [overlap] });
    const stored: StoredPolicy = {
      id,
      version,
      document: body,
      createdAt: deps.clock.now(),
      actorId: actor.id,
    };
    if (!(await r.policies.insert(merchantId, stored))) {
      return err({ code: "version_conflict", expected: version - 1, actual: version });
    }
    return ok({ stored, warnings: policyWarnings(policy), created: version === 1 });
  });
}

/** A vendor account (`vendor`) sees its own vendor's policies only; the rest answer 404. */
export async function getPolicy(
  deps: Deps,
  merchantId: string,
  id: string,
  version?: number,
  vendor: string | null = null,
): Promise<Result<StoredPolicy, DomainError>> {
  const p = await deps.store.read.policies.get(merchantId, id, version);
  const seen = p && (vendor === null || ownedBy(compilePolicy(merchantId, p), vendor));
  return seen ? ok(p) : err({ code: "not_found", entity: "policy", id: version ? `${id}@${version}` : id });
}

export async function listPolicies(
  deps: Deps,
  merchantId: string,
  vendor: string | null = null,
): Promise<{ stored: StoredPolicy; warnings: readonly PolicyWarning[] }[]> {
  const all = await deps.store.read.policies.latestAll(merchantId);
  return all
    .filter((s) => vendor === null || ownedBy(compilePolicy(merchantId, s), vendor))
    .map((stored) => ({ stored, warnings: policyWarnings(compilePolicy(merchantId, stored)) }));
}
