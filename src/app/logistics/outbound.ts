import type { Deps } from "../ports/index.ts";
import type { OutboundWebhook } from "./records.ts";

export const MAX_WEBHOOK_ATTEMPTS = 10;

/**
 * Delivers one recorded webhook (an advance shipping notice) to its location's endpoint, signed per
 * Standard Webhooks with the location's secret. The id is the row id on every attempt, so the
 * receiver can drop duplicates. Called after the commit that recorded it, and by the retry job.
 */
export async function deliverWebhook(deps: Deps, id: string): Promise<OutboundWebhook | null> {
  const sender = deps.logistics?.webhooks;
  const w = await deps.store.read.outbound.get(id);
  if (w?.status !== "pending" || !sender) return w;
  const location = w.locationId ? await deps.store.read.locations.byId(w.merchantId, w.locationId) : null;
  const at = deps.clock.now();
  const res = location?.asn
    ? await sender.send(location.asn.url, location.asn.secret, {
        id: w.id,
        type: w.type,
        timestamp: w.createdAt,
        payload: w.payload,
      })
    : { ok: false, status: null, error: "the destination has no ASN endpoint (asn.url) configured" };
  const attempts = w.attempts + 1;
  const next: OutboundWebhook = res.ok
    ? { ...w, status: "delivered", attempts, lastError: null, deliveredAt: at }
    : {
        ...w,
        status: attempts >= MAX_WEBHOOK_ATTEMPTS ? "failed" : "pending",
        attempts,
        lastError: res.error,
      };
  await deps.store.transaction((r) => r.outbound.update(next));
  return next;
}
