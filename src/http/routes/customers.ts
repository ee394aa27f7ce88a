import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../app/ports.ts";
import { storeCredit } from "../../app/queries.ts";
import { formatMoney } from "../../domain/money.ts";
import { merchantOf } from "../auth.ts";
import { notFoundUnlessUuid } from "../ids.ts";
import { outcome, send } from "../respond.ts";

export const customerRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/customers/:id/store-credit",
      {
        schema: {
          tags: ["customers"],
          summary: "A customer's store-credit balance per currency",
          params: z.object({ id: z.string() }),
        },
      },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "customer", req.params.id);
        if (bad) return bad;
        const r = await storeCredit(deps, merchantOf(req), req.params.id);
        return send(
          reply,
          outcome(r, 200, (v) => ({
            customerId: v.customer.id,
            email: v.customer.email,
            balances: v.balances.map((b) => ({ currency: b.currency, amount: formatMoney(b) })),
          })),
        );
      },
    );
  };
