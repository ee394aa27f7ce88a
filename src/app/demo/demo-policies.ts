import type { Actor } from "../../domain/actor.ts";
import { RETURN_REASONS } from "../../domain/return-reasons.ts";
import { policyBody } from "../inputs/policy-input.ts";
import { savePolicy } from "../policies.ts";
import type { Deps } from "../ports/index.ts";

const EU = ["AT", "BE", "DE", "ES", "FI", "FR", "IE", "IT", "LU", "NL", "PL", "PT", "SE"];
const EXCLUDED = ["finalSale", "personalised", "perishable", "digital"];
const ALL = ["refund", "store_credit", "exchange"];

/** The demo merchant's return policies: one per market, one for a marketplace vendor, one fallback. */
export const DEMO_POLICIES: Record<string, unknown> = {
  "eu-fashion": {
    name: "EU — 30 days, free returns above €100",
    scope: { countries: EU },
    window: { days: 30, from: "delivery" },
    holidayWindows: [{ purchasedFrom: "2026-11-15", purchasedTo: "2026-12-24", returnBy: "2027-01-31" }],
    nonReturnable: { attributes: EXCLUDED },
    returnShipping: { paidBy: "customer", flatFee: { EUR: "4.95" }, freeAbove: { EUR: "100.00" } },
    restockingFee: null,
    resolutions: [...ALL, "keep_it"],
    storeCreditBonus: { percent: 10 },
    keepItBelow: { EUR: "10.00" },
    // Every reason offered; faulty or damaged goods need a photo.
    reasons: Object.fromEntries(
      RETURN_REASONS.map((r) => [
        r,
        { allowed: true, photosRequired: r === "defective" || r === "damaged_in_transit" },
      ]),
    ),
    shipByDays: 14,
    refundTrigger: "hub_receipt",
  },
  uk: {
    name: "UK — 30 days, £3.95 returns",
    scope: { countries: ["GB"] },
    window: { days: 30, from: "delivery" },
    nonReturnable: { attributes: EXCLUDED },
    returnShipping: { paidBy: "customer", flatFee: { GBP: "3.95" }, freeAbove: { GBP: "80.00" } },
    resolutions: [...ALL, "keep_it"],
    storeCreditBonus: { percent: 10 },
    keepItBelow: { GBP: "8.00" },
    refundTrigger: "hub_receipt",
  },
  us: {
    name: "US — 30 days, free returns, 15% restocking on electronics opened",
    scope: { countries: ["US"] },
    window: { days: 30, from: "delivery" },
    nonReturnable: { attributes: EXCLUDED, categories: ["apparel/underwear"] },
    returnShipping: { paidBy: "merchant" },
    resolutions: [...ALL, "keep_it"],
    keepItBelow: { USD: "12.00" },
    refundTrigger: "first_scan",
  },
  "us-electronics": {
    name: "US electronics — 15 days, 15% restocking fee",
    scope: { countries: ["US"], categories: ["electronics/audio"] },
    window: { days: 15, from: "delivery" },
    restockingFee: { percent: 15 },
    returnShipping: { paidBy: "merchant" },
    resolutions: ALL,
    refundTrigger: "inspection",
  },
  japan: {
    name: "日本 — 30 days, ¥800 return shipping",
    scope: { countries: ["JP"] },
    window: { days: 30, from: "delivery" },
    nonReturnable: { attributes: EXCLUDED },
    returnShipping: { paidBy: "customer", flatFee: { JPY: "800" }, freeAbove: { JPY: "20000" } },
    resolutions: [...ALL, "keep_it"],
    keepItBelow: { JPY: "1500" },
    refundTrigger: "inspection",
  },
  "rest-of-world": {
    name: "AU, BR, MX, KR and elsewhere — 30 days, free returns via local hubs",
    scope: { countries: ["*"] },
    window: { days: 30, from: "delivery" },
    nonReturnable: { attributes: EXCLUDED },
    returnShipping: { paidBy: "merchant" },
    resolutions: [...ALL, "keep_it"],
    keepItBelow: { AUD: "15.00", BRL: "50.00", MXN: "200.00", KRW: "12000" },
    refundTrigger: "hub_receipt",
  },
  "kyoto-ceramics": {
    name: "Kyoto Ceramics (marketplace vendor) — 30 days, reviewed",
    scope: { countries: ["*"], vendors: ["kyoto-ceramics"] },
    window: { days: 30, from: "delivery" },
    returnShipping: { paidBy: "customer", flatFee: { EUR: "9.00", JPY: "1200", USD: "10.00", GBP: "8.00" } },
    resolutions: ["refund", "exchange"],
    requireReview: true,
    refundTrigger: "inspection",
  },
};

export async function seedPolicies(deps: Deps, merchantId: string): Promise<void> {
  const actor: Actor = { kind: "system", id: "demo-seed" };
  for (const [id, body] of Object.entries(DEMO_POLICIES)) {
    const saved = await savePolicy(deps, merchantId, id, policyBody.parse(body), actor);
    if (!saved.ok) throw new Error(`demo policy ${id} refused: ${JSON.stringify(saved.error)}`);
  }
}
