import type { DomainError } from "../../domain/errors.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import type { Deps } from "../ports/index.ts";
import type { DeliveryStatus, WebhookAttempt, WebhookDelivery } from "./records.ts";
import { attemptDelivery } from "./webhook-delivery.ts";

const missing = (entity: string, id: string): DomainError => ({ code: "not_found", entity, id });

/** The delivery log of one endpoint, newest first. */
export async function listDeliveries(
  deps: Deps,
  merchantId: string,
  endpointId: string,
  q: { status?: DeliveryStatus; cursor?: string; limit: number },
): Promise<Result<{ items: WebhookDelivery[]; nextCursor: string | null }, DomainError>> {
  const e = await deps.store.read.webhookEndpoints.get(merchantId, endpointId);
  if (!e) return err(missing("webhook endpoint", endpointId));
  const items = await deps.store.read.webhookDeliveries.list(merchantId, endpointId, {
    ...(q.status ? { status: q.status } : {}),
    ...(q.cursor ? { before: q.cursor } : {}),
    limit: q.limit,
  });
  return ok({ items, nextCursor: items.length === q.limit ? (items.at(-1)?.id ?? null) : null });
}

export async function getDelivery(
  deps: Deps,
  merchantId: string,
  id: string,
): Promise<Result<{ delivery: WebhookDelivery; attempts: WebhookAttempt[] }, DomainError>> {
  const delivery = await deps.store.read.webhookDeliveries.get(merchantId, id);
  if (!delivery) return err(missing("webhook delivery", id));
  return ok({ delivery, attempts: await deps.store.read.webhookDeliveries.attempts(merchantId, id) });
}

/**
 * Sends a logged message again now, with its original `webhook-id` (receivers drop what they already
 * have) and a fresh timestamp and signature; the attempt joins the log, marked as a replay.
 */
export async function replayDelivery(
  deps: Deps,
  merchantId: string,
  id: string,
): Promise<Result<{ delivery: WebhookDelivery; attempts: WebhookAttempt[] }, DomainError>> {
  const delivery = await deps.store.read.webhookDeliveries.get(merchantId, id);
  if (!delivery) return err(missing("webhook delivery", id));
  const endpoint = await deps.store.read.webhookEndpoints.get(merchantId, delivery.endpointId);
  if (!endpoint) return err(missing("webhook endpoint", delivery.endpointId));
  const r = await attemptDelivery(deps, endpoint, delivery, true);
  return ok({
    delivery: r.delivery,
    attempts: await deps.store.read.webhookDeliveries.attempts(merchantId, id),
  });
}
