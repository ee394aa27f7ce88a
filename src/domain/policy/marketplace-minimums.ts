import type { Resolution } from "../return-reasons.ts";
import type { ReturnPolicy } from "./return-policy.ts";

/**
 * What a marketplace requires of every vendor's own policy (a policy scoped to vendors): at least
 * this many days, these resolutions offered, at most this restocking fee. The law comes on top
 * (the statutory judge), whatever the policy or the minimums say.
 */
export interface MarketplaceMinimums {
  readonly windowDays?: number;
  readonly resolutions?: readonly Resolution[];
  /** Basis points of the item's price (10000 = 100 %); 0 forbids restocking fees, fixed ones too. */
  readonly maxRestockingFeeBasisPoints?: number;
}

export interface MinimumProblem {
  readonly path: string;
  readonly message: string;
}

export const isVendorPolicy = (p: ReturnPolicy): boolean => p.scope.vendors.length > 0;

const pct = (bp: number) => `${bp / 100} %`;

/** Where a vendor's policy falls below the marketplace's minimums (none for a marketplace policy). */
export function minimumProblems(p: ReturnPolicy, min: MarketplaceMinimums | undefined): MinimumProblem[] {
  if (!min || !isVendorPolicy(p)) return [];
  const out: MinimumProblem[] = [];
  if (min.windowDays !== undefined && p.window.days < min.windowDays)
    out.push({
      path: "window.days",
      message: `must be at least ${min.windowDays} days (the marketplace's minimum)`,
    });
  const missing = (min.resolutions ?? []).filter((r) => !p.resolutions.includes(r));
  if (missing.length > 0)
    out.push({
      path: "resolutions",
      message: `must offer ${missing.join(", ")} (the marketplace requires ${(min.resolutions ?? []).join(", ")})`,
    });
  const max = min.maxRestockingFeeBasisPoints;
  const fee = p.restockingFee;
  if (max !== undefined && fee) {
    if ("fixed" in fee && max === 0)
      out.push({ path: "restockingFee", message: "the marketplace allows no restocking fee" });
    else if ("fixed" in fee)
      out.push({
        path: "restockingFee",
        message: `use a percentage of at most ${pct(max)} (the marketplace's maximum), not a fixed fee`,
      });
    else if (fee.basisPoints > max)
      out.push({
        path: "restockingFee.percent",
        message: `must be at most ${pct(max)} (the marketplace's maximum)`,
      });
  }
  return out;
}

/**
 * A vendor's policy raised to the marketplace's minimums — for a policy saved before a minimum was
 * raised: the evaluation never yields less than the minimums, whatever was stored.
 */
export function raiseToMinimums(p: ReturnPolicy, min: MarketplaceMinimums | undefined): ReturnPolicy {
  if (!min || !isVendorPolicy(p) || minimumProblems(p, min).length === 0) return p;
  const days = Math.max(p.window.days, min.windowDays ?? 0);
  const resolutions = [
    ...p.resolutions,
    ...(min.resolutions ?? []).filter((r) => !p.resolutions.includes(r)),
  ];
  const max = min.maxRestockingFeeBasisPoints;
  const fee = p.restockingFee;
  const restockingFee =
    max === undefined || !fee
      ? fee
      : "fixed" in fee
        ? null
        : fee.basisPoints > max
          ? max === 0
            ? null
            : { basisPoints: max }
          : fee;
  return { ...p, window: { ...p.window, days }, resolutions, restockingFee };
}
