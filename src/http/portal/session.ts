import type {} from "@fastify/cookie";
import type { FastifyReply, FastifyRequest } from "fastify";
import { merchantById } from "../../app/account-queries.ts";
import {
  type PortalSession,
  SESSION_MINUTES,
  signSession,
  verifySession,
} from "../../app/portal/session-token.ts";
import type { Deps } from "../../app/ports/index.ts";
import { sendProblem } from "../problem.ts";

declare module "fastify" {
  interface FastifyRequest {
    portalSession: PortalSession | null;
  }
}

export const SESSION_COOKIE = "cb_portal";
export const PORTAL_API = "/api/portal/v1";

const unauthorized = (reply: FastifyReply, detail: string) =>
  sendProblem(reply, {
    type: "https://crossback.dev/problems/unauthorized",
    title: "Unauthorized",
    status: 401,
    code: "unauthorized",
    detail,
  });

/** Sets the session cookie: HttpOnly, SameSite=Strict, only sent to the portal API. */
export function setSessionCookie(
  req: FastifyRequest,
  reply: FastifyReply,
  s: PortalSession,
  key: string,
): void {
  reply.setCookie(SESSION_COOKIE, signSession(s, key), {
    path: PORTAL_API,
    httpOnly: true,
    sameSite: "strict",
    secure: req.protocol === "https",
    // Relative: the browser's clock need not agree with ours (the token carries the real expiry).
    maxAge: SESSION_MINUTES * 60,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: PORTAL_API });
}

/**
 * Requires a valid session for the merchant named in the URL: a token for another merchant, a
 * forged, malformed or expired one answers 401 and reaches no use case.
 */
export function requireSession(deps: Deps, key: () => Promise<string>) {
  return async (req: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return unauthorized(reply, "Look up your order first.");
    const session = verifySession(token, await key(), deps.clock.now());
    const merchant = session ? await merchantById(deps, session.merchantId) : null;
    if (!session || !merchant || merchant.slug !== req.params.slug)
      return unauthorized(reply, "Your session has expired or belongs elsewhere: look up your order again.");
    req.portalSession = session;
  };
}

export function sessionOf(req: FastifyRequest): PortalSession {
  if (!req.portalSession) throw new Error("portal route reached without a session");
  return req.portalSession;
}
