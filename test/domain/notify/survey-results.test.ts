import { describe, expect, it } from "vitest";
import { type SurveyAnswer, summarise, surveyResults } from "../../../src/domain/notify/survey-results.ts";

const a = (score: number, market: string | null, vendor: string | null, reasons: string[]): SurveyAnswer => ({
  score,
  market,
  vendor,
  reasons,
});

describe("survey results", () => {
  it("summarises scores: mean, CSAT (share of 4 and 5), distribution", () => {
    expect(summarise([5, 4, 1])).toEqual({
      responses: 3,
      average: 3.33,
      csat: 66.7,
      distribution: [1, 0, 0, 1, 1],
    });
    expect(summarise([])).toEqual({ responses: 0, average: null, csat: null, distribution: [0, 0, 0, 0, 0] });
  });

  it("groups per market, vendor and reason (a case with two reasons counts in both)", () => {
    const answers = [a(5, "dach", "north", ["wrong_size"]), a(2, null, "north", ["damaged", "wrong_size"])];
    const keys = (by: "market" | "vendor" | "reason") =>
      surveyResults(answers, by).groups.map((g) => [g.key, g.responses, g.average]);
    expect(keys("market")).toEqual([
      ["(none)", 1, 2],
      ["dach", 1, 5],
    ]);
    expect(keys("vendor")).toEqual([["north", 2, 3.5]]);
    expect(keys("reason")).toEqual([
      ["wrong_size", 2, 3.5],
      ["damaged", 1, 2],
    ]);
  });
});
