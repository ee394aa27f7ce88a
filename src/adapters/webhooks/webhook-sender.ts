import type { WebhookSender } from "../../app/logistics/ports.ts";
import { standardWebhookHeaders } from "./standard-webhooks.ts";

/** POSTs a Standard Webhooks message (JSON body `{type, timestamp, data}`) with a timeout; 2xx is delivered. */
export function standardWebhookSender(opts: { timeoutMs?: number } = {}): WebhookSender {
  return {
    async send(url, secret, msg) {
      const body = JSON.stringify({
        type: msg.type,
        timestamp: msg.timestamp.toISOString(),
        data: msg.payload,
      });
      try {
        const res = await fetch(url, {
          method: "POST",
          body,
          headers: {
            "content-type": "application/json",
            "user-agent": "Crossback-Webhooks/1",
            ...standardWebhookHeaders(secret, msg.id, msg.sentAt ?? msg.timestamp, body),
          },
          signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
        });
        await res.arrayBuffer().catch(() => undefined);
        return res.ok
          ? { ok: true, status: res.status, error: null }
          : { ok: false, status: res.status, error: `HTTP ${res.status}` };
      } catch (e) {
        return { ok: false, status: null, error: e instanceof Error ? e.message : String(e) };
      }
    },
  };
}
