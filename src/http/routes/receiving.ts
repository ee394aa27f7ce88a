import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { blindListQuery, lookupQuery, matchBody, parkBody } from "../../app/inputs/receiving-input.ts";
import { blindReceipt, blindReceipts, locations } from "../../app/logistics/queries.ts";
import type { Deps } from "../../app/ports/index.ts";
import { matchBlindReceipt, parkBlindReceipt } from "../../app/receiving/blind-receipts.ts";
import { lookupForReceiving } from "../../app/receiving/lookup.ts";
import { actorOf, merchantOf } from "../auth.ts";
import { notFoundUnlessUuid } from "../ids.ts";
import { presentBlindReceipt, presentLookup } from "../present-receiving.ts";
import { presentCase } from "../presenters.ts";
import { problemOf, sendProblem } from "../problem.ts";
import { outcome, sendIdempotent } from "../respond.ts";

const TAGS = ["receiving"];
const idParams = z.object({ id: z.string() });

/** The receiving station's API: look a parcel up by what was scanned; park and match blind receipts. */
export const receivingRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const codes = async (merchantId: string) =>
      new Map((await locations(deps, merchantId)).map((l) => [l.id, l.code]));

    app.get(
      "/receiving/lookup",
      {
        schema: {
          tags: TAGS,
          summary: "The returns a scanned RMA label, QR code, RMA, tracking or order number names",
          description:
            "Answers `matchedBy` (parcel, case_number, tracking, order or none) and each case with its expected lines (SKU, GTIN, units still expected, units to grade). `none` with no cases: park the parcel as a blind receipt.",
          querystring: lookupQuery,
        },
      },
      async (req) =>
        presentLookup(req.query.code, await lookupForReceiving(deps, merchantOf(req), req.query.code)),
    );

    app.get(
      "/blind-receipts",
      {
        schema: {
          tags: TAGS,
          summary: "Parcels received without an RMA (blind receipts), newest first",
          querystring: blindListQuery,
        },
      },
      async (req) => {
        const merchantId = merchantOf(req);
        const [list, loc] = await Promise.all([
          blindReceipts(deps, merchantId, req.query),
          codes(merchantId),
        ]);
        return {
          data: list.map((b) =>
            presentBlindReceipt(b, b.locationId ? (loc.get(b.locationId) ?? null) : null),
          ),
        };
      },
    );

    app.get(
      "/blind-receipts/:id",
      { schema: { tags: TAGS, summary: "One blind receipt", params: idParams } },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "blind receipt", req.params.id);
        if (bad) return bad;
        const merchantId = merchantOf(req);
        const b = await blindReceipt(deps, merchantId, req.params.id);
        if (!b)
          return sendProblem(
            reply,
            problemOf({ code: "not_found", entity: "blind receipt", id: req.params.id }),
          );
        const loc = await codes(merchantId);
        return presentBlindReceipt(b, b.locationId ? (loc.get(b.locationId) ?? null) : null);
      },
    );

    app.post(
      "/blind-receipts",
      {
        schema: {
          tags: TAGS,
          summary: "Park a parcel no RMA was found for (a blind receipt) with what is in it",
          body: parkBody,
        },
      },
      (req, reply) =>
        sendIdempotent(
          deps,
          req,
          reply,
          (d) =>
            parkBlindReceipt(
              d,
              merchantOf(req),
              {
                ...req.body,
                items: req.body.items.map((i) => ({ ...i, description: i.description ?? null })),
              },
              actorOf(req),
            ),
          (r) => outcome(r, 201, (b) => presentBlindReceipt(b, req.body.locationCode ?? null)),
        ),
    );

    app.post(
      "/blind-receipts/:id/match",
      {
        schema: {
          tags: TAGS,
          summary: "Match a parked parcel to its return: the case receives what the parcel held",
          description:
            "Items of a line (by SKU or GTIN) are received up to the units still expected; more is an `extra` exception, items of no line a `wrong_item` exception. 409 already_matched on a second match.",
          params: idParams,
          body: matchBody,
        },
      },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "blind receipt", req.params.id);
        if (bad) return bad;
        const merchantId = merchantOf(req);
        const loc = await codes(merchantId);
        return sendIdempotent(
          deps,
          req,
          reply,
          (d) => matchBlindReceipt(d, merchantId, req.params.id, req.body, actorOf(req)),
          (r) =>
            outcome(r, 200, (v) => ({
              blindReceipt: presentBlindReceipt(
                v.blindReceipt,
                v.blindReceipt.locationId ? (loc.get(v.blindReceipt.locationId) ?? null) : null,
              ),
              return: presentCase(v.case, v.settlements, deps.clock.now()),
            })),
        );
      },
    );
  };
