import type { Me } from "../api.ts";
import { DEFAULT_POLICY, type PolicyDoc } from "./policy-doc.ts";

/**
 * Who edits which policies in the back office: managers and owners every policy (`policies:write`), a
 * vendor account its own vendor's (the server holds it to them: another's answers 404, a wider scope 422).
 */
export interface PolicyAccess {
  readonly mayEdit: boolean;
  /** The vendor of a vendor account; null for the marketplace's team. */
  readonly vendor: string | null;
}

export function policyAccess(me: Me | null | undefined): PolicyAccess {
  const vendor = me?.account.role === "vendor" ? me.account.vendor : null;
  return { mayEdit: !!me?.permissions.includes("policies:write") || vendor !== null, vendor };
}

/** The vendors a policy is scoped to (none: a marketplace policy). */
export function vendorsOf(doc: PolicyDoc): string[] {
  const scope = doc.scope;
  if (typeof scope !== "object" || scope === null || !("vendors" in scope)) return [];
  return Array.isArray(scope.vendors) ? scope.vendors.map((v) => String(v)) : [];
}

/** What a new policy starts from: a vendor account's is scoped to its own vendor. */
export function newPolicy(name: string, vendor: string | null): PolicyDoc {
  return vendor
    ? { ...DEFAULT_POLICY, name, scope: { countries: ["*"], vendors: [vendor] } }
    : { ...DEFAULT_POLICY, name };
}
