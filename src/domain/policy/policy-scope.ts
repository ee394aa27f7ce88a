import type { PolicyScope, ReturnPolicy } from "./return-policy.ts";

/** What a policy's scope is matched against: one order line shipped to one country. */
export interface ScopeTarget {
  readonly country: string;
  readonly vendor: string | null;
  readonly category: string | null;
  readonly sku: string;
}

const anyCountry = (s: PolicyScope) => s.countries.length === 0 || s.countries.includes("*");
const has = (list: readonly string[], v: string | null) =>
  list.length === 0 || (v !== null && list.includes(v));

export function scopeMatches(s: PolicyScope, t: ScopeTarget): boolean {
  return (
    (anyCountry(s) || s.countries.includes(t.country)) &&
    has(s.vendors, t.vendor) &&
    has(s.categories, t.category) &&
    has(s.skus, t.sku)
  );
}

/** SKUs outrank categories, which outrank vendors, which outrank countries; "*" and empty lists are "any". */
export function specificity(s: PolicyScope): number {
  return (
    (s.skus.length > 0 ? 8 : 0) +
    (s.categories.length > 0 ? 4 : 0) +
    (s.vendors.length > 0 ? 2 : 0) +
    (anyCountry(s) ? 0 : 1)
  );
}

/** The most specific active policy whose scope covers the line, or null. */
export function selectPolicy(policies: readonly ReturnPolicy[], t: ScopeTarget): ReturnPolicy | null {
  let best: ReturnPolicy | null = null;
  let bestScore = -1;
  for (const p of policies) {
    if (!p.active || !scopeMatches(p.scope, t)) continue;
    const score = specificity(p.scope);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

const meet = (a: readonly string[], b: readonly string[]) =>
  a.length === 0 || b.length === 0 || a.some((x) => b.includes(x));

/** Two equally specific scopes that could both cover one line: the engine could not choose between them. */
export function scopesOverlap(a: PolicyScope, b: PolicyScope): boolean {
  if (specificity(a) !== specificity(b)) return false;
  const countries = anyCountry(a) || anyCountry(b) || a.countries.some((c) => b.countries.includes(c));
  return countries && meet(a.vendors, b.vendors) && meet(a.categories, b.categories) && meet(a.skus, b.skus);
}
