import { createHash } from "node:crypto";
import type {
  MerchantNotice,
  WebhookAttempt,
  WebhookDelivery,
  WebhookEndpoint,
} from "../app/notify/records.ts";

/** An endpoint without its secrets (they are answered only on creation and rotation). */
export const presentEndpoint = (e: WebhookEndpoint) => ({
  id: e.id,
  url: e.url,
  description: e.description,
  eventTypes: e.eventTypes,
  enabled: e.enabled,
  disabledReason: e.disabledReason,
  disabledAt: e.disabledAt?.toISOString() ?? null,
  consecutiveFailures: e.consecutiveFailures,
  secrets: e.secrets.map((s) => ({
    fingerprint: createHash("sha256").update(s.secret).digest("hex").slice(0, 12),
    createdAt: s.createdAt.toISOString(),
    expiresAt: s.expiresAt?.toISOString() ?? null,
  })),
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

export const presentDelivery = (d: WebhookDelivery) => ({
  id: d.id,
  endpointId: d.endpointId,
  caseId: d.caseId,
  eventId: d.eventId,
  type: d.type,
  status: d.status,
  attempts: d.attempts,
  lastStatus: d.lastStatus,
  lastError: d.lastError,
  createdAt: d.createdAt.toISOString(),
  deliveredAt: d.deliveredAt?.toISOString() ?? null,
  payload: { type: d.type, timestamp: d.createdAt.toISOString(), data: d.payload },
});

export const presentAttempt = (a: WebhookAttempt) => ({
  at: a.at.toISOString(),
  ok: a.ok,
  statusCode: a.statusCode,
  error: a.error,
  replay: a.replay,
});

export const presentNotice = (n: MerchantNotice) => ({
  id: n.id,
  kind: n.kind,
  message: n.message,
  data: n.data,
  createdAt: n.createdAt.toISOString(),
});
