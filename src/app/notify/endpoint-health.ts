import type { Deps } from "../ports/index.ts";

/**
 * Counts a failed attempt against the endpoint; after `disableAfterFailures` failures in a row spread
 * over at least `disableAfterMs`, disables it and leaves the merchant a notice (GET /notices) saying
 * why and how to turn it back on. Its undelivered messages stay in the delivery log for replay.
 */
export async function disableIfFailing(
  deps: Deps,
  merchantId: string,
  endpointId: string,
  at: Date,
): Promise<boolean> {
  const settings = deps.notify?.settings;
  if (!settings) return false;
  const e = await deps.store.read.webhookEndpoints.recordFailure(merchantId, endpointId, at);
  if (!e?.enabled || !e.failingSince) return false;
  const longEnough = at.getTime() - e.failingSince.getTime() >= settings.disableAfterMs;
  if (e.consecutiveFailures < settings.disableAfterFailures || !longEnough) return false;
  const reason = `${e.consecutiveFailures} failed deliveries in a row since ${e.failingSince.toISOString()}`;
  return deps.store.transaction(async (r) => {
    if (!(await r.webhookEndpoints.disable(e.merchantId, e.id, reason, at))) return false;
    await r.notices.insert({
      id: deps.ids.next(),
      merchantId: e.merchantId,
      kind: "webhook_endpoint.disabled",
      message: `The webhook endpoint ${e.url} was disabled after ${reason}. Fix it, then re-enable it with PATCH /api/v1/webhook-endpoints/${e.id} {"enabled":true} and replay what it missed.`,
      data: { endpointId: e.id, url: e.url, consecutiveFailures: e.consecutiveFailures },
      createdAt: at,
    });
    return true;
  });
}
