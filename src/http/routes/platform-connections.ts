import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { platformConnections } from "../../app/account-queries.ts";
import { presentConnection, saveConnection, shopOf } from "../../app/platforms/connections.ts";
import { PLATFORMS, type PlatformConnectionRecord } from "../../app/platforms/ports.ts";
import type { Deps } from "../../app/ports/index.ts";
import { merchantOf } from "../auth.ts";
import { problemOf, sendProblem } from "../problem.ts";

const secret = z.string().trim().min(8).max(1000);
const platformParam = z.object({ platform: z.enum(PLATFORMS) });

/** PUT /settings/platforms/{platform}: the merchant's shop. Secrets are stored sealed and never shown. */
export const platformConnectionBody = z.object({
  /** Shopify: the shop domain (acme.myshopify.com); WooCommerce: the store URL (https://shop.example). */
  shop: z.string().trim().min(3).max(255),
  /** WooCommerce consumer key (ck_…). */
  consumerKey: z.string().trim().min(8).max(255).nullish(),
  /** Shopify Admin API access token (shpat_…) or WooCommerce consumer secret (cs_…). */
  credential: secret,
  /** Shopify: the app's client secret that signs its webhooks; WooCommerce: the webhook's secret. */
  webhookSecret: secret,
  /** WooCommerce: refunds mirrored with api_refund=true (WooCommerce refunds the payment too). */
  refundOnPlatform: z.boolean().default(false),
});

export const platformConnectionRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const present = (r: PlatformConnectionRecord) =>
      presentConnection(r, (sealed) => (deps.secrets ? deps.secrets.decrypt(sealed) : null));
    app.get(
      "/settings/platforms",
      { schema: { tags: ["settings"], summary: "The merchant's connected shops (secrets never shown)" } },
      async (req) => ({ data: (await platformConnections(deps, merchantOf(req))).map(present) }),
    );
    app.put(
      "/settings/platforms/:platform",
      {
        schema: {
          tags: ["settings"],
          summary: "Connect the merchant's Shopify or WooCommerce shop (order import, webhooks, mirroring)",
          params: platformParam,
          body: platformConnectionBody,
        },
      },
      async (req, reply) => {
        const { platform } = req.params;
        const bad = (path: string, message: string) =>
          sendProblem(reply, problemOf({ code: "invalid_input", issues: [{ path, message }] }));
        const shop = shopOf(platform, req.body.shop, req.body.consumerKey ?? null);
        if ("path" in shop) return bad(shop.path, shop.message);
        const r = await saveConnection(deps, merchantOf(req), {
          platform,
          shop: shop.shop,
          keyId: platform === "woocommerce" ? (req.body.consumerKey ?? null) : null,
          credential: req.body.credential,
          webhookSecret: req.body.webhookSecret,
          refundOnPlatform: req.body.refundOnPlatform,
        });
        if ("taken" in r) return bad("shop", "is already connected to another merchant");
        return present(r.saved);
      },
    );
    app.delete(
      "/settings/platforms/:platform",
      { schema: { tags: ["settings"], summary: "Disconnect the merchant's shop", params: platformParam } },
      async (req, reply) => {
        const gone = await deps.store.transaction((r) =>
          r.platforms.removeConnection(merchantOf(req), req.params.platform),
        );
        if (!gone)
          return sendProblem(
            reply,
            problemOf({ code: "not_found", entity: "platform connection", id: req.params.platform }),
          );
        return reply.code(204).send();
      },
    );
  };
