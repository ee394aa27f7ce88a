import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { shipmentBody } from "../../app/inputs/logistics-input.ts";
import { caseOf, caseRoute, caseShipment, caseShipments } from "../../app/logistics/queries.ts";
import { type ShipmentDocument, shipmentDocument } from "../../app/logistics/shipment-documents.ts";
import { createShipment } from "../../app/logistics/shipments.ts";
import { voidShipment } from "../../app/logistics/void-label.ts";
import type { Deps } from "../../app/ports/index.ts";
import { err } from "../../domain/result.ts";
import { actorOf, merchantOf } from "../auth.ts";
import { notFoundUnlessUuid } from "../ids.ts";
import { presentRoute, presentShipment, presentTracking } from "../present-logistics.ts";
import { problemOf, sendProblem } from "../problem.ts";
import { outcome, send, sendIdempotent } from "../respond.ts";

const caseParams = z.object({ id: z.string() });
const shipmentParams = z.object({ id: z.string(), shipmentId: z.string() });
const DOCS: Record<string, { kind: (q: { size?: string }) => ShipmentDocument; type: string }> = {
  "label.pdf": { kind: (q) => (q.size === "a4" ? "label-a4" : "label-4x6"), type: "application/pdf" },
  "qr.png": { kind: () => "qr", type: "image/png" },
  "customs-invoice.pdf": { kind: () => "customs-invoice", type: "application/pdf" },
  "cn23.pdf": { kind: () => "cn23", type: "application/pdf" },
};

export const shipmentRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    /** The merchant's case named in the path, or the 404 already sent. */
    const caseOr404 = async (req: FastifyRequest, id: string, reply: FastifyReply) => {
      const bad = notFoundUnlessUuid(reply, "return", id);
      if (bad) return bad;
      const c = await caseOf(deps, merchantOf(req), id);
      return c.ok ? c.value : sendProblem(reply, problemOf(c.error));
    };
    app.post(
      "/returns/:id/shipments",
      {
        schema: {
          tags: ["logistics"],
          summary:
            "Create a return shipment: a carrier label, a QR drop-off, self-ship or the merchant's printed label",
          description:
            "Validates the customs papers first (422 naming each missing field, before any label is bought), records the shipment, then buys the label (carrier) with an idempotency key. " +
            "The answer carries `label.pdf4x6Url`, `label.pdfA4Url`, `label.qrCodeUrl` and the customs papers' URLs. The case's `ship` happens at the first carrier scan. " +
            "`status: purchasing` (202) means the carrier failed retryably and the purchase is retried in the background.",
          params: caseParams,
          body: shipmentBody,
        },
      },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "return", req.params.id);
        if (bad) return bad;
        return sendIdempotent(
          deps,
          req,
          reply,
          async (d) => {
            const r = await createShipment(d, merchantOf(req), req.params.id, req.body, actorOf(req));
            if (r.ok && r.value.status === "failed")
              return err({
                code: "invalid_input" as const,
                issues: [
                  {
                    path: "carrier",
                    message: `the carrier refused the label: ${r.value.failureReason} (shipment ${r.value.id})`,
                  },
                ],
              });
            return r;
          },
          (r) => outcome(r, r.ok && r.value.status === "purchasing" ? 202 : 201, presentShipment),
        );
      },
    );
    app.post(
      "/returns/:id/shipments/:shipmentId/void",
      {
        schema: {
          tags: ["logistics"],
          summary: "Void an unused label: the carrier refunds its postage; the shipment becomes `voided`",
          description:
            "Only a label nobody has scanned yet (`label_created`) can be voided (409 otherwise, or when the carrier refuses). " +
            "Voiding again answers the voided shipment. Unused labels are also voided automatically after the merchant's " +
            "`labelValidityDays` (logistics settings, default 30) or when their case ends (status `expired`). Once voided, the " +
            "approved units can be shipped on a new label.",
          params: shipmentParams,
        },
      },
      async (req, reply) => {
        const bad =
          notFoundUnlessUuid(reply, "return", req.params.id) ??
          notFoundUnlessUuid(reply, "shipment", req.params.shipmentId);
        if (bad) return bad;
        return sendIdempotent(
          deps,
          req,
          reply,
          (d) =>
            voidShipment(d, merchantOf(req), req.params.shipmentId, actorOf(req), "requested", req.params.id),
          (r) => outcome(r, 200, presentShipment),
        );
      },
    );
    app.get(
      "/returns/:id/shipments",
      { schema: { tags: ["logistics"], summary: "The case's return shipments", params: caseParams } },
      async (req, reply) => {
        const c = await caseOr404(req, req.params.id, reply);
        if (!("id" in c)) return c;
        return { items: (await caseShipments(deps, c.merchantId, c.id)).map(presentShipment) };
      },
    );
    app.get(
      "/returns/:id/route",
      {
        schema: {
          tags: ["logistics"],
          summary:
            "Where the case goes: the routing decision frozen at approval, with every option's numbers",
          params: caseParams,
        },
      },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "return", req.params.id);
        if (bad) return bad;
        const r = await caseRoute(deps, merchantOf(req), req.params.id);
        return r.ok ? { route: presentRoute(r.value) } : sendProblem(reply, problemOf(r.error));
      },
    );
    app.get(
      "/returns/:id/shipments/:shipmentId",
      {
        schema: {
          tags: ["logistics"],
          summary: "A return shipment with its tracking history",
          params: shipmentParams,
        },
      },
      async (req, reply) => {
        const bad =
          notFoundUnlessUuid(reply, "return", req.params.id) ??
          notFoundUnlessUuid(reply, "shipment", req.params.shipmentId);
        if (bad) return bad;
        const r = await caseShipment(deps, merchantOf(req), req.params.id, req.params.shipmentId);
        return send(
          reply,
          outcome(r, 200, (x) => ({
            ...presentShipment(x.shipment),
            tracking: x.events.map(presentTracking),
          })),
        );
      },
    );
    app.get(
      "/returns/:id/shipments/:shipmentId/:document",
      {
        schema: {
          tags: ["logistics"],
          summary:
            "The shipment's label (label.pdf?size=4x6|a4), QR code (qr.png) or customs papers (customs-invoice.pdf, cn23.pdf)",
          params: shipmentParams.extend({ document: z.enum(Object.keys(DOCS) as [string, ...string[]]) }),
          querystring: z.object({ size: z.enum(["4x6", "a4"]).optional() }),
        },
      },
      async (req, reply) => {
        const bad =
          notFoundUnlessUuid(reply, "return", req.params.id) ??
          notFoundUnlessUuid(reply, "shipment", req.params.shipmentId);
        if (bad) return bad;
        const doc = DOCS[req.params.document];
        if (!doc)
          return sendProblem(
            reply,
            problemOf({ code: "not_found", entity: "document", id: req.params.document }),
          );
        const r = await shipmentDocument(
          deps,
          merchantOf(req),
          req.params.id,
          req.params.shipmentId,
          doc.kind(req.query),
        );
        if (!r.ok)
          return send(
            reply,
            outcome(r, 200, () => null),
          );
        return reply
          .type(doc.type)
          .header("content-disposition", `inline; filename="${req.params.document}"`)
          .send(r.value);
      },
    );
  };
