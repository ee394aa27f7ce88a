import type { FastifyInstance, FastifyReply } from "fastify";
import { type DeliveryAddressee, receivePlatformWebhook } from "../../app/platforms/platform-webhooks.ts";
import type { Platform } from "../../app/platforms/ports.ts";
import type { Deps } from "../../app/ports/index.ts";
import { sendProblem } from "../problem.ts";

/** Strangers can call these: a budget per address (a shop's own bursts stay far below it). */
const RATE = { max: 600, timeWindow: 60_000 };

function unauthorized(reply: FastifyReply, detail: string) {
  return sendProblem(reply, {
    type: "https://crossback.dev/problems/invalid_signature",
    title: "Invalid webhook",
    status: 401,
    code: "invalid_signature",
    detail,
  });
}

/**
 * Shop webhooks: POST /api/webhooks/shopify (the shop in X-Shopify-Shop-Domain) and
 * /api/webhooks/woocommerce/{merchant slug}. No API key: the HMAC over the raw body is the
 * authentication; an unknown shop or a bad signature is a 401 and changes nothing.
 */
export function platformWebhookRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    app.addContentTypeParser(
      ["application/json", "text/plain", "application/x-www-form-urlencoded"],
      { parseAs: "buffer" },
      (_req, body, done) => done(null, body),
    );
    const handle = async (
      platform: Platform,
      to: DeliveryAddressee,
      body: unknown,
      headers: Record<string, string | string[] | undefined>,
      reply: FastifyReply,
    ) => {
      const raw = body instanceof Buffer ? body : Buffer.from(String(body ?? ""));
      // WooCommerce pings a new webhook's URL with `webhook_id=…` (unsigned): answered, nothing read.
      if (platform === "woocommerce" && /^webhook_id=\d+$/.test(raw.toString("utf8")))
        return reply.code(200).send({ received: "ping" });
      const r = await receivePlatformWebhook(deps, platform, to, raw, headers);
      if (r.status === "unauthorized")
        return unauthorized(reply, "the shop is not connected or the signature does not match");
      return reply.code(200).send(r);
    };
    app.post(
      "/webhooks/shopify",
      { schema: { hide: true }, config: { rateLimit: RATE } },
      async (req, reply) => {
        const shop = req.headers["x-shopify-shop-domain"];
        if (typeof shop !== "string" || !shop)
          return unauthorized(reply, "X-Shopify-Shop-Domain is required");
        return handle("shopify", { shop }, req.body, req.headers, reply);
      },
    );
    app.post<{ Params: { slug: string } }>(
      "/webhooks/woocommerce/:slug",
      { schema: { hide: true }, config: { rateLimit: RATE } },
      async (req, reply) =>
        handle("woocommerce", { merchantSlug: req.params.slug }, req.body, req.headers, reply),
    );
  };
}
