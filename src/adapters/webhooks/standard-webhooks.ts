import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com, spec v1): the signed content is
 * `${webhook-id}.${webhook-timestamp}.${body}`, HMAC-SHA256 with the secret's bytes (a `whsec_` secret
 * is base64 after the prefix), sent as `webhook-signature: v1,<base64>` (space-separated when several).
 * Reusable for every outgoing webhook (advance shipping notices now, merchant webhooks later).
 */
export type StandardWebhookHeaders = {
  readonly "webhook-id": string;
  readonly "webhook-timestamp": string;
  readonly "webhook-signature": string;
};

function secretBytes(secret: string): Buffer {
  return secret.startsWith("whsec_") ? Buffer.from(secret.slice(6), "base64") : Buffer.from(secret, "utf8");
}

export function signStandardWebhook(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
): string {
  const mac = createHmac("sha256", secretBytes(secret))
    .update(`${id}.${timestampSeconds}.${body}`, "utf8")
    .digest("base64");
  return `v1,${mac}`;
}

/** The three headers; with several secrets (a rotation in progress) one signature per secret. */
export function standardWebhookHeaders(
  secret: string | readonly string[],
  id: string,
  at: Date,
  body: string,
): StandardWebhookHeaders {
  const ts = Math.floor(at.getTime() / 1000);
  const secrets = typeof secret === "string" ? [secret] : secret;
  return {
    "webhook-id": id,
    "webhook-timestamp": String(ts),
    "webhook-signature": secrets.map((s) => signStandardWebhook(s, id, ts, body)).join(" "),
  };
}

/** Verifies a received webhook: a matching v1 signature and a timestamp within `toleranceSeconds` of `now`. */
export function verifyStandardWebhook(
  secret: string,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  body: string,
  now: Date,
  toleranceSeconds = 300,
): { ok: true } | { ok: false; reason: string } {
  const one = (k: string) => {
    const v = headers[k];
    return Array.isArray(v) ? v[0] : v;
  };
  const id = one("webhook-id");
  const ts = Number(one("webhook-timestamp"));
  const sigs = (one("webhook-signature") ?? "").split(" ").filter(Boolean);
  if (!id || !Number.isFinite(ts) || sigs.length === 0)
    return { ok: false, reason: "missing webhook-id, webhook-timestamp or webhook-signature" };
  if (Math.abs(now.getTime() / 1000 - ts) > toleranceSeconds)
    return { ok: false, reason: "timestamp outside the tolerance" };
  const expected = Buffer.from(signStandardWebhook(secret, id, ts, body));
  const match = sigs.some((s) => s.length === expected.length && timingSafeEqual(Buffer.from(s), expected));
  return match ? { ok: true } : { ok: false, reason: "no matching signature" };
}
