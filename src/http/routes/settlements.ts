import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps, SettlementMethod } from "../../app/ports/index.ts";
import { settlement, settlements } from "../../app/refund-queries.ts";
import { SETTLEMENT_STATUSES } from "../../domain/settlement-status.ts";
import { merchantOf } from "../auth.ts";
import { notFoundUnlessUuid } from "../ids.ts";
import { presentSettlementFull } from "../present-money.ts";
import { outcome, send } from "../respond.ts";

/** The settlements resource: the list and one settlement (its actions: settlement-actions.ts). */

const idParams = z.object({ id: z.string() });

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
        items: (await settlements(deps, merchantOf(req), req.query)).map(presentSettlementFull),
      }),
    );
    app.get(
      "/settlements/:id",
      { schema: { tags: ["settlements"], summary: "A settlement", params: idParams } },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "settlement", req.params.id);
        if (bad) return bad;
        return send(
          reply,
          outcome(await settlement(deps, merchantOf(req), req.params.id), 200, presentSettlementFull),
        );
      },
    );
  };
