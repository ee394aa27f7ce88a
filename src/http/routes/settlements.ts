import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { toMoney } from "../../app/inputs/fields.ts";
import {
  bankAccountBody,
  redeemBody,
  sepaExportBody,
  toBankAccountDetails,
} from "../../app/inputs/refund-input.ts";
import {
  approvePayout,
  confirmPaymentRequest,
  markPaid,
  provideBankAccount,
  retrySettlement,
} from "../../app/payouts.ts";
import type { Deps, SettlementMethod } from "../../app/ports/index.ts";
import { exportSepa } from "../../app/sepa-export.ts";
import { redeemStoreCredit } from "../../app/store-credit.ts";
import { formatMoney } from "../../domain/money.ts";
import { err, ok } from "../../domain/result.ts";
import { SETTLEMENT_STATUSES } from "../../domain/settlement-status.ts";
import { actorOf, merchantOf } from "../auth.ts";
import { notFoundUnlessUuid } from "../ids.ts";
import { moneyJson, presentSettlementFull } from "../present-money.ts";
import { outcome, send, sendIdempotent } from "../respond.ts";

const idParams = z.object({ id: z.string() });

export { SETTLEMENT_STATUSES };
export const SETTLEMENT_METHODS = [
  "original_payment",
  "store_credit",
  "bank_transfer",
  "exchange",
  "payment_request",
] as const satisfies readonly SettlementMethod[];

export const settlementRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/settlements",
      {
        schema: {
          tags: ["settlements"],
          summary: "Settlements, newest first",
          querystring: z.object({
            status: z.enum(SETTLEMENT_STATUSES).optional(),
            method: z.enum(SETTLEMENT_METHODS).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
        },
      },
      async (req) => ({
        items: (await deps.store.read.settlements.list(merchantOf(req), req.query)).map(
          presentSettlementFull,
        ),
      }),
    );
    app.get(
      "/settlements/:id",
      { schema: { tags: ["settlements"], summary: "A settlement", params: idParams } },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "settlement", req.params.id);
        if (bad) return bad;
        const s = await deps.store.read.settlements.get(req.params.id);
        const mine = s && s.merchantId === merchantOf(req) ? s : null;
        return send(
          reply,
          outcome(
            mine ? ok(mine) : err({ code: "not_found", entity: "settlement", id: req.params.id }),
            200,
            presentSettlementFull,
          ),
        );
      },
    );
    const action = (
      path: string,
      summary: string,
      run: (
        d: Deps,
        merchantId: string,
        id: string,
        body: unknown,
        actor: ReturnType<typeof actorOf>,
      ) => ReturnType<typeof markPaid>,
      body: z.ZodType = z.object({}),
    ) =>
      app.post(
        `/settlements/:id/${path}`,
        { schema: { tags: ["settlements"], summary, params: idParams, body } },
        async (req, reply) => {
          const bad = notFoundUnlessUuid(reply, "settlement", req.params.id);
          if (bad) return bad;
          return sendIdempotent(
            deps,
            req,
            reply,
            // The action's own transaction stores the idempotent response (d carries that store).
            (d) => run(d, merchantOf(req), req.params.id, req.body, actorOf(req)),
            (r) => outcome(r, 200, presentSettlementFull),
          );
        },
      );
    action(
      "bank-account",
      "Give the account a bank-transfer refund is paid to (validated per country; shown masked)",
      (d, m, id, b) => provideBankAccount(d, m, id, toBankAccountDetails(bankAccountBody.parse(b))),
      bankAccountBody,
    );
    action("approve", "Approve a bank transfer above the merchant's threshold", (d, m, id, _b, actor) =>
      approvePayout(d, m, id, actor),
    );
    action("confirm", "The shopper confirms paying an exchange's price difference", (d, m, id) =>
      confirmPaymentRequest(d, m, id),
    );
    action(
      "mark-paid",
      "The approved bank transfer, the collected payment request or the refund under review went through",
      (d, m, id, _b, actor) => markPaid(d, m, id, actor),
    );
    action(
      "retry",
      "Send a refund under review (`needs_review`) to its provider again, after checking it was not made",
      (d, m, id, _b, actor) => retrySettlement(d, m, id, actor),
    );

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
        const rows = await deps.store.read.settlements.fxReport(
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
    app.post(
      "/payouts/sepa-export",
      {
        schema: {
          tags: ["settlements"],
          summary:
            "Approved EUR bank transfers as an ISO 20022 SEPA credit-transfer file (pain.001.001.09), in `xml`",
          body: sepaExportBody,
        },
      },
      (req, reply) =>
        // Idempotent like every POST: a retry after a lost answer gets the same file, not an empty export.
        sendIdempotent(
          deps,
          req,
          reply,
          (d) => exportSepa(d, merchantOf(req), req.body.requestedExecutionDate),
          (r) =>
            outcome(r, 200, (v) => ({
              messageId: v.messageId,
              payments: v.count,
              format: "pain.001.001.09",
              xml: v.xml,
            })),
        ),
    );
    app.post(
      "/customers/:id/store-credit/redeem",
      {
        schema: {
          tags: ["customers"],
          summary: "Spend store credit (the credit that expires first goes first)",
          params: idParams,
          body: redeemBody,
        },
      },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "customer", req.params.id);
        if (bad) return bad;
        return sendIdempotent(
          deps,
          req,
          reply,
          (d) =>
            redeemStoreCredit(
              d,
              merchantOf(req),
              req.params.id,
              toMoney(req.body.amount, req.body.currency),
              req.body.reference,
            ),
          (r) => outcome(r, 200, (v) => ({ redeemed: moneyJson(v.redeemed), balance: moneyJson(v.balance) })),
        );
      },
    );
  };
