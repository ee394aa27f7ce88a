import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../app/ports/index.ts";
import { fxReport } from "../../app/refund-queries.ts";
import { formatMoney } from "../../domain/money.ts";
import { merchantOf } from "../auth.ts";

/** GET /reports/fx: refunds valued in the settlement currency, with the FX gain or loss since capture. */
export const fxReportRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/reports/fx",
      {
        schema: {
          tags: ["settlements"],
          summary:
            "Refunds valued in the settlement currency, and the FX gain or loss since capture, per currency",
          querystring: z.object({ from: z.iso.date(), to: z.iso.date() }),
        },
      },
      async (req) => {
        const rows = await fxReport(
          deps,
          merchantOf(req),
          new Date(`${req.query.from}T00:00:00Z`),
          new Date(new Date(`${req.query.to}T00:00:00Z`).getTime() + 86_400_000),
        );
        const m = (amount: number, currency: string) => (currency ? formatMoney({ amount, currency }) : null);
        return {
          from: req.query.from,
          to: req.query.to,
          items: rows.map((r) => ({
            currency: r.currency,
            refunds: r.refunds,
            refunded: m(r.refunded, r.currency),
            settlementCurrency: r.settlementCurrency || null,
            settlementValue: m(r.settlementValue, r.settlementCurrency),
            valueAtCapture: m(r.valueAtCapture, r.settlementCurrency),
            gainLoss: m(r.gainLoss, r.settlementCurrency),
            unvalued: r.unvalued,
          })),
        };
      },
    );
  };
