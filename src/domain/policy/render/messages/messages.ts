/**
 * The sentences of the rendered return policy, one table per language. A table is a `Messages`
 * value, so a missing key is a compile error. Numbers and amounts arrive already formatted for the
 * locale; each language owns its grammar (plurals, cases, word order) through the functions.
 */
import type { Resolution, ReturnReason } from "../../../return-reasons.ts";
import type { ProductFlag, RefundTrigger } from "../../return-policy.ts";

export const SECTION_IDS = [
  "window",
  "non_returnable",
  "how_to_return",
  "refunds",
  "statutory_rights",
  "legal_guarantee",
  "cancellation",
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export type DayKind = "calendar" | "business";
export type PeriodStart = "order_fully_delivered" | "line_delivered" | "purchase";
export type CountFrom = "day_after_event" | "event_day";
export type NotInformedKind = "months_after_normal_end" | "months_after_start" | "days_after_start";
export const WITHDRAWAL_COSTS = ["customer", "customer_if_informed", "merchant"] as const;
export type WithdrawalCost = (typeof WITHDRAWAL_COSTS)[number];
export type OfferedResolution = Exclude<Resolution, "keep_it">;

/** What a statutory refund deadline runs from (the packs' free-form triggers, grouped). */
export const STATUTORY_TRIGGERS = [
  "notice_received",
  "withdrawal",
  "goods_received",
  "goods_or_proof",
  "carrier",
  "agreed",
  "demand",
  "other",
] as const;
export type StatutoryTrigger = (typeof STATUTORY_TRIGGERS)[number];

/** Legal-guarantee remedies named by the packs ("other" for one a pack adds later). */
export const REMEDIES = [
  "consumer_choice",
  "provincial_law_remedies",
  "refund",
  "refund_or_replacement",
  "refund_or_replacement_if_major_failure",
  "repair_first",
  "repair_or_replace_first",
  "repair_replace_or_refund",
  "repair_within_30_days_then_consumer_choice",
  "replace_or_repair",
  "replacement_or_refund_plus_20pct_bonus",
  "rescission_or_price_reduction",
  "state_law_remedies",
  "unspecified",
  "other",
] as const;
export type Remedy = (typeof REMEDIES)[number];

/** Withdrawal conditions the packs name (by key); another key falls back to the pack's English text. */
export const CONDITION_KEYS = ["intact", "marketable_condition", "original_package", "unused"] as const;
export type ConditionKey = (typeof CONDITION_KEYS)[number];

/** The sentences of the statutory sections (also used for the statutory refund rules under "refunds"). */
export interface LawMessages {
  // statutory_rights
  readonly noPolicy: string;
  readonly applicableLaw: (place: string) => string;
  readonly noRight: string;
  readonly noNationalRight: string;
  readonly changeOfMindByPolicy: string;
  readonly rightAlways: (period: string) => string;
  readonly rightIfNoPolicy: (period: string) => string;
  readonly rightIfNotDisclosed: (period: string) => string;
  readonly defaultReplaced: string;
  readonly defaultApplies: string;
  readonly periodStart: (start: PeriodStart, countFrom: CountFrom) => string;
  readonly beforeStart: string;
  readonly rollForward: (enabled: boolean) => string;
  readonly metBy: Readonly<Record<"dispatch" | "arrival", string>>;
  readonly notInformed: (kind: NotInformedKind, duration: string) => string;
  readonly notInformedNotStarted: string;
  readonly lateInformation: (period: string) => string;
  readonly sendBackWithin: (period: string) => string;
  readonly withdrawalReturnCost: Readonly<Record<WithdrawalCost, string>>;
  readonly triggers: Readonly<Record<StatutoryTrigger, string>>;
  /** `period` null: the refund is due immediately after the trigger. */
  readonly withdrawalRefund: (period: string | null, trigger: string) => string;
  readonly noRefundDeadline: string;
  readonly outbound: (kind: "cheapest_standard" | "full", wholeOrderOnly: boolean) => string;
  readonly withhold: string;
  readonly lawExcludes: (list: string) => string;
  readonly sealedOnly: (list: string) => string;
  readonly conditions: Readonly<Record<ConditionKey, string>>;

  // legal_guarantee
  /** `duration` null: the law sets no fixed period. */
  readonly guaranteePeriod: (duration: string | null) => string;
  readonly shortTermReject: (duration: string) => string;
  readonly shortTermOther: (duration: string) => string;
  readonly remedies: Readonly<Record<Remedy, string>>;
  readonly guaranteeReturnCost: Readonly<Record<"customer" | "merchant", string>>;
  readonly guaranteeRefund: (period: string | null, trigger: string) => string;
}

export interface Messages extends LawMessages {
  readonly titles: Readonly<Record<SectionId, string>>;
  /** Appended to a statutory sentence whose weakest rule is not verified. */
  readonly marker: Readonly<Record<"secondary" | "unverified", string>>;
  readonly days: (n: number, kind: DayKind) => string;
  readonly months: (n: number) => string;
  readonly years: (n: number) => string;
  readonly hours: (n: number) => string;

  // window
  readonly window: (days: string, from: "delivery" | "shipment" | "order") => string;
  readonly noWindow: string;
  readonly holiday: (from: string, to: string, returnBy: string) => string;
  readonly statutoryLonger: (period: string) => string;
  readonly statutoryAlso: (period: string) => string;

  // non_returnable
  readonly flags: Readonly<Record<ProductFlag, string>>;
  readonly nothingExcluded: string;
  readonly excludedFlags: (list: string) => string;
  readonly excludedCategories: (list: string) => string;
  readonly excludedSkus: (list: string) => string;
  readonly moreSkus: (n: number) => string;
  readonly lawAlsoExcludes: (list: string) => string;
  readonly lawSealedOnly: (list: string) => string;
  readonly lawOverrides: (list: string, period: string) => string;
  readonly lawOverridesListed: (period: string) => string;
  readonly lawMayOverride: string;
  readonly faultyAlwaysCovered: string;

  // how_to_return
  readonly shipBy: (days: string) => string;
  readonly review: string;
  readonly shippingFree: string;
  readonly shippingFee: (fee: string) => string;
  readonly shippingPaidByYou: string;
  readonly shippingFreeAbove: (amount: string) => string;
  readonly reasons: Readonly<Record<ReturnReason, string>>;
  readonly reasonsAccepted: (list: string) => string;
  readonly reasonNotNeeded: string;
  readonly photos: (list: string) => string;

  // refunds
  readonly resolutions: Readonly<Record<OfferedResolution, string>>;
  readonly resolutionsOffered: (list: string) => string;
  readonly storeCreditBonus: (percent: string) => string;
  readonly keepItBelow: (amount: string) => string;
  readonly restockingPercent: (percent: string) => string;
  readonly restockingFixed: (amount: string) => string;
  readonly restockingExempt: (withdrawal: boolean) => string;
  readonly refundTrigger: Readonly<Record<RefundTrigger, string>>;

  // cancellation: goods before shipment, bookings by notice before their start
  readonly cancelFull: string;
  readonly cancelNone: string;
  readonly cancelPart: (percent: string) => string;
  readonly cancelBefore: (refund: string, time: string) => string;
  readonly cancelLater: (refund: string) => string;
  readonly cancelAnytime: (refund: string) => string;
  readonly cancelGoods: string;
}
