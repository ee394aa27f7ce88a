import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { merchantById } from "../../app/account-queries.ts";
import { createApiKey, listApiKeys, revokeApiKey } from "../../app/merchants.ts";
import type { ApiKeyRecord, Deps } from "../../app/ports/index.ts";
import { API_KEY_SCOPES } from "../../domain/api-key-scopes.ts";
import { err } from "../../domain/result.ts";
import { outcome, send } from "../respond.ts";
import { requireStaff, staffOf } from "./staff-session.ts";

const tags = ["back office"];

const presentKey = (k: ApiKeyRecord) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdAt: k.createdAt.toISOString(),
  revokedAt: k.revokedAt?.toISOString() ?? null,
  scopes: k.scopes,
  expiresAt: k.expiresAt?.toISOString() ?? null,
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
});

/** The merchant's API keys, held by the owner: list, create (the secret is shown once), revoke. */
export const keyRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const owner = { onRequest: requireStaff(deps, "api_keys") };
    const slugOf = async (merchantId: string) => (await merchantById(deps, merchantId))?.slug ?? "";

    app.get(
      "/api-keys",
      { ...owner, schema: { tags, summary: "The merchant's API keys" } },
      async (req, reply) => {
        const r = await listApiKeys(deps, await slugOf(staffOf(req).account.merchantId));
        return send(
          reply,
          outcome(r, 200, (keys) => ({ data: keys.map(presentKey) })),
        );
      },
    );

    app.post(
      "/api-keys",
      {
        ...owner,
        schema: {
          tags,
          summary: "Create an API key (its secret is answered once)",
          body: z.object({
            name: z.string().trim().min(1, "is required").max(100),
            /** Default: every scope. */
            scopes: z.array(z.enum(API_KEY_SCOPES)).min(1).max(API_KEY_SCOPES.length).optional(),
            /** Days until the key stops working; none: never. */
            expiresInDays: z.int().min(1).max(3650).optional(),
          }),
        },
      },
      async (req, reply) => {
        const { name, scopes, expiresInDays } = req.body;
        const expiresAt = expiresInDays
          ? new Date(deps.clock.now().getTime() + expiresInDays * 86_400_000)
          : null;
        const r = await createApiKey(deps, await slugOf(staffOf(req).account.merchantId), name, undefined, {
          ...(scopes ? { scopes } : {}),
          expiresAt,
        });
        return send(
          reply,
          outcome(r, 201, (v) => ({ ...presentKey(v.record), key: v.key })),
        );
      },
    );

    app.delete(
      "/api-keys/:id",
      {
        ...owner,
        schema: { tags, summary: "Revoke an API key", params: z.object({ id: z.uuid("is not an id") }) },
      },
      async (req, reply) => {
        const merchantId = staffOf(req).account.merchantId;
        const keys = await listApiKeys(deps, await slugOf(merchantId));
        const mine = keys.ok && keys.value.some((k) => k.id === req.params.id);
        const r = mine
          ? await revokeApiKey(deps, await slugOf(merchantId), req.params.id)
          : err({ code: "not_found" as const, entity: "api key", id: req.params.id });
        return send(reply, outcome(r, 200, presentKey));
      },
    );
  };
