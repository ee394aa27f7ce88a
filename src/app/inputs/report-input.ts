import { z } from "zod";
import { RATE_DIMENSIONS } from "../../domain/reports/report-figures.ts";
import { SURVEY_GROUPS } from "../reports/report-records.ts";
import { countryCode } from "./fields.ts";

/** The dashboard's query strings: `GET /api/v1/reports/…`. */

const MAX_DAYS = 731;
const DAY_MS = 86_400_000;

const day = z.iso
  .date("must be a date such as 2026-11-30")
  .refine((d) => d >= "2000-01-01" && d <= "2999-12-31", "must be between 2000-01-01 and 2999-12-31");
const format = z.enum(["json", "csv"]).default("json").describe("csv: text/csv with the same figures");

const filters = {
  market: countryCode.optional().describe("The order's shipping country"),
  vendor: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe("One marketplace vendor (a vendor account always sees its own only)"),
  format,
};

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The period's first and last day: `to` defaults to today, `from` to 89 days before `to`. */
export function periodOf(q: { from?: string | undefined; to?: string | undefined }, today: Date) {
  const to = q.to ?? iso(today);
  return { from: q.from ?? iso(new Date(Date.parse(`${to}T00:00:00Z`) - 89 * DAY_MS)), to };
}

const period = {
  from: day.optional().describe("First day of the period (UTC, included); default: 89 days before `to`"),
  to: day.optional().describe("Last day of the period (UTC, included); default: today"),
  ...filters,
};

/** A period backwards or too long is a 400 naming its field. */
const checkPeriod =
  (today: () => Date) =>
  (q: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) => {
    // zod runs this even when a date failed its own check: those are reported already.
    if (![q.from, q.to].every((d) => d === undefined || day.safeParse(d).success)) return;
    const p = periodOf(q, today());
    const days = (Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / DAY_MS;
    const field = q.to ? "to" : "from";
    if (days < 0)
      ctx.addIssue({ code: "custom", path: [field], message: "the period ends before it starts" });
    if (days >= MAX_DAYS)
      ctx.addIssue({ code: "custom", path: ["from"], message: `the period is at most ${MAX_DAYS} days` });
  };

export const rateDimension = z
  .enum(RATE_DIMENSIONS)
  .default("product")
  .describe("What the return rate is broken down by");

/** The period and the filters of a report (the clock gives today). */
export const reportQuery = (today: () => Date) => z.object(period).superRefine(checkPeriod(today));

/** The return-rate report's: the same and `by`. */
export const rateQuery = (today: () => Date) =>
  z.object({ ...period, by: rateDimension }).superRefine(checkPeriod(today));

/** The survey-score report's: the period and `by`. */
export const surveyScoreQuery = (today: () => Date) =>
  z
    .object({
      ...period,
      by: z.enum(SURVEY_GROUPS).default("market").describe("What answers are grouped by"),
    })
    .superRefine(checkPeriod(today));

export const atRiskQuery = z.object(filters);
