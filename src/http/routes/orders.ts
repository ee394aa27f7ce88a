import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { orderBody, toOrderDraft } from "../../app/inputs/order-input.ts";
import { getOrder, upsertOrder } from "../../app/orders.ts";
import type { Deps } from "../../app/ports/index.ts";
import { merchantOf } from "../auth.ts";
import { presentOrder } from "../presenters.ts";
import { outcome, send } from "../respond.ts";

const params = z.object({ externalId: z.string().min(1).max(200) });

export const orderRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.put(
      "/orders/:externalId",
      {
        schema: {
          tags: ["orders"],
          summary: "Create or replace an order (lines, shipping, duties, tenders, fulfilments)",
          description:
            "A line's `tax` and `discount` are totals for the whole line; `unitPrice` is per unit and includes tax when `taxesIncluded`. " +
            "When tenders are given they must sum to the order total. Lines used by return cases cannot be removed or shrunk below what the returns hold.",
          params,
          body: orderBody,
        },
      },
      async (req, reply) => {
        const r = await upsertOrder(deps, merchantOf(req), toOrderDraft(req.params.externalId, req.body));
        return send(
          reply,
          outcome(r, r.ok && r.value.created ? 201 : 200, (v) => presentOrder(v.order)),
        );
      },
    );
    app.get(
      "/orders/:externalId",
      { schema: { tags: ["orders"], summary: "Get an order", params } },
      async (req, reply) =>
        send(reply, outcome(await getOrder(deps, merchantOf(req), req.params.externalId), 200, presentOrder)),
    );
  };
