import type { FastifyInstance } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { auditEntries } from "../app/account-queries.ts";
import { auditActionOf } from "../app/audit-log.ts";
import type { Deps } from "../app/ports/index.ts";
import { actorOf, merchantOf } from "./auth.ts";

/**
 * Records every successful audited change (settings, provider accounts, payout details and
 * approvals, exports, API keys) before the answer leaves (a client that saw the success finds the
 * entry): who, what, the status — never the body.
 */
export function auditHook(app: FastifyInstance, deps: Deps): void {
  app.addHook("onSend", async (req, reply, payload) => {
    const who = req.apiKey || req.staff ? actorOf(req) : null;
    const path = req.url.split("?")[0] ?? "";
    const action = auditActionOf(req.method, path);
    if (!action || reply.statusCode >= 400 || !who) return payload;
    await deps.store.transaction((r) =>
      r.audit.append({
        id: deps.ids.next(),
        merchantId: merchantOf(req),
        at: deps.clock.now(),
        actor: { kind: who.kind, id: who.id, name: who.name ?? who.id },
        action,
        method: req.method,
        path,
        status: reply.statusCode,
      }),
    );
    return payload;
  });
}

/** GET /api/v1/audit-log: newest first; `before` pages on. */
export const auditRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/audit-log",
      {
        schema: {
          tags: ["settings"],
          summary: "The merchant's append-only audit log of security-relevant changes",
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(500).default(100),
            before: z.iso.datetime({ offset: true }).max(40).optional(),
          }),
        },
      },
      async (req) => {
        const entries = await auditEntries(
          deps,
          merchantOf(req),
          req.query.limit,
          req.query.before ? new Date(req.query.before) : null,
        );
        return {
          items: entries.map((e) => ({ ...e, at: e.at.toISOString() })),
          nextBefore: entries.length === req.query.limit ? (entries.at(-1)?.at.toISOString() ?? null) : null,
        };
      },
    );
  };
