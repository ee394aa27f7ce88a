import { allocate, type Money, unitsShare, zero } from "../money.ts";
import type { Order } from "../order.ts";
import { CONFORMITY_REASONS, type ReturnReason } from "../return-reasons.ts";
import { addYears } from "./customs-duty.ts";
import { percentOf } from "./routing.ts";
import { isEu } from "./territories.ts";

/** Duty and tax recovery regimes (statutory-returns.md Part B) and the ledger's states. */
export const DUTY_REGIMES = [
  "US_DRAWBACK",
  "EU_UCC_118",
  "UK_C285",
  "CA_B2G",
  "AU_DRAWBACK",
  "IOSS_VAT",
] as const;
export type DutyRegime = (typeof DUTY_REGIMES)[number];

export const CLAIM_STATES = ["recoverable", "claimed", "recovered", "lost"] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];

export const CLAIM_TRANSITIONS: Readonly<Record<ClaimState, readonly ClaimState[]>> = {
  recoverable: ["claimed", "lost"],
  claimed: ["recovered", "lost"],
  recovered: [],
  lost: [],
};

interface RegimeRule {
  readonly percent: number;
  readonly years: number;
  readonly citation: string;
  /** Only goods rejected as defective or not as contracted. */
  readonly conformityOnly: boolean;
}

export const REGIME_RULES: Readonly<Record<DutyRegime, RegimeRule>> = {
  US_DRAWBACK: {
    percent: 99,
    years: 5,
    conformityOnly: false,
    citation:
      "19 U.S.C. 1313(c) rejected merchandise / 1313(j) unused merchandise drawback; 19 CFR 190.51 (99 %, 5 years from import)",
  },
  EU_UCC_118: {
    percent: 100,
    years: 1,
    conformityOnly: true,
    citation:
      "UCC (Reg. 952/2013) Art. 118 repayment for defective or non-conforming goods; time limit Art. 121(1)(c): 1 year",
  },
  UK_C285: {
    percent: 100,
    years: 1,
    conformityOnly: true,
    citation:
      "HMRC C285 repayment for rejected imports (defective / not as contracted): 1 year from notification",
  },
  CA_B2G: {
    percent: 100,
    years: 4,
    conformityOnly: false,
    citation: "CBSA Form B2G, casual goods returned to sender/exported (duties and GST/HST), D6-2-6",
  },
  AU_DRAWBACK: {
    percent: 100,
    years: 4,
    conformityOnly: false,
    citation: "Customs Act 1901 / Customs Regulation 2015 duty drawback (no GST), 4 years from export",
  },
  IOSS_VAT: {
    percent: 100,
    years: 3,
    conformityOnly: false,
    citation:
      "IOSS return correction (VAT Directive Art. 369o; Implementing Reg. 282/2011 Art. 61): VAT refunded with the price",
  },
};

/** The regime that can recover import duty paid in the shopper's country (null: none known). */
export function dutyRegimeFor(country: string): DutyRegime | null {
  if (country === "US") return "US_DRAWBACK";
  if (isEu(country)) return "EU_UCC_118";
  if (country === "GB") return "UK_C285";
  if (country === "CA") return "CA_B2G";
  if (country === "AU") return "AU_DRAWBACK";
  return null;
}

export interface RecoveryAssessment {
  readonly regime: DutyRegime;
  readonly paid: Money;
  readonly recoverable: Money;
  readonly deadline: string;
  readonly state: ClaimState;
  readonly lostReason: string | null;
  readonly citation: string;
}

/** What of `paid` the regime recovers, by when, and whether the reason qualifies at all. */
export function assessRecovery(
  regime: DutyRegime,
  paid: Money,
  reason: ReturnReason,
  since: Date,
): RecoveryAssessment {
  const rule = REGIME_RULES[regime];
  const deadline = addYears(since, rule.years).toISOString().slice(0, 10);
  const excluded = rule.conformityOnly && !CONFORMITY_REASONS.includes(reason);
  return {
    regime,
    paid,
    recoverable: excluded ? zero(paid.currency) : percentOf(paid, rule.percent),
    deadline,
    state: excluded ? "lost" : "recoverable",
    lostReason: excluded
      ? `a ${reason.replaceAll("_", " ")} return is not a repayment case under ${regime} (only defective or non-conforming goods)`
      : null,
    citation: rule.citation,
  };
}

/**
 * The import duty paid on the way out for `quantity` units of an order line: the order's duties split
 * over its lines by paid value (largest remainder), then over the line's units.
 */
export function lineDutyShare(order: Order, lineId: string, from: number, quantity: number): Money | null {
  if (!order.duties || order.duties.amount.amount === 0) return null;
  const values = order.lines.map((l) => Math.max(0, l.unitPrice.amount * l.quantity - l.discount.amount));
  const parts = allocate(order.duties.amount, values);
  const index = order.lines.findIndex((l) => l.id === lineId);
  const part = parts[index];
  const line = order.lines[index];
  if (!part || !line || quantity === 0) return null;
  return unitsShare(part, line.quantity, Math.min(from, line.quantity - quantity), quantity);
}

/** The VAT the seller charged on `quantity` units of a line (refunded and corrected through IOSS). */
export function lineVatShare(order: Order, lineId: string, from: number, quantity: number): Money | null {
  const line = order.lines.find((l) => l.id === lineId);
  if (!line || line.tax.amount === 0 || quantity === 0) return null;
  return unitsShare(line.tax, line.quantity, Math.min(from, line.quantity - quantity), quantity);
}
