import { timingSafeEqual } from "node:crypto";
import type {} from "@fastify/cookie";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Deps } from "../../app/ports/index.ts";
import { PENDING_MINUTES, resolveSession, SESSION_HOURS, type SignedIn } from "../../app/staff/sessions.ts";
import { may, type Permission } from "../../domain/staff/roles.ts";
import { sendProblem } from "../problem.ts";

declare module "fastify" {
  interface FastifyRequest {
    staff: (SignedIn & { token: string }) | null;
  }
}

export const STAFF_COOKIE = "cb_admin";
export const ADMIN_API = "/api/admin/v1";
export const CSRF_HEADER = "x-csrf-token";

/** HttpOnly, SameSite=Strict, Secure behind HTTPS; sent to /api only (the admin API and the merchant API). */
export function setStaffCookie(
  req: FastifyRequest,
  reply: FastifyReply,
  token: string,
  pending: boolean,
): void {
  reply.setCookie(STAFF_COOKIE, token, {
    path: "/api",
    httpOnly: true,
    sameSite: "strict",
    secure: req.protocol === "https",
    maxAge: pending ? PENDING_MINUTES * 60 : SESSION_HOURS * 3600,
  });
}

export const clearStaffCookie = (reply: FastifyReply) => reply.clearCookie(STAFF_COOKIE, { path: "/api" });

const problem = (reply: FastifyReply, status: number, code: string, detail: string) =>
  sendProblem(reply, {
    type: `https://crossback.dev/problems/${code}`,
    title: status === 401 ? "Unauthorized" : "Forbidden",
    status,
    code,
    detail,
  });

export const unauthenticated = (reply: FastifyReply) =>
  problem(reply, 401, "unauthorized", "Sign in to the back office first.");

export const forbidden = (reply: FastifyReply, p: Permission | string) =>
  problem(reply, 403, "forbidden", `Your role may not do this (needs "${p}").`);

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

function csrfMatches(req: FastifyRequest, expected: string): boolean {
  const h = req.headers[CSRF_HEADER];
  const given = Buffer.from(typeof h === "string" ? h : "");
  const want = Buffer.from(expected);
  return given.length === want.length && timingSafeEqual(given, want);
}

/**
 * The signed-in staff member behind the cookie, or null. A state-changing request must echo the
 * session's CSRF token in `x-csrf-token` (answered 403 otherwise, before any use case runs).
 */
export async function loadStaff(
  deps: Deps,
  req: FastifyRequest,
  reply: FastifyReply,
  opts: { allowPending?: boolean } = {},
): Promise<"ok" | "none" | "sent"> {
  const token = req.cookies[STAFF_COOKIE];
  const signedIn = token ? await resolveSession(deps, token) : null;
  if (!token || !signedIn) return "none";
  if (signedIn.session.pendingTotp && !opts.allowPending) return "none";
  if (!SAFE.has(req.method) && !csrfMatches(req, signedIn.session.csrfToken)) {
    problem(reply, 403, "csrf_failed", `Send the session's CSRF token in the ${CSRF_HEADER} header.`);
    return "sent";
  }
  req.staff = { ...signedIn, token };
  return "ok";
}

/** onRequest hook for admin routes: a full session (and CSRF on changes), and the permission if named. */
export function requireStaff(deps: Deps, permission?: Permission) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const r = await loadStaff(deps, req, reply);
    if (r === "sent") return reply;
    if (r === "none") return unauthenticated(reply);
    if (permission && req.staff && !may(req.staff.account.role, permission))
      return forbidden(reply, permission);
  };
}

export function staffOf(req: FastifyRequest): SignedIn {
  if (!req.staff) throw new Error("admin route reached without a session");
  return req.staff;
}
