import { randomBytes } from "node:crypto";
import type { DomainError } from "../../domain/errors.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import type { WebhookEndpointBody, WebhookEndpointPatch } from "../inputs/webhook-input.ts";
import type { Deps } from "../ports/index.ts";
import { DEFAULT_OUTBOX_SETTINGS } from "./ports.ts";
import type { WebhookEndpoint } from "./records.ts";

export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString("base64")}`;

const notFound = (id: string): DomainError => ({ code: "not_found", entity: "webhook endpoint", id });

/** POST /webhook-endpoints: the secret is answered once (and on rotation), never listed. */
export async function createEndpoint(
  deps: Deps,
  merchantId: string,
  body: WebhookEndpointBody,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const at = deps.clock.now();
  const secret = body.secret ?? newWebhookSecret();
  const endpoint: WebhookEndpoint = {
    id: deps.ids.next(),
    merchantId,
    url: body.url,
    description: body.description ?? null,
    eventTypes: [...new Set(body.eventTypes)],
    secrets: [{ secret, createdAt: at, expiresAt: null }],
    enabled: true,
    disabledReason: null,
    disabledAt: null,
    consecutiveFailures: 0,
    failingSince: null,
    createdAt: at,
    updatedAt: at,
  };
  await deps.store.transaction((r) => r.webhookEndpoints.insert(endpoint));
  return { endpoint, secret };
}

export async function getEndpoint(
  deps: Deps,
  merchantId: string,
  id: string,
): Promise<Result<WebhookEndpoint, DomainError>> {
  const e = await deps.store.read.webhookEndpoints.get(merchantId, id);
  return e ? ok(e) : err(notFound(id));
}

export function listEndpoints(deps: Deps, merchantId: string): Promise<WebhookEndpoint[]> {
  return deps.store.read.webhookEndpoints.list(merchantId);
}

/** PATCH: url, description, filters; `enabled: true` turns a disabled endpoint back on (failures reset). */
export async function updateEndpoint(
  deps: Deps,
  merchantId: string,
  id: string,
  patch: WebhookEndpointPatch,
): Promise<Result<WebhookEndpoint, DomainError>> {
  const at = deps.clock.now();
  return deps.store.transaction(async (r) => {
    const e = await r.webhookEndpoints.get(merchantId, id);
    if (!e) return err(notFound(id));
    const reenable = patch.enabled === true && !e.enabled;
    const disable = patch.enabled === false && e.enabled;
    const next: WebhookEndpoint = {
      ...e,
      url: patch.url ?? e.url,
      description: patch.description === undefined ? e.description : patch.description,
      eventTypes: patch.eventTypes ? [...new Set(patch.eventTypes)] : e.eventTypes,
      enabled: patch.enabled ?? e.enabled,
      disabledReason: reenable ? null : disable ? "disabled by the merchant" : e.disabledReason,
      disabledAt: reenable ? null : disable ? at : e.disabledAt,
      consecutiveFailures: reenable ? 0 : e.consecutiveFailures,
      failingSince: reenable ? null : e.failingSince,
      updatedAt: at,
    };
    await r.webhookEndpoints.update(next);
    // What it missed while failing or disabled goes out again (delivered messages are not repeated).
    const since = [e.failingSince, e.disabledAt].filter((d): d is Date => d !== null);
    if (reenable && since.length > 0)
      await r.outbox.reopen(merchantId, new Date(Math.min(...since.map((d) => d.getTime()))));
    return ok(next);
  });
}

/**
 * Rotates the signing secret: the new one signs from now on; the previous ones keep signing beside it
 * (a second `v1,` signature) for `secretOverlapMs`, so receivers can switch without losing a message.
 */
export async function rotateSecret(
  deps: Deps,
  merchantId: string,
  id: string,
  secret?: string,
): Promise<Result<{ endpoint: WebhookEndpoint; secret: string }, DomainError>> {
  const at = deps.clock.now();
  const overlap = deps.notify?.settings.secretOverlapMs ?? DEFAULT_OUTBOX_SETTINGS.secretOverlapMs;
  const fresh = secret ?? newWebhookSecret();
  return deps.store.transaction(async (r) => {
    const e = await r.webhookEndpoints.get(merchantId, id);
    if (!e) return err(notFound(id));
    const expires = new Date(at.getTime() + overlap);
    const kept = e.secrets
      .filter((s) => !s.expiresAt || s.expiresAt > at)
      .map((s) => ({ ...s, expiresAt: s.expiresAt && s.expiresAt < expires ? s.expiresAt : expires }));
    const next = {
      ...e,
      secrets: [...kept, { secret: fresh, createdAt: at, expiresAt: null }],
      updatedAt: at,
    };
    await r.webhookEndpoints.update(next);
    return ok({ endpoint: next, secret: fresh });
  });
}
