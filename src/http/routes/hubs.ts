import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  consolidationBody,
  licencePlateBody,
  palletBody,
  receiptBody,
  scanBody,
} from "../../app/inputs/logistics-input.ts";
import {
  bagUnit,
  consolidate,
  openBag,
  palletise,
  receiveConsolidation,
  sealBag,
} from "../../app/logistics/hub-consolidation.ts";
import { registerParcel } from "../../app/logistics/hub-parcels.ts";
import { consolidationWithAsn, consolidationWithLocations, hubBag } from "../../app/logistics/queries.ts";
import type { Deps } from "../../app/ports/index.ts";
import { manifestCsv } from "../../domain/logistics/hub.ts";
import { actorOf, merchantOf } from "../auth.ts";
import { notFoundUnlessUuid } from "../ids.ts";
import { presentBag, presentConsolidation, presentShipment, presentUnit } from "../present-logistics.ts";
import { problemOf, sendProblem } from "../problem.ts";
import { outcome, sendIdempotent } from "../respond.ts";

const hub = z.object({ code: z.string().min(1).max(64) });
const bag = hub.extend({ bag: z.string().min(1).max(64) });
const TAGS = ["hub operations"];

export const hubRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/hubs/:code/parcels",
      {
        schema: {
          tags: TAGS,
          summary:
            "Register a return parcel by scanning its label or QR code: licence plate per unit; ships and receives the case at the hub",
          params: hub,
          body: scanBody,
        },
      },
      (req, reply) =>
        sendIdempotent(
          deps,
          req,
          reply,
          (d) => registerParcel(d, merchantOf(req), req.params.code, req.body.code, actorOf(req)),
          (r) =>
            outcome(r, r.ok && r.value.alreadyRegistered ? 200 : 201, (v) => ({
              parcel: presentShipment(v.shipment),
              units: v.units.map(presentUnit),
              alreadyRegistered: v.alreadyRegistered,
            })),
        ),
    );
    app.post(
      "/hubs/:code/bags",
      { schema: { tags: TAGS, summary: "Open a bag (its code is its barcode)", params: hub } },
      (req, reply) =>
        sendIdempotent(
          deps,
          req,
          reply,
          (d) => openBag(d, merchantOf(req), req.params.code),
          (r) =>
            outcome(r, 201, (b) => ({
              ...presentBag(b, 0),
              barcodeUrl: `/api/v1/hubs/${req.params.code}/bags/${b.code}/barcode.png`,
            })),
        ),
    );
    app.post(
      "/hubs/:code/bags/:bag/items",
      {
        schema: {
          tags: TAGS,
          summary: "Scan a unit's licence plate into an open bag",
          params: bag,
          body: licencePlateBody,
        },
      },
      (req, reply) =>
        sendIdempotent(
          deps,
          req,
          reply,
          (d) => bagUnit(d, merchantOf(req), req.params.code, req.params.bag, req.body.licencePlate),
          (r) => outcome(r, 200, (v) => presentBag(v.bag, v.units)),
        ),
    );
    app.post(
      "/hubs/:code/bags/:bag/seal",
      { schema: { tags: TAGS, summary: "Seal a bag", params: bag } },
      (req, reply) =>
        sendIdempotent(
          deps,
          req,
          reply,
          (d) => sealBag(d, merchantOf(req), req.params.code, req.params.bag),
          (r) => outcome(r, 200, (b) => presentBag(b)),
        ),
    );
    app.get(
      "/hubs/:code/bags/:bag/barcode.png",
      { schema: { tags: TAGS, summary: "The bag's barcode (QR code, PNG)", params: bag } },
      async (req, reply) => {
        const b = await hubBag(deps, merchantOf(req), req.params.bag);
        if (!b || !deps.logistics)
          return sendProblem(reply, problemOf({ code: "not_found", entity: "bag", id: req.params.bag }));
        return reply.type("image/png").send(await deps.logistics.documents.qrPng(b.code));
      },
    );
    app.post(
      "/hubs/:code/pallets",
      { schema: { tags: TAGS, summary: "Put sealed bags on a pallet", params: hub, body: palletBody } },
      (req, reply) =>
        sendIdempotent(
          deps,
          req,
          reply,
          (d) => palletise(d, merchantOf(req), req.params.code, req.body.bags),
          (r) => outcome(r, 201, (p) => ({ code: p.code, bags: p.bags })),
        ),
    );
    app.post(
      "/hubs/:code/consolidations",
      {
        schema: {
          tags: TAGS,
          summary:
            "Ship pallets to a warehouse as one consolidated shipment; sends the signed advance shipping notice (ASN)",
          params: hub,
          body: consolidationBody,
        },
      },
      (req, reply) =>
        sendIdempotent(
          deps,
          req,
          reply,
          (d) => consolidate(d, merchantOf(req), req.params.code, req.body, actorOf(req)),
          (r) => outcome(r, 201, presentConsolidation),
        ),
    );
    const cid = z.object({ id: z.string() });
    app.get(
      "/consolidations/:id/manifest",
      {
        schema: {
          tags: TAGS,
          summary: "The manifest of a consolidated shipment (json, csv or pdf)",
          params: cid,
          querystring: z.object({ format: z.enum(["json", "csv", "pdf"]).default("json") }),
        },
      },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "consolidation", req.params.id);
        if (bad) return bad;
        const r = await consolidationWithLocations(deps, merchantOf(req), req.params.id);
        if (!r.ok) return sendProblem(reply, problemOf(r.error));
        const { consolidation: c, from, to } = r.value;
        if (req.query.format === "csv")
          return reply
            .type("text/csv; charset=utf-8")
            .header("content-disposition", `attachment; filename="${c.code}.csv"`)
            .send(manifestCsv(c.manifest));
        const pallets = [...new Set(c.manifest.map((u) => u.pallet ?? ""))].map((p) => ({
          code: p,
          bags: [...new Set(c.manifest.filter((u) => (u.pallet ?? "") === p).map((u) => u.bag))].map((b) => ({
            code: b,
            units: c.manifest.filter((u) => u.bag === b).length,
          })),
        }));
        if (req.query.format === "pdf" && deps.logistics) {
          const pdf = await deps.logistics.documents.manifestPdf({
            code: c.code,
            from: from?.code ?? "",
            to: to?.code ?? "",
            carrier: c.carrier,
            trackingNumber: c.trackingNumber,
            shippedAt: c.shippedAt,
            pallets,
            units: c.manifest,
          });
          return reply
            .type("application/pdf")
            .header("content-disposition", `inline; filename="${c.code}.pdf"`)
            .send(pdf);
        }
        return { ...presentConsolidation(c), from: from?.code, to: to?.code, pallets, units: c.manifest };
      },
    );
    app.get(
      "/consolidations/:id",
      {
        schema: {
          tags: TAGS,
          summary: "A consolidated shipment, its ASN deliveries and reconciliation",
          params: cid,
        },
      },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "consolidation", req.params.id);
        if (bad) return bad;
        const r = await consolidationWithAsn(deps, merchantOf(req), req.params.id);
        if (!r.ok) return sendProblem(reply, problemOf(r.error));
        const { consolidation: c, asn } = r.value;
        return {
          ...presentConsolidation(c),
          asn: asn.map((w) => ({
            id: w.id,
            type: w.type,
            status: w.status,
            attempts: w.attempts,
            lastError: w.lastError,
            deliveredAt: w.deliveredAt?.toISOString() ?? null,
          })),
        };
      },
    );
    app.post(
      "/consolidations/:id/receipt",
      {
        schema: {
          tags: TAGS,
          summary:
            "Receipt at the destination: scanned bags (and units) reconciled with the manifest; shortages flagged on their cases",
          params: cid,
          body: receiptBody,
        },
      },
      async (req, reply) => {
        const bad = notFoundUnlessUuid(reply, "consolidation", req.params.id);
        if (bad) return bad;
        return sendIdempotent(
          deps,
          req,
          reply,
          (d) => receiveConsolidation(d, merchantOf(req), req.params.id, req.body.bags, actorOf(req)),
          (r) =>
            outcome(r, 200, (v) => ({
              ...presentConsolidation(v.consolidation),
              reconciliation: v.reconciliation,
            })),
        );
      },
    );
  };
