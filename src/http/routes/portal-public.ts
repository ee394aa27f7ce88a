import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { merchantBySlug } from "../../app/account-queries.ts";
import { lookupBody, policyQuery } from "../../app/inputs/portal-input.ts";
import { lookupOrder } from "../../app/portal/lookup.ts";
import type { Deps } from "../../app/ports/index.ts";
import { renderedPolicy } from "../../app/rendered-policy.ts";
import { negotiateLocale } from "../../domain/locales.ts";
import { err, ok } from "../../domain/result.ts";
import { PORTAL_RATE, type PortalOptions } from "../portal/portal-options.ts";
import { presentMerchant } from "../portal/present-portal.ts";
import { clearSessionCookie, setSessionCookie } from "../portal/session.ts";
import { problemOf, sendProblem } from "../problem.ts";
import { outcome, send } from "../respond.ts";

const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,63}$/, "is not a merchant slug") });
const tags = ["portal"];

/** The portal's public routes: branding, the rendered policy, the order lookup that opens a session. */
export const portalPublicRoutes =
  (deps: Deps, opts: PortalOptions): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/:slug",
      {
        config: { rateLimit: PORTAL_RATE.read },
        schema: {
          tags,
          security: [],
          summary: "The merchant's portal branding and languages",
          params: slugParams,
        },
      },
      async (req, reply) => {
        const m = await merchantBySlug(deps, req.params.slug);
        return send(
          reply,
          outcome(
            m ? ok(m) : err({ code: "not_found", entity: "merchant", id: req.params.slug }),
            200,
            presentMerchant,
          ),
        );
      },
    );

    app.get(
      "/:slug/policy",
      {
        config: { rateLimit: PORTAL_RATE.read },
        schema: {
          tags,
          security: [],
          summary:
            "The merchant's return policy for a country, with the shopper's statutory rights, rendered",
          params: slugParams,
          querystring: policyQuery,
        },
      },
      async (req, reply) => {
        const m = await merchantBySlug(deps, req.params.slug);
        if (!m)
          return send(
            reply,
            outcome(err({ code: "not_found", entity: "merchant", id: req.params.slug }), 200, () => null),
          );
        const locale = negotiateLocale({
          url: req.query.locale,
          acceptLanguage: req.headers["accept-language"],
        });
        const r = await renderedPolicy(deps, m.id, {
          country: req.query.country,
          region: req.query.region,
          locale,
        });
        return send(
          reply,
          outcome(r, 200, (p) => ({ ...p, portalLocale: locale, merchant: presentMerchant(m) })),
        );
      },
    );

    app.post(
      "/:slug/lookup",
      {
        config: { rateLimit: PORTAL_RATE.lookup },
        schema: {
          tags,
          security: [],
          summary: "Find an order by its number and the e-mail, the postal code or the gift code",
          description:
            "Answers a session cookie (`cb_portal`, HttpOnly, 30 minutes) scoped to this one order. " +
            "Ten failed lookups from one address, or five for one order number, within 15 minutes block further attempts (429, Retry-After).",
          params: slugParams,
          body: lookupBody,
        },
      },
      async (req, reply) => {
        const r = await lookupOrder(deps, req.params.slug, req.body, req.ip);
        if (!r.ok) {
          if (r.error.code === "rate_limited") {
            opts.securityLog({
              event: "portal.lookup_blocked",
              scope: r.error.scope,
              ip: req.ip,
              merchant: req.params.slug,
              orderNumber: req.body.orderNumber,
            });
            reply.header("retry-after", String(r.error.retryAfterSeconds));
          }
          return sendProblem(reply, problemOf(r.error));
        }
        const { order, session, merchant } = r.value;
        setSessionCookie(req, reply, session, await opts.key());
        return {
          merchant: presentMerchant(merchant),
          orderNumber: order.externalId,
          gift: session.gift,
          expiresAt: session.expiresAt.toISOString(),
          locale: negotiateLocale({
            url: req.body.locale,
            order: order.customerLocale,
            acceptLanguage: req.headers["accept-language"],
          }),
        };
      },
    );

    app.post(
      "/:slug/logout",
      {
        config: { rateLimit: PORTAL_RATE.read },
        schema: { tags, security: [], summary: "End the portal session", params: slugParams },
      },
      async (_req, reply) => {
        clearSessionCookie(reply);
        return reply.code(204).send();
      },
    );
  };
