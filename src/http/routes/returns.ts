import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createReturn } from "../../app/create-return.ts";
import { createReturnBody } from "../../app/inputs/return-input.ts";
import type { Deps } from "../../app/ports.ts";
import { caseEvents, getReturn, listReturns } from "../../app/queries.ts";
import { CASE_STATUSES } from "../../domain/case-status.ts";
import { actorOf, merchantOf } from "../auth.ts";
import { notFoundUnlessUuid } from "../ids.ts";
import { presentCase, presentEvent } from "../presenters.ts";
import { outcome, send, sendIdempotent } from "../respond.ts";

const idParams = z.object({ id: z.string() });

export const returnRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/returns",
      {
        schema: {
          tags: ["returns"],
          summary: "Open a return case",
          description:
            "Refuses lines above what was delivered and not already returned (422 naming the limit).",
          body: createReturnBody,
        },
      },
      (req, reply) =>
        sendIdempotent(
          deps,
          req,
          reply,
          (d) => createReturn(d, merchantOf(req), { ...req.body, source: "api" }, actorOf(req)),
          (r) => outcome(r, 201, (c) => presentCase(c, [])),
        ),
    );

    app.get(
      "/returns",
      {
        schema: {
          tags: ["returns"],
          summary: "List return cases, newest first",
          querystring: z.object({
            status: z.enum(CASE_STATUSES).optional(),
            cursor: z.uuid().optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            customerId: z.uuid().optional(),
          }),
        },
      },
      async (req) => {
        const page = await listReturns(deps, merchantOf(req), req.query);
        return { items: page.items.map((c) => presentCase(c)), nextCursor: page.nextCursor };
      },
    );

    app.get(
      "/returns/:id",
      { schema: { tags: ["returns"], summary: "Get a return case", params: idParams } },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "return", req.params.id);
        if (bad) return bad;
        return send(
          reply,
          outcome(await getReturn(deps, merchantOf(req), req.params.id), 200, (v) =>
            presentCase(v.case, v.settlements),
          ),
        );
      },
    );

    app.get(
      "/returns/:id/events",
      {
        schema: {
          tags: ["returns"],
          summary: "The case's append-only event log (audit trail)",
          params: idParams,
        },
      },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "return", req.params.id);
        if (bad) return bad;
        return send(
          reply,
          outcome(await caseEvents(deps, merchantOf(req), req.params.id), 200, (events) => ({
            items: events.map(presentEvent),
          })),
        );
      },
    );
  };
