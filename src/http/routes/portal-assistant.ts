import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { askAssistant } from "../../app/assistant/ask-assistant.ts";
import { assistantBody } from "../../app/inputs/assistant-input.ts";
import type { Deps } from "../../app/ports/index.ts";
import { negotiateLocale } from "../../domain/locales.ts";
import { PORTAL_RATE, type PortalOptions } from "../portal/portal-options.ts";
import { requireSession, sessionOf } from "../portal/session.ts";
import { outcome, send } from "../respond.ts";

const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,63}$/, "is not a merchant slug") });

/** The returns assistant of the session's order (and its cases). */
export const portalAssistantRoutes =
  (deps: Deps, opts: PortalOptions): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("preHandler", requireSession(deps, opts.key));

    app.post(
      "/:slug/assistant",
      {
        config: { rateLimit: PORTAL_RATE.assistant },
        schema: {
          tags: ["portal"],
          security: [{ portalSession: [] }],
          summary: "Ask the returns assistant about the session's order or one of its returns",
          description:
            "Answers from the policy decision, the refund calculation, the case and the lanes, in the shopper's language, with the facts (citation or case field) behind it. `handover: true`: a colleague was asked to reply by e-mail (a note on the case, or a merchant notice before any case exists).",
          params: slugParams,
          body: assistantBody,
        },
      },
      async (req, reply) => {
        const locale = negotiateLocale({
          url: req.body.locale,
          acceptLanguage: req.headers["accept-language"],
        });
        const r = await askAssistant(deps, sessionOf(req), {
          message: req.body.message,
          locale,
          caseId: req.body.caseId ?? null,
        });
        return send(
          reply,
          outcome(r, 200, (a) => ({
            intent: a.intent,
            locale,
            answer: a.answer,
            facts: a.facts,
            handover: a.handover,
            phrasing: a.phrasing,
          })),
        );
      },
    );
  };
