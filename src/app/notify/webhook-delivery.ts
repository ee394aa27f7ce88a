import { wantsEvent } from "../../domain/notify/event-filter.ts";
import type { Deps } from "../ports/index.ts";
import { disableIfFailing } from "./endpoint-health.ts";
import type { ConsumerResult, OutboxConsumer, OutboxEvent } from "./ports.ts";
import type { WebhookDelivery, WebhookEndpoint } from "./records.ts";

/** The `data` of a case event's webhook: what happened, in which case, at which place of its history. */
export function eventPayload(e: OutboxEvent): Record<string, unknown> {
  return {
    eventId: e.id,
    caseId: e.caseId,
    sequence: e.seq,
    at: e.at.toISOString(),
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actor: { kind: e.actor.kind, id: e.actor.id },
    reason: e.reason,
    details: e.data,
  };
}

/** The secrets that sign now: the newest first, rotated-out ones until they expire. */
export function signingSecrets(e: WebhookEndpoint, at: Date): string[] {
  return [...e.secrets]
    .filter((s) => !s.expiresAt || s.expiresAt > at)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .map((s) => s.secret);
}

/** The outbox consumer of one endpoint: records the message (its id is the `webhook-id`), then posts it. */
export function webhookConsumer(deps: Deps, endpointId: string): OutboxConsumer {
  return {
    name: `webhook:${endpointId}`,
    recordsDeliveries: true,
    async deliver(event) {
      const endpoint = await deps.store.read.webhookEndpoints.get(event.merchantId, endpointId);
      if (!endpoint?.enabled) return { ok: true, quiet: true };
      if (event.at < endpoint.createdAt || !wantsEvent(endpoint.eventTypes, event.type))
        return { ok: true, quiet: true };
      const delivery = await deps.store.read.webhookDeliveries.ensure({
        id: `msg_${deps.ids.next().replaceAll("-", "")}`,
        merchantId: event.merchantId,
        endpointId,
        caseId: event.caseId,
        eventId: event.id,
        type: event.type,
        payload: eventPayload(event),
        status: "pending",
        attempts: 0,
        lastStatus: null,
        lastError: null,
        createdAt: event.at,
        deliveredAt: null,
      });
      if (delivery.status === "delivered") return { ok: true, quiet: true };
      return attemptDelivery(deps, endpoint, delivery, false);
    },
  };
}

/** Posts one delivery now and records the attempt; failures count towards disabling the endpoint. */
export async function attemptDelivery(
  deps: Deps,
  endpoint: WebhookEndpoint,
  delivery: WebhookDelivery,
  replay: boolean,
): Promise<ConsumerResult & { delivery: WebhookDelivery }> {
  const notify = deps.notify;
  if (!notify) return { ok: false, error: "webhooks are not configured", delivery };
  const at = deps.clock.now();
  const res = await notify.webhooks.send(endpoint.url, signingSecrets(endpoint, at), {
    id: delivery.id,
    type: delivery.type,
    timestamp: delivery.createdAt,
    payload: delivery.payload,
    sentAt: at,
  });
  const next: WebhookDelivery = {
    ...delivery,
    status: res.ok ? "delivered" : delivery.status === "delivered" ? "delivered" : "pending",
    attempts: delivery.attempts + 1,
    lastStatus: res.status,
    lastError: res.ok ? null : res.error,
    deliveredAt: res.ok ? (delivery.deliveredAt ?? at) : delivery.deliveredAt,
  };
  await deps.store.read.webhookDeliveries.recordAttempt(next, {
    id: deps.ids.next(),
    deliveryId: delivery.id,
    at,
    ok: res.ok,
    statusCode: res.status,
    error: res.error,
    replay,
  });
  if (res.ok) {
    if (endpoint.consecutiveFailures > 0)
      await deps.store.read.webhookEndpoints.recordSuccess(endpoint.merchantId, endpoint.id);
    return { ok: true, delivery: next };
  }
  await disableIfFailing(deps, endpoint.merchantId, endpoint.id, at);
  return { ok: false, error: res.error ?? `HTTP ${res.status}`, delivery: next };
}
