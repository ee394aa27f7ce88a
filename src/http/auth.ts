import type { FastifyReply, FastifyRequest } from "fastify";
import { authenticate as findKey } from "../app/merchants.ts";
import type { ApiKeyRecord, Deps } from "../app/ports/index.ts";
import type { Actor } from "../domain/actor.ts";
import { scopeFor } from "../domain/api-key-scopes.ts";
import { may, mayOnOwn, permissionFor } from "../domain/staff/roles.ts";
import { forbidden, loadStaff, STAFF_COOKIE } from "./admin/staff-session.ts";
import { sendProblem } from "./problem.ts";
import { holdVendor } from "./vendor-scope.ts";

declare module "fastify" {
  interface FastifyRequest {
    apiKey: ApiKeyRecord | null;
  }
}

/** Bearer API key → the merchant every row of this request is scoped to. */
export function authenticate(deps: Deps) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const header = req.headers.authorization ?? "";
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!header && req.cookies[STAFF_COOKIE]) {
      const r = await loadStaff(deps, req, reply);
      if (r === "sent") return reply;
      if (r === "ok") return staffMay(deps, req, reply);
    }
    const key = token ? await findKey(deps, token) : null;
    if (!key) {
      reply.header("www-authenticate", 'Bearer realm="crossback"');
      return sendProblem(reply, {
        type: "https://crossback.dev/problems/unauthorized",
        title: "Unauthorized",
        status: 401,
        code: "unauthorized",
        detail: token
          ? "The API key is unknown, revoked or expired."
          : "Send a merchant API key as `Authorization: Bearer <key>`.",
      });
    }
    req.apiKey = key;
    const needed = scopeFor(req.method, (req.url.split("?")[0] ?? "").replace(/^\/api\/v1/, ""));
    if (!key.scopes.includes(needed)) {
      return sendProblem(reply, {
        type: "https://crossback.dev/problems/forbidden",
        title: "Forbidden",
        status: 403,
        code: "forbidden",
        detail: `This API key lacks the scope "${needed}" (it has: ${key.scopes.join(", ")}).`,
        requiredScope: needed,
      });
    }
  };
}

/**
 * A back-office session on the merchant API: the role must grant what the route needs, and a
 * vendor account is held to its own vendor's cases (holdVendor: 404 for anyone else's).
 */
async function staffMay(deps: Deps, req: FastifyRequest, reply: FastifyReply) {
  const account = req.staff?.account;
  const path = (req.url.split("?")[0] ?? "").replace(/^\/api\/v1/, "");
  const needed = permissionFor(req.method, path);
  if (!account || !(may(account.role, needed) || mayOnOwn(account.role, needed)))
    return forbidden(reply, needed);
  if (account.role !== "vendor") return;
  if (!account.vendor) return forbidden(reply, "a vendor"); // accounts.ts refuses those
  const sent = await holdVendor(deps, req, reply, account.merchantId, account.vendor);
  if (sent) return sent;
}

export function merchantOf(req: FastifyRequest): string {
  const id = req.apiKey?.merchantId ?? req.staff?.account.merchantId;
  if (!id) throw new Error("route reached without authentication");
  return id;
}

/** The vendor a vendor account is held to (null: any other account or API key, merchant-wide). */
export function ownVendorOf(req: FastifyRequest): string | null {
  const a = req.apiKey ? null : req.staff?.account;
  if (a?.role !== "vendor") return null;
  if (!a.vendor) throw new Error("vendor account without a vendor"); // accounts.ts refuses those
  return a.vendor;
}

/** Who acts: the API key, or the signed-in staff account (recorded on every event it causes). */
export function actorOf(req: FastifyRequest): Actor {
  if (req.apiKey) return { kind: "api_key", id: req.apiKey.id, name: req.apiKey.name };
  if (req.staff) return { kind: "staff", id: req.staff.account.id, name: req.staff.account.name };
  throw new Error("route reached without authentication");
}
