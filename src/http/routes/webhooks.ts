import type { FastifyInstance } from "fastify";
import type { Deps } from "../../app/ports/index.ts";
import type { RefundWebhookReceiver } from "../../app/refund-updates.ts";
import { applyRefundUpdates } from "../../app/webhooks.ts";
import { sendInvalidSignature } from "../problem.ts";

/**
 * Provider webhooks (no API key: the signature over the raw body is the authentication). A bad
 * signature is a 400 and changes nothing; a verified delivery is applied once per event id.
 */
export function webhookRoutes(deps: Deps, receivers: readonly RefundWebhookReceiver[]) {
  return async (app: FastifyInstance) => {
    app.addContentTypeParser(["application/json", "text/plain"], { parseAs: "buffer" }, (_req, body, done) =>
      done(null, body),
    );
    for (const receiver of receivers) {
      app.post(`/webhooks/${receiver.provider}`, { schema: { hide: true } }, async (req, reply) => {
        const raw = req.body instanceof Buffer ? req.body : Buffer.from(String(req.body ?? ""));
        const r = receiver.receive(raw, req.headers);
        if (!r.ok) return sendInvalidSignature(reply, r.error);
        await applyRefundUpdates(deps, r.value);
        return reply.code(200).type("text/plain").send(receiver.acknowledgement);
      });
    }
  };
}
