import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { cancelOrder, declareEvent, listEvents, previewCancellation } from "../../app/cancellations.ts";
import {
  cancellationPreviewBody,
  cancelOrderBody,
  extenuatingEventBody,
} from "../../app/inputs/cancellation-input.ts";
import type { Deps } from "../../app/ports/index.ts";
import { formatMoney, type Money } from "../../domain/money.ts";
import type { CancellationDecision } from "../../domain/policy/cancellation.ts";
import type { ExtenuatingEvent } from "../../domain/policy/extenuating-event.ts";
import { actorOf, merchantOf } from "../auth.ts";
import { presentSettlementFull } from "../present-money.ts";
import { outcome, sendIdempotent } from "../respond.ts";

const money = (m: Money) => ({ amount: formatMoney(m), currency: m.currency });

export function presentCancellation(d: CancellationDecision) {
  return {
    ...d,
    lines: d.lines.map((l) => ({ ...l, paid: money(l.paid), refund: money(l.refund) })),
    shipping: money(d.shipping),
    duties: money(d.duties),
    total: money(d.total),
  };
}

const presentEvent = (e: ExtenuatingEvent) => ({
  ...e,
  startsAt: e.startsAt.toISOString(),
  endsAt: e.endsAt.toISOString(),
});
const orderParams = z.object({ externalId: z.string().min(1).max(200) });

export const cancellationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/orders/:externalId/cancellation-preview",
      {
        schema: {
          tags: ["cancellations"],
          summary: "What cancelling the order would refund (no side effects)",
          description:
            "Goods not yet shipped: full refund. Bookings (lines with startsAt): the policy's tiered schedule (flexible, moderate, strict or custom). Extenuating events override both.",
          params: orderParams,
          body: cancellationPreviewBody,
        },
      },
      async (req, reply) => {
        const at = req.body.at ? new Date(req.body.at) : undefined;
        return sendIdempotent(
          deps,
          req,
          reply,
          (d) => previewCancellation(d, merchantOf(req), req.params.externalId, at),
          (r) => outcome(r, 200, presentCancellation),
        );
      },
    );
    app.post(
      "/orders/:externalId/cancel",
      {
        schema: {
          tags: ["cancellations"],
          summary:
            "Cancel the order and refund it (one settlement per tender); the decision that priced it is frozen",
          params: orderParams,
          body: cancelOrderBody,
        },
      },
      (req, reply) =>
        sendIdempotent(
          deps,
          req,
          reply,
          (d) =>
            cancelOrder(d, merchantOf(req), req.params.externalId, req.body.reason ?? null, actorOf(req)),
          (r) =>
            outcome(r, 200, (v) => ({
              ...presentCancellation(v.decision),
              settlements: v.settlements.map(presentSettlementFull),
            })),
        ),
    );
    app.put(
      "/extenuating-events/:id",
      {
        schema: {
          tags: ["cancellations"],
          summary: "Declare an extenuating-circumstances event (storm, strike, epidemic)",
          description:
            "Orders shipped to the countries/regions whose booking start (or delivery) falls in the period get a full refund on cancellation, or return windows longer by extendDays. Recorded on every decision it changes.",
          params: z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,62}$/) }),
          body: extenuatingEventBody,
        },
      },
      async (req) =>
        presentEvent(
          await declareEvent(
            deps,
            merchantOf(req),
            {
              id: req.params.id,
              ...req.body,
              startsAt: new Date(req.body.startsAt),
              endsAt: new Date(req.body.endsAt),
              extendDays: req.body.extendDays ?? null,
            },
            actorOf(req),
          ),
        ),
    );
    app.get(
      "/extenuating-events",
      { schema: { tags: ["cancellations"], summary: "Declared extenuating events" } },
      async (req) => ({
        items: (await listEvents(deps, merchantOf(req))).map(presentEvent),
      }),
    );
  };
