/**
 * The zod schema of a statutory rule pack file (reference/statutory/*.json) and of an effective
 * pack (a pack merged over its parents). Rules themselves are in rule-schema.ts.
 */
import { z } from "zod";
import { type ExceptionAttribute, Rules } from "./rule-schema.ts";

export {
  ConfidenceSchema,
  DEFAULT_PACK_ID,
  EXCEPTION_ATTRIBUTES,
  type ExceptionAttribute,
  type RuleRef,
  Rules,
} from "./rule-schema.ts";

const exceptionsOf = <S extends z.ZodType>(schema: S) =>
  z.strictObject({
    personalised: schema.optional(),
    perishable: schema.optional(),
    sealedHygiene: schema.optional(),
    sealedMedia: schema.optional(),
    digital: schema.optional(),
    finalSale: schema.optional(),
  } satisfies Record<ExceptionAttribute, z.ZodOptional<S>>);
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
      ] as const) {
        need(w[k] !== undefined, `withdrawal.${k}`, "required when a withdrawal right exists");
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
