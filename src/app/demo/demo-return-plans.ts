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
  /** For `kind: "vendor"`: which vendor's goods. */
  readonly vendor?: string;
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
type Extra = Omit<ReturnPlan, "reason" | "resolution" | "steps">;
const plan = (
  reason: ReturnReason,
  resolution: Resolution,
  steps: readonly Step[],
  extra: Extra = {},
): ReturnPlan => ({
  reason,
  resolution,
  steps,
  ...extra,
});

export const RETURN_PLANS: readonly ReturnPlan[] = [
  // requested: waiting for a decision
  plan("wrong_size", "refund", [], {
    countries: ["GB"],
    fresh: true,
    comment: "Runs small, I need one size up",
  }),
  plan("changed_mind", "store_credit", [], { countries: ["JP"], fresh: true }),
  plan("not_as_described", "refund", [], {
    countries: ["US"],
    fresh: true,
    comment: "Much darker than in the photos",
  }),
  // needs_review
  plan("damaged_in_transit", "keep_it", ["review"], {
    kind: "perishable",
    fresh: true,
    comment: "The chocolate arrived melted",
    why: "Perishable goods: check the shopper's photos before refunding",
  }),
  plan("changed_mind", "refund", ["review"], {
    kind: "sealedHygiene",
    fresh: true,
    comment: "Never opened, the seal is intact",
    why: "Hygiene-sealed item: returnable only if the seal is unbroken",
  }),
  // approved, nothing has to come back
  plan("damaged_in_transit", "keep_it", ["approve"], { fresh: true, comment: "The box was crushed" }),
  plan("wrong_item", "keep_it", ["review", "approve"], { countries: ["AU", "KR", "BR"] }),
  // rejected
  plan("changed_mind", "refund", ["reject"], {
    kind: "personalised",
    why: "Engraved items are made to order and excluded from change-of-mind returns",
  }),
  plan("no_longer_needed", "refund", ["reject"], {
    kind: "finalSale",
    why: "Archive-sale items are final sale",
  }),
  // awaiting_shipment
  plan("no_longer_needed", "refund", ["approve-one"], { units: 2, fresh: true, why: "One unit was used" }),
  plan("defective", "refund", ["approve"], {
    kind: "vendor",
    vendor: "kyoto-ceramics",
    fresh: true,
    comment: "Hairline crack in the glaze",
  }),
  plan("wrong_size", "exchange", ["approve"], { countries: ["DE", "NL"], fresh: true }),
  // in_transit
  plan("wrong_size", "refund", ["approve", "ship"], { countries: ["GB"], fresh: true }),
  plan("changed_mind", "refund", ["approve", "ship"], { countries: ["US"], fresh: true }),
  plan("not_as_described", "refund", ["approve", "ship"], { countries: ["AU"], fresh: true }),
  // received, partially
  plan("wrong_size", "refund", ["approve", "ship", "receive-part"], { units: 2 }),
  plan("changed_mind", "store_credit", ["approve", "ship", "receive-part"], { lines: 2 }),
  // inspected: accepted, and refused
  plan("changed_mind", "refund", ["approve", "ship", "receive", "inspect"]),
  plan("wrong_size", "refund", ["approve", "ship", "receive", "inspect-refuse"], {
    comment: "Tried on once",
  }),
  // resolved
  plan("defective", "refund", FULL, { mixedTender: true, comment: "Zip broke after two days" }),
  plan("changed_mind", "refund", FULL, { countries: ["BR", "MX"] }),
  plan("changed_mind", "refund", FULL, { countries: ["US"] }),
  plan("damaged_in_transit", "keep_it", ["approve", "resolve"], { comment: "Scuffed in transit" }),
  plan("changed_mind", "store_credit", FULL, { countries: ["FR"] }),
  plan("no_longer_needed", "store_credit", FULL, { countries: ["JP", "KR"] }),
  plan("wrong_size", "exchange", FULL),
  plan("not_as_described", "refund", FULL, { kind: "vendor", vendor: "alpine-outfitters" }),
  // closed
  plan("changed_mind", "refund", [...FULL, "close"], { countries: ["DE"] }),
  plan("changed_mind", "refund", ["reject", "close"], {
    kind: "personalised",
    why: "Personalised item: not returnable",
  }),
  // cancelled and expired
  plan("changed_mind", "refund", ["cancel"], { fresh: true, why: "Shopper decided to keep it" }),
  plan("wrong_size", "refund", ["approve", "cancel"], { why: "Shopper found someone to give it to" }),
  plan("changed_mind", "refund", ["approve-short", "expire"]),
];
