/**
 * Post-return survey: an answer (CSAT 1–5 and an optional comment, one per case) and the results
 * per market, return reason or vendor. Pure; the answers come with the case's facts at answer time.
 */
export const SURVEY_DIMENSIONS = ["market", "reason", "vendor"] as const;
export type SurveyDimension = (typeof SURVEY_DIMENSIONS)[number];

export const COMMENT_MAX = 2000;

export interface SurveyAnswer {
  readonly score: number;
  /** The market of the order's shipping country (its code), null when none covers it. */
  readonly market: string | null;
  readonly vendor: string | null;
  /** The distinct return reasons of the case's lines. */
  readonly reasons: readonly string[];
}

export interface ScoreSummary {
  readonly responses: number;
  /** Mean score to two decimals (null without answers). */
  readonly average: number | null;
  /** Answers of 4 or 5 as a share of all, in percent to one decimal (the usual CSAT figure). */
  readonly csat: number | null;
  /** How many answered 1, 2, 3, 4, 5. */
  readonly distribution: readonly [number, number, number, number, number];
}

export const isScore = (n: unknown): n is number => Number.isInteger(n) && Number(n) >= 1 && Number(n) <= 5;

export function summarise(scores: readonly number[]): ScoreSummary {
  const d: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const s of scores) if (isScore(s)) d[s - 1] = (d[s - 1] ?? 0) + 1;
  const n = d.reduce((a, b) => a + b, 0);
  const total = d.reduce((a, b, i) => a + b * (i + 1), 0);
  return {
    responses: n,
    average: n ? Math.round((total * 100) / n) / 100 : null,
    csat: n ? Math.round(((d[3] + d[4]) * 1000) / n) / 10 : null,
    distribution: d,
  };
}

/** One group's key: the market code, reason or vendor; "(none)" where the case has none. */
export const NONE = "(none)";

function keysOf(a: SurveyAnswer, by: SurveyDimension): readonly string[] {
  if (by === "market") return [a.market ?? NONE];
  if (by === "vendor") return [a.vendor ?? NONE];
  return a.reasons.length ? a.reasons : [NONE];
}

/** The overall summary and one per group (a case with several reasons counts in each), biggest first. */
export function surveyResults(
  answers: readonly SurveyAnswer[],
  by: SurveyDimension,
): { overall: ScoreSummary; groups: ({ key: string } & ScoreSummary)[] } {
  const groups = new Map<string, number[]>();
  for (const a of answers)
    for (const k of keysOf(a, by)) {
      const list = groups.get(k) ?? [];
      list.push(a.score);
      groups.set(k, list);
    }
  return {
    overall: summarise(answers.map((a) => a.score)),
    groups: [...groups]
      .map(([key, scores]) => ({ key, ...summarise(scores) }))
      .sort((a, b) => b.responses - a.responses || a.key.localeCompare(b.key)),
  };
}
