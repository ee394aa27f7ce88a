import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { bankAccountBody, toBankAccountDetails } from "../../app/inputs/refund-input.ts";
import {
  approvePayout,
  confirmPaymentRequest,
  markPaid,
  provideBankAccount,
  retrySettlement,
} from "../../app/payouts.ts";
import type { Deps } from "../../app/ports/index.ts";
import { actorOf, merchantOf } from "../auth.ts";
import { notFoundUnlessUuid } from "../ids.ts";
import { presentSettlementFull } from "../present-money.ts";
import { outcome, sendIdempotent } from "../respond.ts";

/** What an agent or the shopper does to one settlement: POST /settlements/{id}/<action>. */

const idParams = z.object({ id: z.string() });

export const settlementActionRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
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
  };
