import type { Actor } from "../domain/actor.ts";
import type { DomainError } from "../domain/errors.ts";
import { err, ok, type Result } from "../domain/result.ts";
import type { Deps, StoredEvent } from "./ports/index.ts";

/**
 * An internal note on a case (agents' working notes, hand-overs): an append-only event that does not
 * move the case. Notes are never shown to the shopper.
 */
export async function addCaseNote(
  deps: Deps,
  merchantId: string,
  caseId: string,
  text: string,
  actor: Actor,
): Promise<Result<StoredEvent, DomainError>> {
  return deps.store.transaction(async (r): Promise<Result<StoredEvent, DomainError>> => {
    const c = await r.cases.load(merchantId, caseId);
    if (!c) return err({ code: "not_found", entity: "return", id: caseId });
    await r.cases.append(c, [
      {
        type: "return.note_added",
        actor,
        at: deps.clock.now(),
        reason: null,
        fromStatus: c.status,
        toStatus: c.status,
        data: { text },
      },
    ]);
    const events = await r.cases.events(c.merchantId, c.id);
    const last = events[events.length - 1];
    if (!last) throw new Error(`note on case ${c.id} was not stored`);
    return ok(last);
  });
}
