/**
 * The zod schema of a statutory rule pack (reference/statutory/*.json) and of an effective pack
 * (a pack merged over its parents). Every rule carries ruleId, citation and confidence.
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

const exceptionsOf = <S extends z.ZodType>(schema: S) =>
  z.strictObject(
    Object.fromEntries(EXCEPTION_ATTRIBUTES.map((a) => [a, schema.optional()])) as Record<
      ExceptionAttribute,
      z.ZodOptional<S>
    >,
  );
const conditionsOf = <S extends z.ZodType>(schema: S) => z.record(z.string().regex(/^[a-z_]+$/), schema);

/** Sections of a pack file: every rule optional and partial (merged over the parent's). */
const FILE_SECTIONS = {
  calendar: z.strictObject({ nonWorkingDays: Rules.nonWorkingDays.file.optional() }).optional(),
  withdrawal: z.strictObject({
    right: Rules.right.file.optional(),
    period: Rules.period.file.optional(),
    beforeStart: Rules.beforeStart.file.optional(),
    rollForward: Rules.rollForward.file.optional(),
    notInformed: Rules.notInformed.file.optional(),
    deadlineMetBy: Rules.deadlineMetBy.file.optional(),
    returnCost: Rules.returnCost.file.optional(),
    refund: Rules.refund.file.optional(),
    consumerReturn: Rules.consumerReturn.file.optional(),
    exceptions: exceptionsOf(Rules.exception.file).optional(),
    conditions: conditionsOf(Rules.condition.file).optional(),
  }),
  guarantee: z.strictObject({
    period: Rules.guaranteePeriod.file.optional(),
    shortTermReject: Rules.shortTermReject.file.optional(),
    remedy: Rules.remedy.file.optional(),
    returnCost: Rules.guaranteeReturnCost.file.optional(),
    refund: Rules.refund.file.optional(),
  }),
};

/** Sections of an effective pack: complete rules; the withdrawal details exist when a right does. */
const FULL_SECTIONS = {
  calendar: z.strictObject({ nonWorkingDays: Rules.nonWorkingDays.full.optional() }),
  withdrawal: z.strictObject({
    right: Rules.right.full,
    period: Rules.period.full.optional(),
    beforeStart: Rules.beforeStart.full.optional(),
    rollForward: Rules.rollForward.full.optional(),
    notInformed: Rules.notInformed.full.optional(),
    deadlineMetBy: Rules.deadlineMetBy.full.optional(),
    returnCost: Rules.returnCost.full.optional(),
    refund: Rules.refund.full.optional(),
    consumerReturn: Rules.consumerReturn.full.optional(),
    exceptions: exceptionsOf(Rules.exception.full),
    conditions: conditionsOf(Rules.condition.full),
  }),
  guarantee: z.strictObject({
    period: Rules.guaranteePeriod.full,
    shortTermReject: Rules.shortTermReject.full.optional(),
    remedy: Rules.remedy.full,
    returnCost: Rules.guaranteeReturnCost.full,
    refund: Rules.refund.full.optional(),
  }),
};

const PACK_ID = z.string().regex(/^[A-Z]{2,7}(-[A-Z0-9]{1,3})?$/);

/** One JSON file in reference/statutory/. */
export const PackFileSchema = z.strictObject({
  id: PACK_ID,
  name: z.string().min(2),
  parent: PACK_ID.nullable(),
  appliesTo: z.array(z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/)),
  notes: z.array(z.string().min(3)),
  ...FILE_SECTIONS,
});
export type PackFile = z.infer<typeof PackFileSchema>;

/** A pack merged over its parent chain: what the evaluator uses. */
export const EffectivePackSchema = z
  .strictObject({
    id: PACK_ID,
    name: z.string().min(2),
    chain: z.array(PACK_ID).min(1),
    appliesTo: z.array(z.string()),
    notes: z.array(z.string()),
    ...FULL_SECTIONS,
  })
  .superRefine((p, ctx) => {
    const w = p.withdrawal;
    const need = (cond: boolean, path: string, message: string) => {
      if (!cond) ctx.addIssue({ code: "custom", path: path.split("."), message });
    };
    if (w.right.availability !== "none") {
      for (const k of [
        "period",
        "beforeStart",
        "rollForward",
        "notInformed",
        "deadlineMetBy",
        "returnCost",
        "refund",
      ]) {
        need(
          w[k as keyof typeof w] !== undefined,
          `withdrawal.${k}`,
          "required when a withdrawal right exists",
        );
      }
    }
    const needsCalendar =
      w.rollForward?.enabled === true ||
      w.period?.dayKind === "business" ||
      w.refund?.deadlineDayKind === "business";
    need(!needsCalendar || p.calendar.nonWorkingDays !== undefined, "calendar.nonWorkingDays", "required");
    for (const r of [w.refund, p.guarantee.refund]) {
      if (r)
        need(
          (r.deadlineDays === null) === (r.deadlineDayKind === null),
          "refund",
          "days and day kind go together",
        );
    }
    const g = p.guarantee.period;
    need(
      (g.kind === "no_fixed_period") === (g.amount === null),
      "guarantee.period.amount",
      "amount iff fixed",
    );
  });
export type EffectivePack = z.infer<typeof EffectivePackSchema>;

/** The fields every rule has. */
export interface RuleRef {
  readonly ruleId: string;
  readonly citation: string;
  readonly url?: string | null | undefined;
  readonly confidence: z.infer<typeof ConfidenceSchema>;
  readonly note?: string | undefined;
}
