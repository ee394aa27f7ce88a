/**
 * Default rights that exist only when the merchant did not show its return terms (`if_no_policy_posted`:
 * Japan, California, New York). The order's `returnTermsDisclosed` decides; whether a Crossback policy
 * covers the market is named in the explanation and never decides.
 */
import { describe, expect, it } from "vitest";
import type { Order } from "../../../src/domain/order.ts";
import { evaluateReturn } from "../../../src/domain/policy/evaluate-return.ts";
import { order, policy } from "./policy-fixtures.ts";

const PLACES = [
  { name: "JP", country: "JP", region: null, zone: "Asia/Tokyo", ruleId: "jp.scta.withdrawal.right" },
  {
    name: "US-CA",
    country: "US",
    region: "CA",
    zone: "America/Los_Angeles",
    ruleId: "us-ca.civ1723.withdrawal.right",
  },
  {
    name: "US-NY",
    country: "US",
    region: "NY",
    zone: "America/New_York",
    ruleId: "us-ny.gbl218a.withdrawal.right",
  },
] as const;

const COMBINATIONS = [
  { disclosed: true, covered: true, right: false },
  { disclosed: true, covered: false, right: false },
  { disclosed: false, covered: true, right: true },
  { disclosed: false, covered: false, right: true },
] as const;

function placedIn(place: (typeof PLACES)[number], disclosed: boolean): Order {
  const o = order([["A", "2026-03-03T03:00:00Z"]], { returnTermsDisclosed: disclosed });
  return {
    ...o,
    customerTimeZone: place.zone,
    placedAt: new Date("2026-03-01T03:00:00Z"),
    shippingAddress: { ...o.shippingAddress, country: place.country, region: place.region },
  };
}

describe("if_no_policy_posted: decided by the order's returnTermsDisclosed", () => {
  for (const place of PLACES) {
    for (const c of COMBINATIONS) {
      it(`${place.name}: terms disclosed ${c.disclosed}, covering policy ${c.covered} → default right ${c.right}`, () => {
        // A 3-day policy ends before the 8- or 30-day default, so the statutory track is visible on its own.
        const covering = policy({
          window: { days: 3, from: "delivery" },
          returnShipping: { paidBy: "customer", flatFee: {}, freeAbove: {} },
        });
        const d = evaluateReturn(
          placedIn(place, c.disclosed),
          c.covered ? [covering] : [],
          [{ orderLineExternalId: "A", quantity: 1, reason: "changed_mind" }],
          new Map(),
          new Date("2026-03-08T03:00:00Z"),
        );
        if (!d.ok) throw new Error(JSON.stringify(d.error));
        const line = d.value.lines[0];
        const statutory = line?.tracks.find((t) => t.track === "statutory_withdrawal");
        const merchant = line?.tracks.find((t) => t.track === "merchant_policy");
        expect(statutory?.eligible).toBe(c.right);
        expect(statutory?.jurisdiction).toBe(place.name);
        expect(line?.track).toBe(c.right ? "statutory_withdrawal" : null);
        expect(merchant?.eligible).toBe(false);
        // The explanation names the fact that decided, and what is true about the policy.
        const explanation = statutory?.explanation ?? "";
        expect(explanation).toContain(
          c.disclosed
            ? "return terms were shown to the shopper (returnTermsDisclosed)"
            : "return terms were not shown to the shopper (returnTermsDisclosed: false)",
        );
        expect(explanation).toContain(
          c.covered
            ? "a merchant return policy covers this market"
            : "no merchant return policy covers this market",
        );
        if (!c.right) expect(statutory?.ruleId).toBe(place.ruleId);
        else expect(statutory?.returnBy).not.toBeNull();
      });
    }
  }
});
