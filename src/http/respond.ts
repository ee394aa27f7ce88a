import type { FastifyReply, FastifyRequest } from "fastify";
import { idempotent, type Response, requestFingerprint } from "../app/idempotency.ts";
import type { Deps, Store } from "../app/ports/index.ts";
import type { DomainError } from "../domain/errors.ts";
import type { Result } from "../domain/result.ts";
import { merchantOf } from "./auth.ts";
import { problemOf, sendProblem } from "./problem.ts";

/** A use-case result as an HTTP response: the value presented with `status`, or its problem. */
export function outcome<T>(r: Result<T, DomainError>, status: number, present: (v: T) => unknown): Response {
  if (r.ok) return { status, body: present(r.value) };
  const p = problemOf(r.error);
  return { status: p.status, body: p };
}

export function send(reply: FastifyReply, res: Response): FastifyReply {
  reply.code(res.status);
  if (res.status >= 400) reply.type("application/problem+json");
  return reply.send(res.body);
}

/** Runs a POST through the Idempotency-Key store and sends what it (or the first attempt) answered. */
export async function sendIdempotent<T>(
  deps: Deps,
  req: FastifyRequest,
  reply: FastifyReply,
  run: (deps: Deps) => Promise<T>,
  present: (value: T) => Response,
): Promise<FastifyReply> {
  const header = req.headers["idempotency-key"];
  const key = Array.isArray(header) ? header[0] : header;
  if (key !== undefined && (key.length === 0 || key.length > 255)) {
    return sendProblem(reply, {
      type: "https://crossback.dev/problems/invalid_request",
      title: "Invalid request",
      status: 400,
      code: "invalid_request",
      detail: "headers.idempotency-key: must be 1 to 255 characters",
      errors: [{ path: "headers.idempotency-key", pointer: "", message: "must be 1 to 255 characters" }],
    });
  }
  // Without a key nothing is stored or compared: the body is not hashed.
  const fingerprint = key === undefined ? "" : requestFingerprint(req.method, req.url, req.body);
  const r = await idempotent(
    deps,
    merchantOf(req),
    key,
    fingerprint,
    (store: Store) => run({ ...deps, store }),
    present,
  );
  if (!r.ok) return sendProblem(reply, problemOf(r.error));
  if (r.value.replayed) reply.header("idempotent-replayed", "true");
  return send(reply, r.value);
}
