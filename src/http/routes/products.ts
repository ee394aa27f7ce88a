import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { productExists } from "../../app/account-queries.ts";
import { getProduct, upsertProduct } from "../../app/catalog.ts";
import { productBody } from "../../app/inputs/product-input.ts";
import type { Deps } from "../../app/ports/index.ts";
import { merchantOf } from "../auth.ts";
import { presentProduct } from "../presenters.ts";
import { outcome, send } from "../respond.ts";

const params = z.object({ sku: z.string().min(1).max(200) });

export const productRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.put(
      "/products/:sku",
      {
        schema: {
          tags: ["products"],
          summary: "Create or replace a product and its return attributes",
          params,
          body: productBody,
        },
      },
      async (req, reply) => {
        const merchantId = merchantOf(req);
        const existed = await productExists(deps, merchantId, req.params.sku);
        const p = await upsertProduct(deps, merchantId, req.params.sku, req.body);
        return reply.code(existed ? 200 : 201).send(presentProduct(p));
      },
    );
    app.get(
      "/products/:sku",
      { schema: { tags: ["products"], summary: "Get a product", params } },
      async (req, reply) =>
        send(reply, outcome(await getProduct(deps, merchantOf(req), req.params.sku), 200, presentProduct)),
    );
  };
