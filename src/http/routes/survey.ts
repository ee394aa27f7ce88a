import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { answerSurvey, openSurvey, surveyReport } from "../../app/notify/survey.ts";
import type { Deps } from "../../app/ports/index.ts";
import { surveyPageHtml } from "../../domain/notify/email/survey-page.ts";
import { COMMENT_MAX, SURVEY_DIMENSIONS } from "../../domain/notify/survey-results.ts";
import { merchantOf } from "../auth.ts";
import { refuseNul } from "../input-guard.ts";
import { boundedJsonParser } from "../json-body.ts";
import { sendProblem } from "../problem.ts";

const token = z.object({
  token: z
    .string()
    .max(96)
    .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, "not a survey link"),
});
const answer = z.object({
  score: z.coerce.number().int().min(1).max(5),
  comment: z.string().max(COMMENT_MAX).optional(),
});
const CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
const problem = (status: number, code: string, detail: string) => ({
  type: `https://crossback.dev/problems/${code}`,
  title: status === 404 ? "Not found" : "Already answered",
  status,
  code,
  detail,
});

/**
 * The survey the final e-mail links to (public: the signed token is the only credential).
 * GET shows the form; POST takes the answer as a form or as JSON (`{"score":1–5,"comment":…}`).
 */
export const surveyPublicRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    boundedJsonParser(app);
    app.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string", bodyLimit: 16_384 },
      (_req, body, done) =>
        done(
          null,
          Object.fromEntries(new URLSearchParams(typeof body === "string" ? body : body.toString())),
        ),
    );
    app.addHook("preValidation", refuseNul);
    const hidden = { schema: { hide: true } };
    app.get(
      "/survey/:token",
      {
        schema: {
          ...hidden.schema,
          params: token,
          querystring: z.object({ score: answer.shape.score.optional() }),
        },
      },
      async (req, reply) => {
        const open = await openSurvey(deps, req.params.token);
        if (!open) return sendProblem(reply, problem(404, "not_found", "This survey link is not valid."));
        const html = surveyPageHtml(open.language, {
          caseNumber: open.case.number,
          shopName: open.merchant.settings.branding?.displayName ?? open.merchant.name,
          action: `/survey/${req.params.token}`,
          state: open.answered ? "answered" : "form",
          ...(req.query.score ? { score: req.query.score } : {}),
        });
        return reply.header("content-security-policy", CSP).type("text/html; charset=utf-8").send(html);
      },
    );
    app.post(
      "/survey/:token",
      {
        schema: {
          tags: ["e-mail"],
          summary: "Answer the post-return survey (public; the token of the e-mail's link)",
          params: token,
          body: answer,
        },
      },
      async (req, reply) => {
        const json = req.headers["content-type"]?.startsWith("application/json") ?? false;
        const r = await answerSurvey(deps, req.params.token, req.body);
        if (!r.ok && r.error !== "already_answered")
          return sendProblem(reply, problem(404, "not_found", "This survey link is not valid."));
        const open = r.ok ? r.value : await openSurvey(deps, req.params.token);
        if (json || !open)
          return r.ok
            ? reply.code(201).send({ caseNumber: r.value.case.number, score: r.value.response.score })
            : sendProblem(reply, problem(409, "already_answered", "This return's survey has been answered."));
        const html = surveyPageHtml(open.language, {
          caseNumber: open.case.number,
          shopName: open.merchant.settings.branding?.displayName ?? open.merchant.name,
          action: `/survey/${req.params.token}`,
          state: r.ok ? "thanks" : "answered",
        });
        return reply
          .code(r.ok ? 200 : 409)
          .header("content-security-policy", CSP)
          .type("text/html; charset=utf-8")
          .send(html);
      },
    );
  };

/** GET /api/v1/surveys/results: CSAT per market, return reason or vendor. */
export const surveyResultRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/surveys/results",
      {
        schema: {
          tags: ["e-mail"],
          summary: "Post-return survey results (CSAT 1–5) per market, return reason or vendor",
          querystring: z.object({
            by: z.enum(SURVEY_DIMENSIONS).default("market"),
            from: z.iso.datetime({ offset: true }).optional(),
            to: z.iso.datetime({ offset: true }).optional(),
          }),
        },
      },
      async (req) => {
        const { by, from, to } = req.query;
        return surveyReport(deps, merchantOf(req), by, {
          ...(from ? { from: new Date(from) } : {}),
          ...(to ? { to: new Date(to) } : {}),
        });
      },
    );
  };
