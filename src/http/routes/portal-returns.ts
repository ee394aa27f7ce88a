import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { portalReturnBody, trackingBody, withdrawalBody } from "../../app/inputs/portal-input.ts";
import { bankAccountBody, toBankAccountDetails } from "../../app/inputs/refund-input.ts";
import {
  addTracking,
  cancelPortalReturn,
  confirmExchangePayment,
  giveBankAccount,
} from "../../app/portal/case-actions.ts";
import { portalCase } from "../../app/portal/portal-case.ts";
import { submitPortalReturn } from "../../app/portal/submit-return.ts";
import { declareWithdrawal } from "../../app/portal/withdraw.ts";
import type { Deps } from "../../app/ports/index.ts";
import { negotiateLocale } from "../../domain/locales.ts";
import { notFoundUnlessUuid } from "../ids.ts";
import { PORTAL_RATE, type PortalOptions } from "../portal/portal-options.ts";
import { presentPortalCase, presentSubmitted } from "../portal/present-portal.ts";
import { requireSession, sessionOf } from "../portal/session.ts";
import { outcome, send } from "../respond.ts";

const slug = z.string().regex(/^[a-z0-9-]{1,63}$/, "is not a merchant slug");
const slugParams = z.object({ slug });
const caseParams = z.object({ slug, id: z.string() });
const settlementParams = caseParams.extend({ settlement: z.string() });
const tags = ["portal"];
const security = [{ portalSession: [] }];

/** Returns of the session's order: submit, withdraw, follow, send, cancel, pay a difference. */
export const portalReturnRoutes =
  (deps: Deps, opts: PortalOptions): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("preHandler", requireSession(deps, opts.key));
    const view = (req: FastifyRequest, id: string) => portalCase(deps, sessionOf(req), id);

    app.post(
      "/:slug/returns",
      {
        config: { rateLimit: PORTAL_RATE.write },
        schema: {
          tags,
          security,
          summary: "Submit a return of the session's order",
          description:
            "Lines of several marketplace vendors open one case per vendor in one transaction (all or nothing): " +
            "the answer is the first case, as for a single case, plus `group: {id, cases}` listing every case (null when not split).",
          params: slugParams,
          body: portalReturnBody,
        },
      },
      async (req, reply) => {
        const body = req.body;
        const r = await submitPortalReturn(deps, sessionOf(req), {
          ...body,
          bankAccount: body.bankAccount ? toBankAccountDetails(body.bankAccount) : null,
          locale: negotiateLocale({ url: body.locale }),
        });
        return send(reply, outcome(r, 201, presentSubmitted));
      },
    );

    app.post(
      "/:slug/withdrawals",
      {
        config: { rateLimit: PORTAL_RATE.write },
        schema: {
          tags,
          security,
          summary: "Withdraw from the contract (EU withdrawal function, second step: `confirm: true`)",
          description:
            "Consumer Rights Directive Art. 11a (Directive (EU) 2023/2673): answers the acknowledgement with the time the withdrawal was received. " +
            "Items of several marketplace vendors open one case per vendor in one transaction: `case` is the first, `group: {id, cases}` lists every one (null when not split).",
          params: slugParams,
          body: withdrawalBody,
        },
      },
      async (req, reply) => {
        const r = await declareWithdrawal(deps, sessionOf(req), {
          ...req.body,
          locale: negotiateLocale({ url: req.body.locale }),
        });
        return send(
          reply,
          outcome(r, 201, (v) => {
            const { group, ...first } = presentSubmitted(v.opened);
            return { case: first, group, acknowledgement: v.declaration };
          }),
        );
      },
    );

    app.get(
      "/:slug/returns/:id",
      {
        config: { rateLimit: PORTAL_RATE.read },
        schema: {
          tags,
          security,
          summary: "A return's status, timeline and instructions",
          params: caseParams,
        },
      },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "return", req.params.id);
        if (bad) return bad;
        return send(reply, outcome(await view(req, req.params.id), 200, presentPortalCase));
      },
    );

    app.post(
      "/:slug/returns/:id/tracking",
      {
        config: { rateLimit: PORTAL_RATE.write },
        schema: {
          tags,
          security,
          summary: "The tracking number of a self-shipped return",
          params: caseParams,
          body: trackingBody,
        },
      },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "return", req.params.id);
        if (bad) return bad;
        const r = await addTracking(deps, sessionOf(req), req.params.id, req.body);
        if (!r.ok)
          return send(
            reply,
            outcome(r, 200, () => null),
          );
        return send(reply, outcome(await view(req, req.params.id), 200, presentPortalCase));
      },
    );

    app.post(
      "/:slug/returns/:id/cancel",
      {
        config: { rateLimit: PORTAL_RATE.write },
        schema: {
          tags,
          security,
          summary: "Cancel a return while nothing is sent or refunded",
          params: caseParams,
        },
      },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "return", req.params.id);
        if (bad) return bad;
        const r = await cancelPortalReturn(deps, sessionOf(req), req.params.id);
        if (!r.ok)
          return send(
            reply,
            outcome(r, 200, () => null),
          );
        return send(reply, outcome(await view(req, req.params.id), 200, presentPortalCase));
      },
    );

    app.post(
      "/:slug/returns/:id/settlements/:settlement/confirm",
      {
        config: { rateLimit: PORTAL_RATE.write },
        schema: {
          tags,
          security,
          summary: "Agree to pay an exchange's price difference",
          params: settlementParams,
        },
      },
      async (req, reply) => {
        const bad =
          notFoundUnlessUuid(reply, "return", req.params.id) ??
          notFoundUnlessUuid(reply, "settlement", req.params.settlement);
        if (bad) return bad;
        const r = await confirmExchangePayment(deps, sessionOf(req), req.params.id, req.params.settlement);
        if (!r.ok)
          return send(
            reply,
            outcome(r, 200, () => null),
          );
        return send(reply, outcome(await view(req, req.params.id), 200, presentPortalCase));
      },
    );

    app.post(
      "/:slug/returns/:id/settlements/:settlement/bank-account",
      {
        config: { rateLimit: PORTAL_RATE.write },
        schema: {
          tags,
          security,
          summary: "The account a bank-transfer refund is paid to",
          params: settlementParams,
          body: bankAccountBody,
        },
      },
      async (req, reply) => {
        const bad =
          notFoundUnlessUuid(reply, "return", req.params.id) ??
          notFoundUnlessUuid(reply, "settlement", req.params.settlement);
        if (bad) return bad;
        const r = await giveBankAccount(
          deps,
          sessionOf(req),
          req.params.id,
          req.params.settlement,
          toBankAccountDetails(req.body),
        );
        if (!r.ok)
          return send(
            reply,
            outcome(r, 200, () => null),
          );
        return send(reply, outcome(await view(req, req.params.id), 200, presentPortalCase));
      },
    );
  };
