import type { FastifyInstance } from "fastify";
import { applyTrackingUpdates } from "../../app/logistics/tracking.ts";
import type { Deps } from "../../app/ports/index.ts";
import { sendInvalidSignature } from "../problem.ts";

/**
 * Carrier tracking webhooks at /api/webhooks/carriers/{easypost|shippo} (no API key: the signature over
 * the raw body is the authentication). A bad signature is a 400 and changes nothing; each carrier
 * event is applied once.
 */
export function carrierWebhookRoutes(deps: Deps) {
  return async (app: FastifyInstance) => {
    app.addContentTypeParser(["application/json", "text/plain"], { parseAs: "buffer" }, (_req, body, done) =>
      done(null, body),
    );
    for (const carrier of deps.logistics?.carriers.values() ?? []) {
      app.post(`/webhooks/carriers/${carrier.name}`, { schema: { hide: true } }, async (req, reply) => {
        const raw = req.body instanceof Buffer ? req.body : Buffer.from(String(req.body ?? ""));
        const query = req.query as Record<string, string | undefined>;
        const r = carrier.webhooks.receive(raw, req.headers, query);
        if (!r.ok) return sendInvalidSignature(reply, r.error);
        const applied = await applyTrackingUpdates(deps, r.value, "webhook");
        return reply.code(200).send({ received: r.value.length, applied });
      });
    }
  };
}
