import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { merchantNotices } from "../../app/account-queries.ts";
import { deliveryQuery, webhookEndpointBody, webhookEndpointPatch } from "../../app/inputs/webhook-input.ts";
import {
  createEndpoint,
  getEndpoint,
  listEndpoints,
  rotateSecret,
  updateEndpoint,
} from "../../app/notify/webhook-endpoints.ts";
import { getDelivery, listDeliveries, replayDelivery } from "../../app/notify/webhook-log.ts";
import type { Deps } from "../../app/ports/index.ts";
import { ok } from "../../domain/result.ts";
import { merchantOf } from "../auth.ts";
import { presentAttempt, presentDelivery, presentEndpoint, presentNotice } from "../present-notify.ts";
import { outcome, send } from "../respond.ts";

const id = z.object({ id: z.uuid() });
const deliveryId = z.object({ id: z.string().regex(/^msg_[0-9a-f]{32}$/, "must be a webhook message id") });
const rotateBody = z
  .strictObject({
    secret: z
      .string()
      .max(100)
      .regex(/^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/, "must be whsec_ followed by 24 to 64 bytes of base64")
      .optional(),
  })
  .optional();

const tags = ["webhooks"];
const withAttempts = (v: {
  delivery: Parameters<typeof presentDelivery>[0];
  attempts: Parameters<typeof presentAttempt>[0][];
}) => ({
  ...presentDelivery(v.delivery),
  attemptLog: v.attempts.map(presentAttempt),
});

export const webhookEndpointRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/webhook-endpoints",
      {
        schema: {
          tags,
          summary: "Subscribe a URL to case events (Standard Webhooks)",
          description:
            "`eventTypes` filters what is sent (`return.approved`, `return.*`, `*`; empty: everything). The signing `secret` (`whsec_…`) is answered here and on rotation only.",
          body: webhookEndpointBody,
        },
      },
      async (req, reply) => {
        const r = await createEndpoint(deps, merchantOf(req), req.body);
        return send(
          reply,
          outcome(ok(r), 201, (v) => ({ ...presentEndpoint(v.endpoint), secret: v.secret })),
        );
      },
    );
    app.get("/webhook-endpoints", { schema: { tags, summary: "List webhook endpoints" } }, async (req) => ({
      items: (await listEndpoints(deps, merchantOf(req))).map(presentEndpoint),
    }));
    app.get(
      "/webhook-endpoints/:id",
      { schema: { tags, summary: "Get a webhook endpoint", params: id } },
      async (req, reply) =>
        send(reply, outcome(await getEndpoint(deps, merchantOf(req), req.params.id), 200, presentEndpoint)),
    );
    app.patch(
      "/webhook-endpoints/:id",
      {
        schema: {
          tags,
          summary: "Change an endpoint's URL or filters, disable it, or turn it back on",
          description:
            "`enabled: true` re-enables an endpoint disabled after repeated failures; what it missed meanwhile is delivered again.",
          params: id,
          body: webhookEndpointPatch,
        },
      },
      async (req, reply) =>
        send(
          reply,
          outcome(await updateEndpoint(deps, merchantOf(req), req.params.id, req.body), 200, presentEndpoint),
        ),
    );
    app.post(
      "/webhook-endpoints/:id/rotate-secret",
      {
        schema: {
          tags,
          summary: "Rotate the signing secret",
          description:
            "The new secret signs from now on; the previous one keeps signing beside it (a second `v1,` signature) for a day.",
          params: id,
          body: rotateBody,
        },
      },
      async (req, reply) => {
        const r = await rotateSecret(deps, merchantOf(req), req.params.id, req.body?.secret);
        return send(
          reply,
          outcome(r, 200, (v) => ({ ...presentEndpoint(v.endpoint), secret: v.secret })),
        );
      },
    );
    app.get(
      "/webhook-endpoints/:id/deliveries",
      {
        schema: {
          tags,
          summary: "The delivery log of an endpoint (newest first)",
          params: id,
          querystring: deliveryQuery,
        },
      },
      async (req, reply) => {
        const r = await listDeliveries(deps, merchantOf(req), req.params.id, req.query);
        return send(
          reply,
          outcome(r, 200, (v) => ({ items: v.items.map(presentDelivery), nextCursor: v.nextCursor })),
        );
      },
    );
    app.get(
      "/webhook-deliveries/:id",
      { schema: { tags, summary: "A message with every attempt to deliver it", params: deliveryId } },
      async (req, reply) =>
        send(reply, outcome(await getDelivery(deps, merchantOf(req), req.params.id), 200, withAttempts)),
    );
    app.post(
      "/webhook-deliveries/:id/replay",
      {
        schema: {
          tags,
          summary: "Send a message again now (same webhook-id, fresh signature)",
          params: deliveryId,
        },
      },
      async (req, reply) =>
        send(reply, outcome(await replayDelivery(deps, merchantOf(req), req.params.id), 200, withAttempts)),
    );
    app.get(
      "/notices",
      {
        schema: {
          tags,
          summary: "Notices for the merchant (e.g. a webhook endpoint disabled after repeated failures)",
        },
      },
      async (req) => ({
        items: (await merchantNotices(deps, merchantOf(req), 100)).map(presentNotice),
      }),
    );
  };
