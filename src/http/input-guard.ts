import type { FastifyReply, FastifyRequest } from "fastify";
import { sendProblem } from "./problem.ts";

/** The path (`lines[0].title`, `query.locale`) of the first string holding a NUL character, if any. */
export function nulPath(value: unknown, at: string): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? at || "(body)" : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = nulPath(v, `${at}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const found = nulPath(k, at ? `${at}.${k}` : k) ?? nulPath(v, at ? `${at}.${k}` : k);
      if (found) return found;
    }
  }
  return null;
}

/**
 * PostgreSQL text cannot hold NUL: a request carrying one anywhere is refused before any route
 * runs (400 naming the field) instead of failing in the database.
 */
export async function refuseNul(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  const path = nulPath(req.params, "") ?? nulPath(req.query, "query") ?? nulPath(req.body, "");
  if (!path) return undefined;
  const message = "must not contain the NUL character (\\u0000)";
  return sendProblem(reply, {
    type: "https://crossback.dev/problems/invalid_request",
    title: "Invalid request",
    status: 400,
    code: "invalid_request",
    detail: `${path}: ${message}`,
    errors: [{ path, pointer: "", message }],
  });
}
