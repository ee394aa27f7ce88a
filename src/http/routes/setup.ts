import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { legalEntityBody, marketBody, setupCode } from "../../app/inputs/setup-input.ts";
import type { Deps, LegalEntity, Market } from "../../app/ports/index.ts";
import { listLegalEntities, listMarkets, putLegalEntity, putMarket } from "../../app/setup.ts";
import { merchantOf } from "../auth.ts";
import { outcome, send } from "../respond.ts";

const presentEntity = (e: LegalEntity) => ({
  id: e.id,
  code: e.code ?? null,
  name: e.name,
  country: e.country,
  vatNumber: e.vatNumber,
  eoriNumber: e.eoriNumber,
  iossNumber: e.iossNumber,
  address: e.address,
});

function presentMarket(m: Market, entities: readonly LegalEntity[]) {
  return {
    id: m.id,
    code: m.code,
    name: m.name,
    countries: m.countries,
    currency: m.currency,
    languages: m.languages,
    legalEntity: entities.find((e) => e.id === m.legalEntityId)?.code ?? null,
    legalEntityId: m.legalEntityId,
  };
}

/** Legal entities (who issues credit notes) and markets (which countries each sells to). */
export const setupRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.put(
      "/legal-entities/:code",
      {
        schema: {
          tags: ["settings"],
          summary: "Create or replace a legal entity (it numbers its own credit notes per year)",
          params: setupCode,
          body: legalEntityBody,
        },
      },
      async (req, reply) => {
        const r = await putLegalEntity(deps, merchantOf(req), req.params.code, req.body);
        return reply.code(r.created ? 201 : 200).send(presentEntity(r.entity));
      },
    );
    app.get(
      "/legal-entities",
      { schema: { tags: ["settings"], summary: "List legal entities" } },
      async (req) => ({
        items: (await listLegalEntities(deps, merchantOf(req))).map(presentEntity),
      }),
    );
    app.put(
      "/markets/:code",
      {
        schema: {
          tags: ["settings"],
          summary: "Create or replace a market: the shopper countries a legal entity sells to",
          params: setupCode,
          body: marketBody,
        },
      },
      async (req, reply) => {
        const r = await putMarket(deps, merchantOf(req), req.params.code, req.body);
        const entities = await listLegalEntities(deps, merchantOf(req));
        return send(
          reply,
          outcome(r, r.ok && r.value.created ? 201 : 200, (v) => presentMarket(v.market, entities)),
        );
      },
    );
    app.get("/markets", { schema: { tags: ["settings"], summary: "List markets" } }, async (req) => {
      const entities = await listLegalEntities(deps, merchantOf(req));
      return { items: (await listMarkets(deps, merchantOf(req))).map((m) => presentMarket(m, entities)) };
    });
  };
