import type { Resolution, ReturnReason } from "../../domain/return-reasons.ts";

/** The demo's return cases: each one a story that ends in a different place of the case's life. */

export type Step =
  | "review"
  | "approve"
  | "approve-one"
  | "approve-short"
  | "reject"
  | "cancel"
  | "ship"
  | "receive"
  | "receive-part"
  | "inspect"
  | "inspect-refuse"
  | "resolve"
  | "close"
  | "expire";

export type LineKind = "ordinary" | "perishable" | "sealedHygiene" | "personalised" | "finalSale" | "vendor";

export interface ReturnPlan {
  readonly reason: ReturnReason;
  readonly resolution: Resolution;
  readonly steps: readonly Step[];
  readonly kind?: LineKind;
  readonly countries?: readonly string[];
  /** Needs a line with at least two delivered units (and asks for two). */
  readonly units?: 2;
  /** Needs two returnable lines. */
  readonly lines?: 2;
  readonly mixedTender?: boolean;
  /** Ends within the last week (cases still waiting for someone). */
  readonly fresh?: boolean;
  readonly comment?: string;
  /** Free-text reason recorded on the last command (reject, cancel, review). */
  readonly why?: string;
}

const FULL: readonly Step[] = ["approve", "ship", "receive", "inspect", "resolve"];

export const RETURN_PLANS: readonly ReturnPlan[] = [
  // requested: waiting for a decision
  { reason: "wrong_size", resolution: "refund", steps: [], countries: ["GB"], fresh: true, comment: "Runs small, I need one size up" },
  { reason: "changed_mind", resolution: "store_credit", steps: [], countries: ["JP"], fresh: true },
  {
    reason: "not_as_described",
    resolution: "refund",
    steps: [],
    countries: ["US"],
    fresh: true,
    comment: "The colour is much darker than in the photos",
  },
  // needs_review
  {
    reason: "damaged_in_transit",
    resolution: "keep_it",
    kind: "perishable",
    steps: ["review"],
    fresh: true,
    comment: "The chocolate arrived melted",
    why: "Perishable goods: check the shopper's photos before refunding",
  },
  {
    reason: "changed_mind",
    resolution: "refund",
    kind: "sealedHygiene",
    steps: ["review"],
    fresh: true,
    comment: "Never opened, the seal is intact",
    why: "Hygiene-sealed item: returnable only if the seal is unbroken",
  },
  // approved, nothing has to come back
  { reason: "damaged_in_transit", resolution: "keep_it", steps: ["approve"], fresh: true, comment: "The box was crushed" },
  { reason: "wrong_item", resolution: "keep_it", steps: ["review", "approve"], countries: ["AU", "KR", "BR"] },
  // rejected
  {
    reason: "changed_mind",
    resolution: "refund",
    kind: "personalised",
    steps: ["reject"],
    why: "Engraved items are made to order and excluded from change-of-mind returns",
  },
  { reason: "no_longer_needed", resolution: "refund", kind: "finalSale", steps: ["reject"], why: "Archive-sale items are final sale" },
  // awaiting_shipment
  { reason: "no_longer_needed", resolution: "refund", units: 2, steps: ["approve-one"], fresh: true, why: "One unit was used" },
  { reason: "defective", resolution: "refund", kind: "vendor", steps: ["approve"], fresh: true, comment: "Hairline crack in the glaze" },
  { reason: "wrong_size", resolution: "exchange", steps: ["approve"], countries: ["DE", "NL"], fresh: true },
  // in_transit
  { reason: "wrong_size", resolution: "refund", steps: ["approve", "ship"], countries: ["GB"], fresh: true },
  { reason: "changed_mind", resolution: "refund", steps: ["approve", "ship"], countries: ["US"], fresh: true },
  { reason: "not_as_described", resolution: "refund", steps: ["approve", "ship"], countries: ["AU"], fresh: true },
  // received, partially
  { reason: "wrong_size", resolution: "refund", units: 2, steps: ["approve", "ship", "receive-part"] },
  { reason: "changed_mind", resolution: "store_credit", lines: 2, steps: ["approve", "ship", "receive-part"] },
  // inspected
  { reason: "changed_mind", resolution: "refund", steps: ["approve", "ship", "receive", "inspect"] },
  {
    reason: "wrong_size",
    resolution: "refund",
    steps: ["approve", "ship", "receive", "inspect-refuse"],
    comment: "Tried on once",
  },
  // resolved
  { reason: "defective", resolution: "refund", mixedTender: true, steps: FULL, comment: "Zip broke after two days" },
  { reason: "changed_mind", resolution: "refund", countries: ["BR", "MX"], steps: FULL },
  { reason: "changed_mind", resolution: "refund", countries: ["US"], steps: FULL },
  { reason: "damaged_in_transit", resolution: "keep_it", steps: ["approve", "resolve"], comment: "Scuffed in transit" },
  { reason: "changed_mind", resolution: "store_credit", countries: ["FR"], steps: FULL },
  { reason: "no_longer_needed", resolution: "store_credit", countries: ["JP", "KR"], steps: FULL },
  { reason: "wrong_size", resolution: "exchange", steps: FULL },
  { reason: "not_as_described", resolution: "refund", kind: "vendor", steps: FULL },
  // closed
  { reason: "changed_mind", resolution: "refund", countries: ["DE"], steps: [...FULL, "close"] },
  {
    reason: "changed_mind",
    resolution: "refund",
    kind: "personalised",
    steps: ["reject", "close"],
    why: "Personalised item: not returnable",
  },
  // cancelled and expired
  { reason: "changed_mind", resolution: "refund", steps: ["cancel"], fresh: true, why: "Shopper decided to keep it" },
  { reason: "wrong_size", resolution: "refund", steps: ["approve", "cancel"], why: "Shopper found someone to give it to" },
  { reason: "changed_mind", resolution: "refund", steps: ["approve-short", "expire"] },
];
