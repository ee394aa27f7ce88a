/** Builds merchant return policies for the renderer tests: a typical policy, overridable field by field. */
import type { MoneyByCurrency, ReturnPolicy } from "../../../../src/domain/policy/return-policy.ts";
import { policy } from "../policy-fixtures.ts";

/** `{ EUR: 495, JPY: 800 }` (minor units) → MoneyByCurrency. */
export const amounts = (byCurrency: Readonly<Record<string, number>>): MoneyByCurrency =>
  Object.fromEntries(
    Object.entries(byCurrency).map(([currency, amount]) => [currency, { amount, currency }]),
  );

/**
 * 30 days from delivery, customer-paid return shipping (€4.95 / $4.95 / £3.95 / ¥800), free from
 * €100 / $100 / £100 / ¥10,000, a 10 % restocking fee and final-sale items excluded.
 */
export function makePolicy(overrides: Partial<ReturnPolicy> = {}): ReturnPolicy {
  return policy({
    id: "pol_standard",
    version: 3,
    name: "Standard returns",
    nonReturnable: { categories: [], skus: [], attributes: ["finalSale"] },
    returnShipping: {
      paidBy: "customer",
      flatFee: amounts({ EUR: 495, USD: 495, GBP: 395, JPY: 800 }),
      freeAbove: amounts({ EUR: 10_000, USD: 10_000, GBP: 10_000, JPY: 10_000 }),
    },
    restockingFee: { basisPoints: 1000 },
    ...overrides,
  });
}

/** A policy using every feature: holiday window, exclusions, reasons, bonus, keep-it, review, cancellation. */
export const FULL_POLICY: ReturnPolicy = makePolicy({
  holidayWindows: [{ purchasedFrom: "2025-11-15", purchasedTo: "2025-12-31", returnBy: "2026-01-31" }],
  nonReturnable: {
    categories: ["gift-cards"],
    skus: ["SKU-1"],
    attributes: ["finalSale", "personalised", "sealedHygiene"],
  },
  reasons: {
    changed_mind: { allowed: true, resolutions: null, photosRequired: false },
    defective: { allowed: true, resolutions: null, photosRequired: true },
    other: { allowed: false, resolutions: null, photosRequired: false },
  },
  storeCreditBonusBasisPoints: 500,
  keepItBelow: amounts({ EUR: 1000 }),
  requireReview: true,
  cancellation: {
    preset: "moderate",
    tiers: [
      { hoursBefore: 120, refundBasisPoints: 10_000 },
      { hoursBefore: 24, refundBasisPoints: 5_000 },
      { hoursBefore: 0, refundBasisPoints: 0 },
    ],
  },
});
