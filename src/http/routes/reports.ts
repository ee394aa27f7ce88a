import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  atRiskQuery,
  periodOf,
  rateQuery,
  refundQuery,
  reportQuery,
  surveyScoreQuery,
} from "../../app/inputs/report-input.ts";
import type { Deps } from "../../app/ports/index.ts";
import {
  atRiskReport,
  costReport,
  processingTimeReport,
  refundReport,
  reportScope,
  returnRateReport,
  surveyScoreReport,
} from "../../app/reports/dashboard.ts";
import { merchantOf, ownVendorOf } from "../auth.ts";
import {
  atRiskCsv,
  costCsv,
  presentAtRisk,
  presentCost,
  presentRefundTotal,
  rateCsv,
  refundCsv,
  stepCsv,
  surveyCsv,
} from "../present-reports.ts";

const csv = (reply: FastifyReply, name: string, body: string) =>
  reply
    .type("text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${name}.csv"`)
    .send(body);

/** Every change made before this time is in the figures (also `asOf` in JSON answers). */
const AS_OF_HEADER = "crossback-figures-as-of";

const FRESHNESS =
  " `asOf` (and the `Crossback-Figures-As-Of` header): every change made before that time is counted. A few uncounted changes are counted before answering; a larger backlog is left to the rollup job and the figures are served as they are.";

const tags = ["reports"];

/**
 * The managers' dashboard: GET /api/v1/reports/… (JSON, or CSV with `format=csv`). Figures stay within
 * the merchant; a vendor account's within its vendor.
 */
export const reportRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const today = () => deps.clock.now();
    const period = reportQuery(today);
    const scopeOf = (req: Parameters<typeof merchantOf>[0], q: Parameters<typeof periodOf>[0]) =>
      reportScope(merchantOf(req), { ...q, ...periodOf(q, today()) }, ownVendorOf(req));

    app.get(
      "/reports/return-rates",
      {
        schema: {
          tags,
          summary: "Return rate by product, category, market, vendor or reason",
          description: `Units of orders placed in the period against the units asked back (requested − rejected; cancelled and expired cases not counted). For \`reason\` each row's denominator is every unit ordered.${FRESHNESS}`,
          querystring: rateQuery(today),
        },
      },
      async (req, reply) => {
        const r = await returnRateReport(deps, scopeOf(req, req.query), req.query.by);
        reply.header(AS_OF_HEADER, r.asOf);
        return req.query.format === "csv" ? csv(reply, `return-rates-${r.by}`, rateCsv(r)) : r;
      },
    );

    app.get(
      "/reports/refunds",
      {
        schema: {
          tags,
          summary: "Refund totals per currency and method (never summed across currencies)",
          description:
            "Refund settlements created in the period: refunded (succeeded) and in progress; failed, cancelled and reversed ones and payment requests are left out. " +
            "`by=vendor`: per liable vendor too (the case's vendor; `vendor: null` for the merchant's own goods) — the marketplace's report by vendor." +
            FRESHNESS,
          querystring: refundQuery(today),
        },
      },
      async (req, reply) => {
        const byVendor = req.query.by === "vendor";
        const { totals, asOf } = await refundReport(deps, scopeOf(req, req.query), req.query.by);
        reply.header(AS_OF_HEADER, asOf);
        if (req.query.format === "csv")
          return csv(reply, byVendor ? "refunds-by-vendor" : "refunds", refundCsv(totals, byVendor));
        return { by: req.query.by, totals: totals.map(presentRefundTotal), asOf };
      },
    );

    app.get(
      "/reports/processing-times",
      {
        schema: {
          tags,
          summary: "Processing time per step (p50, p90) of cases opened in the period",
          description: `Steps: approval (created→approved), shipping (→shipped), transit (→received), inspection (→inspected), refund (→first refund issued), total (created→refunded). Seconds.${FRESHNESS}`,
          querystring: period,
        },
      },
      async (req, reply) => {
        const r = await processingTimeReport(deps, scopeOf(req, req.query));
        reply.header(AS_OF_HEADER, r.asOf);
        return req.query.format === "csv" ? csv(reply, "processing-times", stepCsv(r.steps)) : r;
      },
    );

    app.get(
      "/reports/costs",
      {
        schema: {
          tags,
          summary: "Cost of returns: return labels paid, per currency and carrier",
          description: `Return labels bought in the period (voided, expired and failed ones left out), in each currency; refunds are in /reports/refunds.${FRESHNESS}`,
          querystring: period,
        },
      },
      async (req, reply) => {
        const { totals, asOf } = await costReport(deps, scopeOf(req, req.query));
        reply.header(AS_OF_HEADER, asOf);
        if (req.query.format === "csv") return csv(reply, "costs", costCsv(totals));
        return { totals: totals.map(presentCost), asOf };
      },
    );

    app.get(
      "/reports/survey-scores",
      {
        schema: {
          tags,
          summary: "Post-return survey scores (1–5) by market, vendor, reason or category",
          description: `Answers given in the period: per group the number of answers, of each score, and the mean score. A case with several reasons or categories counts under each.${FRESHNESS}`,
          querystring: surveyScoreQuery(today),
        },
      },
      async (req, reply) => {
        const r = await surveyScoreReport(deps, scopeOf(req, req.query), req.query.by);
        reply.header(AS_OF_HEADER, r.asOf);
        return req.query.format === "csv" ? csv(reply, `survey-scores-${r.by}`, surveyCsv(r)) : r;
      },
    );

    app.get(
      "/reports/at-risk",
      {
        schema: {
          tags,
          summary: "Open cases at risk of missing their statutory refund deadline (now)",
          description:
            "The queue's refundDue=overdue and refundDue=approaching (within 3 days), overdue first; at most 200 of each.",
          querystring: atRiskQuery,
        },
      },
      async (req, reply) => {
        const { market, vendor } = req.query;
        const own = ownVendorOf(req);
        const r = await atRiskReport(deps, {
          merchantId: merchantOf(req),
          vendor: own ?? vendor ?? null,
          market: market ?? null,
        });
        if (req.query.format === "csv") return csv(reply, "at-risk", atRiskCsv(r.cases));
        return { ...r, cases: r.cases.map(presentAtRisk) };
      },
    );
  };
