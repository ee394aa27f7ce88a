import type { MarketplaceMinimums, MinimumProblem } from "../domain/policy/marketplace-minimums.ts";
import type { ReturnPolicy } from "../domain/policy/return-policy.ts";
import type { MerchantSettings, Repos } from "./ports/index.ts";

/** The marketplace's minimums as the domain reads them (percent → basis points). */
export function minimumsOf(settings: MerchantSettings | undefined): MarketplaceMinimums | undefined {
  const m = settings?.marketplaceMinimums;
  if (!m) return undefined;
  return {
    ...(m.windowDays !== undefined ? { windowDays: m.windowDays } : {}),
    ...(m.resolutions ? { resolutions: m.resolutions } : {}),
    ...(m.maxRestockingFeePercent !== undefined
      ? { maxRestockingFeeBasisPoints: Math.round(m.maxRestockingFeePercent * 100) }
      : {}),
  };
}

export async function merchantMinimums(r: Repos, merchantId: string) {
  return minimumsOf((await r.merchants.byId(merchantId))?.settings);
}

/** A policy is a vendor's own when its scope names that vendor alone. */
export const ownedBy = (p: ReturnPolicy, vendor: string): boolean =>
  p.scope.vendors.length === 1 && p.scope.vendors[0] === vendor;

/**
 * What a vendor account may not save: a scope other than its own vendor alone, or over a policy that
 * is not its own (which it cannot see: "hidden" answers 404 like an unknown policy).
 */
export function vendorSaveProblem(
  draft: ReturnPolicy,
  existing: ReturnPolicy | null,
  vendor: string | null,
): MinimumProblem | "hidden" | null {
  if (vendor === null) return null;
  if (existing && !ownedBy(existing, vendor)) return "hidden";
  if (!ownedBy(draft, vendor))
    return {
      path: "scope.vendors",
      message: `a vendor account saves policies for its own vendor only: ["${vendor}"]`,
    };
  return null;
}
