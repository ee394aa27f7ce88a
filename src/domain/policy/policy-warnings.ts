import { REGISTRY } from "../statutory/pack-loader.ts";
import { statutoryRightsOf } from "../statutory/statutory-rights.ts";
import { PRODUCT_FLAGS, type ProductFlag, type ReturnPolicy } from "./return-policy.ts";

/** A policy term below a statutory floor in some covered country. Saved anyway; the engine applies the floor. */
export interface PolicyWarning {
  readonly field: string;
  /** The rule pack (jurisdiction) whose statute the term falls below, e.g. "DE" or "US-CA". */
  readonly jurisdiction: string;
  readonly ruleId: string;
  readonly citation: string;
  readonly message: string;
}

/** The countries a policy covers, or every country any rule pack names for "*". */
function coveredCountries(policy: ReturnPolicy): string[] {
  if (!policy.scope.countries.includes("*")) return [...policy.scope.countries];
  const all = new Set<string>();
  for (const pack of REGISTRY.packs.values())
    for (const code of pack.appliesTo) if (/^[A-Z]{2}$/.test(code)) all.add(code);
  return [...all].sort();
}

/**
 * Checks a policy against the statutory floor of every country it covers: a shorter window than the
 * withdrawal period, a restocking fee, exclusions the law does not allow, customer-paid return
 * shipping where the law puts it on the merchant, and exclusions that never apply to faulty goods.
 */
export function policyWarnings(policy: ReturnPolicy): PolicyWarning[] {
  const found = new Map<string, PolicyWarning>();
  const add = (jurisdiction: string, w: Omit<PolicyWarning, "jurisdiction">) => {
    found.set(`${jurisdiction}|${w.field}|${w.ruleId}|${w.message}`, { jurisdiction, ...w });
  };
  for (const country of coveredCountries(policy)) {
    const rights = statutoryRightsOf(country, null);
    const w = rights.withdrawal;
    const place = rights.jurisdiction;
    if (w.availability === "always" && w.period) {
      const p = w.period;
      const days = p.dayKind === "business" ? Math.ceil((p.days * 7) / 5) : p.days;
      if (policy.window.days < days) {
        add(place, {
          field: "window.days",
          ruleId: p.rule.ruleId,
          citation: p.rule.citation,
          message: `${policy.window.days} days is shorter than the statutory withdrawal period of ${p.days} ${p.dayKind} days; shoppers keep the statutory period.`,
        });
      }
      if (policy.restockingFee) {
        add(place, {
          field: "restockingFee",
          ruleId: w.rule.ruleId,
          citation: w.rule.citation,
          message:
            "A restocking fee cannot be charged on a statutory withdrawal; it applies only to returns under the merchant's own policy.",
        });
      }
      const statutory = new Set<ProductFlag>(
        PRODUCT_FLAGS.filter((flag) => w.exceptions.some((e) => e.attribute === flag)),
      );
      for (const flag of policy.nonReturnable.attributes) {
        if (!statutory.has(flag)) {
          add(place, {
            field: "nonReturnable.attributes",
            ruleId: w.rule.ruleId,
            citation: w.rule.citation,
            message: `"${flag}" is not a statutory exception: such items can still be withdrawn within the statutory period.`,
          });
        }
      }
      if (w.returnCost?.paidBy === "merchant" && policy.returnShipping.paidBy === "customer") {
        add(place, {
          field: "returnShipping.paidBy",
          ruleId: w.returnCost.rule.ruleId,
          citation: w.returnCost.rule.citation,
          message:
            "The law puts the cost of returning a withdrawn item on the merchant; no return-shipping fee is charged on a withdrawal.",
        });
      }
    }
    const excludes =
      policy.nonReturnable.attributes.length +
      policy.nonReturnable.categories.length +
      policy.nonReturnable.skus.length;
    if (excludes > 0) {
      const g = rights.guarantee.remedy.rule;
      add(place, {
        field: "nonReturnable",
        ruleId: g.ruleId,
        citation: g.citation,
        message:
          "Exclusions never apply to faulty, damaged or not-as-described goods: the legal guarantee covers them.",
      });
    }
  }
  return [...found.values()];
}
