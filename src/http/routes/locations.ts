import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { locationBody, logisticsSettingsBody } from "../../app/inputs/logistics-input.ts";
import { getLocation, listLocations, putLocation } from "../../app/logistics/locations.ts";
import { logisticsSettings } from "../../app/logistics/queries.ts";
import { saveSettings } from "../../app/logistics/settings.ts";
import type { Deps } from "../../app/ports/index.ts";
import { merchantOf } from "../auth.ts";
import { presentLocation } from "../present-logistics.ts";
import { outcome, send } from "../respond.ts";

const code = z.object({
  code: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1 to 64 letters, digits, _ or -"),
});

export const locationRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.put(
      "/locations/:code",
      {
        schema: {
          tags: ["logistics"],
          summary: "Create or replace a warehouse, regional hub or vendor return address",
          description:
            "`accepts` lists the shopper countries it takes returns from (`*`: all). `lanes` overrides the reference lane table per shopper country (transit and clearance days, label cost). `asn` is where advance shipping notices are sent (Standard Webhooks signature).",
          params: code,
          body: locationBody,
        },
      },
      async (req, reply) => {
        const r = await putLocation(deps, merchantOf(req), req.params.code, req.body);
        return send(
          reply,
          outcome(r, r.ok && r.value.created ? 201 : 200, (v) => presentLocation(v.location)),
        );
      },
    );
    app.get("/locations", { schema: { tags: ["logistics"], summary: "List locations" } }, async (req) => ({
      items: (await listLocations(deps, merchantOf(req))).map(presentLocation),
    }));
    app.get(
      "/locations/:code",
      { schema: { tags: ["logistics"], summary: "Get a location", params: code } },
      async (req, reply) =>
        send(reply, outcome(await getLocation(deps, merchantOf(req), req.params.code), 200, presentLocation)),
    );
    app.get(
      "/logistics/settings",
      {
        schema: { tags: ["logistics"], summary: "Routing, carrier and customs settings (defaults applied)" },
      },
      async (req) => (await logisticsSettings(deps, merchantOf(req))).document,
    );
    app.put(
      "/logistics/settings",
      {
        schema: {
          tags: ["logistics"],
          summary:
            "Set routing (cheapest/fastest, recovery by disposition, keep-it/donate/liquidate), carrier rules per country and customs defaults",
          body: logisticsSettingsBody,
        },
      },
      async (req, reply) =>
        send(
          reply,
          outcome(await saveSettings(deps, merchantOf(req), req.body), 200, (s) => s.document),
        ),
    );
  };
