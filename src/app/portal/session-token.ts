import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Deps, Store } from "../ports/index.ts";

/**
 * The portal's session: a short-lived token, signed with this installation's key, that lets the
 * browser holding it read and act on one order of one merchant — nothing else.
 */
export interface PortalSession {
  readonly merchantId: string;
  readonly orderId: string;
  /** A gift recipient: sees no prices, is refunded in store credit. */
  readonly gift: boolean;
  readonly expiresAt: Date;
}

export const SESSION_MINUTES = 30;

const keys = new WeakMap<Store, Promise<string>>();

/** The signing key: CROSSBACK_PORTAL_SECRET when given at wiring, else one generated once and stored. */
export function portalSigningKey(deps: Deps, configured?: string | null): Promise<string> {
  if (configured) return Promise.resolve(configured);
  let key = keys.get(deps.store);
  if (!key) {
    key = deps.store.read.portal.secret(
      "portal-session-key",
      () => randomBytes(32).toString("base64url"),
      deps.clock.now(),
    );
    key.catch(() => keys.delete(deps.store));
    keys.set(deps.store, key);
  }
  return key;
}

const mac = (payload: string, key: string) => createHmac("sha256", key).update(payload).digest("base64url");

export function signSession(s: PortalSession, key: string): string {
  const payload = Buffer.from(
    JSON.stringify({ m: s.merchantId, o: s.orderId, g: s.gift, e: s.expiresAt.getTime() }),
  ).toString("base64url");
  return `${payload}.${mac(payload, key)}`;
}

/** The session in a token, or null when it is forged, malformed or expired. */
export function verifySession(token: string, key: string, now: Date): PortalSession | null {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(payload, key));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null) return null;
  const { m, o, g, e } = data as Record<string, unknown>;
  if (typeof m !== "string" || typeof o !== "string" || typeof g !== "boolean" || typeof e !== "number")
    return null;
  if (e <= now.getTime()) return null;
  return { merchantId: m, orderId: o, gift: g, expiresAt: new Date(e) };
}
