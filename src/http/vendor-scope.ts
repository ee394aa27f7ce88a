import type { FastifyReply, FastifyRequest } from "fastify";
import type { Deps } from "../app/ports/index.ts";
import { vendorMayReach } from "../app/staff/vendor-scope.ts";
import { vendorReach } from "../domain/staff/vendor-reach.ts";
import { forbidden } from "./admin/staff-session.ts";
import { problemOf, sendProblem } from "./problem.ts";

/**
 * The one place a vendor account is held to its own vendor on the merchant API, before any route
 * runs: only its cases (and their credit notes), the queue and its figures; another vendor's or
 * another merchant's case answers 404 like an unknown one; the queue's `vendor` filter is replaced
 * by its own, whatever it sent. Returns the reply when it answered, else null.
 */
export async function holdVendor(
  deps: Deps,
  req: FastifyRequest,
  reply: FastifyReply,
  merchantId: string,
  vendor: string,
): Promise<FastifyReply | null> {
  const [rawPath = "", query = ""] = req.url.split("?");
  const path = rawPath.replace(/^\/api\/v1/, "");
  const reach = vendorReach(req.method, path, query);
  if (!reach) return forbidden(reply, "a case of your vendor");
  const answer = await vendorMayReach(deps, merchantId, vendor, reach);
  if (answer === "needs_case") return forbidden(reply, "caseId of a case of your vendor");
  if (answer === "no") {
    const entity = reach.kind === "credit_note" ? "credit note" : "return";
    const id = reach.kind === "credit_notes" ? (reach.caseId ?? "") : "id" in reach ? reach.id : "";
    return sendProblem(reply, problemOf({ code: "not_found", entity, id }));
  }
  if (reach.kind === "queue" && req.query !== null && typeof req.query === "object")
    Object.assign(req.query, { vendor });
  return null;
}
