import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { addCaseNote } from "../../app/case-notes.ts";
import { createReturns, type OpenedReturn } from "../../app/create-return-group.ts";
import { createReturnBody, noteBody, previewReturnBody } from "../../app/inputs/return-input.ts";
import { returnListQuery } from "../../app/inputs/return-list-input.ts";
import { previewRoute } from "../../app/logistics/route-case.ts";
import type { Deps } from "../../app/ports/index.ts";
import { previewReturn } from "../../app/preview-return.ts";
import { caseEvents, getReturn, listReturns } from "../../app/queries.ts";
import { ok } from "../../domain/result.ts";
import { actorOf, merchantOf } from "../auth.ts";
import { notFoundUnlessUuid } from "../ids.ts";
import { presentDecision } from "../present-decision.ts";
import { presentRoute } from "../present-logistics.ts";
import { moneyJson, presentPreviewRefund, presentSplit } from "../present-money.ts";
import { presentCase, presentEvent } from "../presenters.ts";
import { outcome, send, sendIdempotent } from "../respond.ts";

const idParams = z.object({ id: z.string() });

/** One case as before; a split return adds `group` with every case (the first is the top-level case). */
function presentOpened(o: OpenedReturn, now: Date) {
  const [first, ...rest] = o.cases.map((x) => presentCase(x.case, [], now));
  if (!first) throw new Error("a return opens at least one case");
  return o.groupId ? { ...first, group: { id: o.groupId, cases: [first, ...rest] } } : first;
}

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
            "Refuses lines above what was delivered and not already returned (422 naming the limit). " +
            "Lines of several marketplace vendors open one case per vendor (each with its own decision, number " +
            "and return address) in one transaction, all or nothing: the answer is the first case, as for a " +
            "single case, plus `group: {id, cases: [case…]}` with every case of the split (each case carries `groupId`).",
          body: createReturnBody,
        },
      },
      (req, reply) =>
        sendIdempotent(
          deps,
          req,
          reply,
          (d) => createReturns(d, merchantOf(req), { ...req.body, source: "api" }, actorOf(req)),
          (r) => outcome(r, 201, (o) => presentOpened(o, deps.clock.now())),
        ),
    );

    app.post(
      "/returns/preview",
      {
        schema: {
          tags: ["returns"],
          summary: "Preview eligibility, deadlines, resolutions and fees of a return (no side effects)",
          description:
            "Judges every line on three tracks — statutory_withdrawal, merchant_policy, legal_guarantee — and gives the best eligible one. " +
            "`returnBy` is a local date in the shopper's time zone, valid until 23:59:59 there. `at` defaults to now. " +
            "Lines of several marketplace vendors: `split.cases` shows the case each vendor would get, decided alone (null otherwise).",
          body: previewReturnBody,
        },
      },
      async (req, reply) => {
        const { at, ...rest } = req.body;
        return sendIdempotent(
          deps,
          req,
          reply,
          async (d) => {
            const when = at ? new Date(at) : d.clock.now();
            const v = await previewReturn(d, merchantOf(req), { ...rest, at: when });
            if (!v.ok) return v;
            const route = await previewRoute(d, merchantOf(req), { ...rest, order: v.value.order }, when);
            return ok({ ...v.value, route });
          },
          (r) =>
            outcome(r, 200, (v) => ({
              ...presentDecision(v.decision),
              route: presentRoute(v.route),
              refund: v.refund ? presentPreviewRefund(v.refund) : null,
              split: presentSplit(v.split),
              replacement: v.replacement
                ? { ...v.replacement, unitPrice: moneyJson(v.replacement.unitPrice) }
                : null,
            })),
        );
      },
    );

    app.get(
      "/returns",
      {
        schema: {
          tags: ["returns"],
          summary: "The returns queue: filter, sort and page return cases",
          querystring: returnListQuery,
        },
      },
      async (req) => {
        const page = await listReturns(deps, merchantOf(req), req.query);
        return {
          items: page.items.map((c) => presentCase(c, undefined, deps.clock.now())),
          nextCursor: page.nextCursor,
        };
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
            presentCase(v.case, v.settlements, deps.clock.now()),
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
    app.post(
      "/returns/:id/notes",
      {
        schema: {
          tags: ["returns"],
          summary: "Add an internal note to a case (an event; never shown to the shopper)",
          params: idParams,
          body: noteBody,
        },
      },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "return", req.params.id);
        if (bad) return bad;
        return sendIdempotent(
          deps,
          req,
          reply,
          (d) => addCaseNote(d, merchantOf(req), req.params.id, req.body.text, actorOf(req)),
          (r) => outcome(r, 201, presentEvent),
        );
      },
    );
  };
