import type { Locale } from "../../domain/locales.ts";
import {
  COMMENT_MAX,
  isScore,
  type SurveyDimension,
  surveyResults,
} from "../../domain/notify/survey-results.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import type { ReturnCase } from "../../domain/return-case.ts";
import type { Deps, Merchant } from "../ports/index.ts";
import { shopperLanguage } from "./email-send.ts";
import type { SurveyResponse } from "./mail-records.ts";
import { existingSurveyKey, signSurvey, surveyKey, verifySurvey } from "./survey-token.ts";

export const DEFAULT_PUBLIC_URL = "http://127.0.0.1:3000";

/** The survey link of a case (CROSSBACK_PUBLIC_URL, else the local address). */
export async function surveyUrlFor(deps: Deps, merchantId: string, caseId: string): Promise<string> {
  const base = (deps.notify?.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, "");
  return `${base}/survey/${signSurvey({ merchantId, caseId }, await surveyKey(deps))}`;
}

export interface OpenSurvey {
  readonly merchant: Merchant;
  readonly case: ReturnCase;
  readonly language: Locale;
  readonly answered: SurveyResponse | null;
}

/** The case a survey token names (null: forged, malformed, or the case is gone). */
export async function openSurvey(deps: Deps, token: string): Promise<OpenSurvey | null> {
  const key = await existingSurveyKey(deps);
  const t = key ? verifySurvey(token, key) : null;
  if (!t) return null;
  const merchant = await deps.store.read.merchants.byId(t.merchantId);
  const c = merchant ? await deps.store.read.cases.load(t.merchantId, t.caseId) : null;
  if (!merchant || !c) return null;
  const customer = await deps.store.read.customers.get(merchant.id, c.customerId);
  const language = shopperLanguage(c, customer?.locale ?? null, merchant);
  return { merchant, case: c, language, answered: await deps.store.read.surveys.get(merchant.id, c.id) };
}

export type SurveyRefusal = "invalid_token" | "already_answered" | "invalid_answer";

/** Records the one answer of a case, with the market, vendor and reasons it is reported under. */
export async function answerSurvey(
  deps: Deps,
  token: string,
  answer: { score: number; comment?: string | null },
): Promise<Result<OpenSurvey & { response: SurveyResponse }, SurveyRefusal>> {
  const open = await openSurvey(deps, token);
  if (!open) return err("invalid_token");
  const comment = answer.comment?.trim() || null;
  if (!isScore(answer.score) || (comment && comment.length > COMMENT_MAX)) return err("invalid_answer");
  if (open.answered) return err("already_answered");
  const c = open.case;
  const order = await deps.store.read.orders.getById(c.merchantId, c.orderId);
  const country = order?.shippingAddress.country ?? null;
  const markets = await deps.store.read.setup.markets(c.merchantId);
  const response: SurveyResponse = {
    caseId: c.id,
    merchantId: c.merchantId,
    score: answer.score,
    comment,
    market: markets.find((m) => country !== null && m.countries.includes(country))?.code ?? null,
    vendor: c.vendor,
    reasons: [...new Set(c.lines.map((l) => l.reason))].sort(),
    createdAt: deps.clock.now(),
  };
  const saved = await deps.store.transaction(async (r) => {
    if (!(await r.surveys.insert(response))) return false;
    await r.reports.recount(c.merchantId, c.id, response.createdAt); // counted in the survey rollup
    return true;
  });
  if (!saved) return err("already_answered");
  return ok({ ...open, response });
}

/** The merchant's survey results, per market, reason or vendor (answers between from and to). */
export async function surveyReport(
  deps: Deps,
  merchantId: string,
  by: SurveyDimension,
  q: { from?: Date; to?: Date },
) {
  const answers = await deps.store.read.surveys.list(merchantId, q);
  return { by, ...surveyResults(answers, by) };
}
