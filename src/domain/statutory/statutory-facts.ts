/**
 * What the statutory evaluator needs to know about one order line, and what it says back.
 * One judgement per legal track; a later step adds the merchant's policy and picks the best.
 */
import type { LocalDate } from "../calendar/local-date.ts";
import type { ProductAttributes } from "../order.ts";
import type { ReturnReason } from "../return-reasons.ts";

export type Track = "statutory_withdrawal" | "merchant_policy" | "legal_guarantee";
export type Confidence = "verified" | "secondary" | "unverified";

export interface StatutoryLineFacts {
  /** ISO 3166-1 alpha-2 of the shipping address. */
  country: string;
  /** ISO 3166-2 subdivision without the country prefix ("CA", "QC", "BY"). */
  region: string | null;
  /** The customer's IANA zone; null (or unknown to the runtime) → the country's main zone. */
  timeZone: string | null;
  /** Order placed (contract concluded). */
  placedAt: Date;
  /** Last delivery of this line's units (null: not delivered yet). */
  lineDeliveredAt: Date | null;
  /** Delivery of the last item of the whole order (null if some item is not delivered yet). */
  orderFullyDeliveredAt: Date | null;
  /**
   * A fact of the order: the shop showed the shopper its return terms (and the legally required
   * withdrawal information) before the sale. Decides the default rights of JP, US-CA and US-NY
   * (`if_no_policy_posted`) and the cancellation rights of `if_terms_not_disclosed` packs.
   */
  returnTermsDisclosed: boolean;
  /**
   * An active merchant policy in Crossback covers the shopper's market. It may be the terms that
   * were shown, but only the order says whether they were: this fact is named in explanations and
   * never decides a right.
   */
  merchantPolicyCovers: boolean;
  product: ProductAttributes | null;
  reason: ReturnReason;
  /** Every line of the order is being withdrawn (EU outbound shipping refund). */
  wholeOrderReturned: boolean;
  /** The moment being judged. */
  at: Date;
  /**
   * When the missing withdrawal information was given after the sale (EU Art. 10(2): the period
   * then ends 14 days after it was received). Omitted/null: never given.
   */
  withdrawalInfoGivenAt?: Date | null;
}

export interface RuleCitation {
  readonly ruleId: string;
  readonly citation: string;
  readonly url: string | null;
  readonly confidence: Confidence;
}

export interface RuleMessage {
  readonly ruleId: string;
  readonly message: string;
}

export interface RefundTerms {
  includesOutboundShipping: "none" | "cheapest_standard" | "full";
  deadlineDays: number | null;
  deadlineDayKind: "calendar" | "business" | null;
  deadlineTrigger: string | null;
  mayWithholdUntilGoodsOrProof: boolean;
}

export interface TrackJudgement {
  track: Track;
  eligible: boolean;
  /** YYYY-MM-DD local date (last day the shopper may act); null if no deadline applies or no right. */
  returnBy: string | null;
  /** The rule the track rests on (the period, or the rule denying the right). */
  ruleId: string;
  citation: string;
  /** The weakest confidence among the rules that decided eligibility and returnBy. */
  confidence: Confidence;
  blockedBy: RuleMessage[];
  /** What the shopper must satisfy, e.g. "must be returned sealed". */
  conditions: RuleMessage[];
  returnShippingPaidBy: "customer" | "merchant";
  refund: RefundTerms | null;
  /** legal_guarantee: "refund" | "repair_or_replace_first" | …; null on the withdrawal track. */
  remedy: string | null;
  /** English sentence. */
  explanation: string;
  deadlineMetBy: "dispatch" | "arrival" | null;
  /** Pack id actually applied, e.g. "DE", "US-CA". */
  jurisdiction: string;
  /** Source URL of the rule in `ruleId`, when the pack has one. */
  sourceUrl: string | null;
  /** Every rule that shaped this judgement, each with its own confidence. */
  rulesApplied: RuleCitation[];
  /** Caveats worth showing (no fixed period, approximations, unverified facts). */
  notes: RuleMessage[];
  /** Local date of the event the period runs from (delivery, purchase); null if it has not happened. */
  periodStartsOn: LocalDate | null;
  /** legal_guarantee: last day of the whole guarantee (null: no fixed period, or not this track). */
  guaranteeEndsOn: LocalDate | null;
  /** The IANA zone the local dates are in. */
  timeZone: string;
}
