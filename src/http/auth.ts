import type { FastifyReply, FastifyRequest } from "fastify";
import { authenticate as findKey } from "../app/merchants.ts";
import type { ApiKeyRecord, Deps } from "../app/ports.ts";
import type { Actor } from "../domain/actor.ts";
import { sendProblem } from "./problem.ts";

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
    const key = token ? await findKey(deps, token) : null;
    if (!key) {
      reply.header("www-authenticate", 'Bearer realm="crossback"');
      return sendProblem(reply, {
        type: "https://crossback.dev/problems/unauthorized",
        title: "Unauthorized",
        status: 401,
        code: "unauthorized",
        detail: token
          ? "The API key is unknown or revoked."
          : "Send a merchant API key as `Authorization: Bearer <key>`.",
      });
    }
    req.apiKey = key;
  };
}

export function merchantOf(req: FastifyRequest): string {
  if (!req.apiKey) throw new Error("route reached without authentication");
  return req.apiKey.merchantId;
}

export function actorOf(req: FastifyRequest): Actor {
  if (!req.apiKey) throw new Error("route reached without authentication");
  return { kind: "api_key", id: req.apiKey.id, name: req.apiKey.name };
}
