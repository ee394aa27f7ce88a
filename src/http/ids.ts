import type { FastifyReply } from "fastify";
import { problemOf, sendProblem } from "./problem.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that is not a UUID names nothing: answer 404 like any unknown id. */
export function notFoundUnlessUuid(reply: FastifyReply, entity: string, id: string): FastifyReply | null {
  return UUID.test(id) ? null : sendProblem(reply, problemOf({ code: "not_found", entity, id }));
}
