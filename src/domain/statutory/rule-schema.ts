/**
 * The zod schemas of single rules in a statutory rule pack. Every rule carries ruleId, citation
 * (statute and article), an optional source url and note, and a confidence tag from the facts
 * pack ([V] verified, [S] secondary, [U] unverified).
 */
import { z } from "zod";

/** The pack used for a country no other pack names. */
export const DEFAULT_PACK_ID = "DEFAULT";

export const ConfidenceSchema = z.enum(["verified", "secondary", "unverified"]);

const RULE_BASE = {
  ruleId: z.string().regex(/^[a-z0-9_-]+(\.[a-z0-9_-]+)+$/, "ruleId must be dotted lower-case"),
  citation: z.string().min(3),
  url: z.url().nullable().optional(),
  confidence: ConfidenceSchema,
  note: z.string().min(1).optional(),
};

const DayKind = z.enum(["calendar", "business"]);
const MetBy = z.enum(["dispatch", "arrival"]).nullable();
const Outbound = z.enum(["none", "cheapest_standard", "full"]);
const Days = z.number().int().min(0).max(3660);
const Weekday = z.number().int().min(0).max(6);

/** A rule as it must be once merged, and as a pack file may give it (partial over its parent's). */
function rule<T extends z.ZodRawShape>(shape: T) {
  return {
    full: z.strictObject({ ...RULE_BASE, ...shape }),
    file: z.strictObject({ ...RULE_BASE, ...z.object(shape).partial().shape }),
  };
}

export const Rules = {
  nonWorkingDays: rule({ weekendDays: z.array(Weekday).max(3), publicHolidays: z.boolean() }),
  right: rule({ availability: z.enum(["always", "none", "if_no_policy_posted", "if_terms_not_disclosed"]) }),
  period: rule({
    days: Days.min(1),
    dayKind: DayKind,
    start: z.enum(["order_fully_delivered", "line_delivered", "purchase"]),
    countFrom: z.enum(["day_after_event", "event_day"]),
  }),
  beforeStart: rule({ allowed: z.boolean() }),
  rollForward: rule({ enabled: z.boolean() }),
  notInformed: rule({
    kind: z.enum([
      "none",
      "months_after_normal_end",
      "months_after_start",
      "days_after_start",
      "period_not_started",
    ]),
    amount: Days.nullable(),
    lateInformationDays: Days.nullable(),
  }),
  deadlineMetBy: rule({ metBy: MetBy }),
  returnCost: rule({ paidBy: z.enum(["customer", "merchant", "customer_if_informed"]) }),
  refund: rule({
    includesOutboundShipping: Outbound,
    outboundOnlyIfWholeOrder: z.boolean(),
    deadlineDays: Days.nullable(),
    deadlineDayKind: DayKind.nullable(),
    deadlineTrigger: z.string().min(1).nullable(),
    mayWithholdUntilGoodsOrProof: z.boolean(),
  }),
  consumerReturn: rule({ days: Days.nullable(), trigger: z.string().min(1).nullable(), metBy: MetBy }),
  exception: rule({ effect: z.enum(["blocks", "must_be_sealed"]), message: z.string().min(3) }),
  condition: rule({ message: z.string().min(3) }),
  guaranteePeriod: rule({ kind: z.enum(["months", "days", "no_fixed_period"]), amount: Days.nullable() }),
  shortTermReject: rule({ amount: Days.min(1), unit: z.enum(["days", "months"]), remedy: z.string().min(1) }),
  remedy: rule({ remedy: z.string().min(1) }),
  guaranteeReturnCost: rule({ paidBy: z.enum(["customer", "merchant"]) }),
};

/** Product attributes (src/domain/order.ts ProductAttributes) that a withdrawal exception can name. */
export const EXCEPTION_ATTRIBUTES = [
  "personalised",
  "perishable",
  "sealedHygiene",
  "sealedMedia",
  "digital",
  "finalSale",
] as const;
export type ExceptionAttribute = (typeof EXCEPTION_ATTRIBUTES)[number];

/** The fields every rule has. */
export interface RuleRef {
  readonly ruleId: string;
  readonly citation: string;
  readonly url?: string | null | undefined;
  readonly confidence: z.infer<typeof ConfidenceSchema>;
  readonly note?: string | undefined;
}
