import type { StoredEvent } from "../../app/ports/index.ts";
import type { ActorKind } from "../../domain/actor.ts";
import type { CaseStatus } from "../../domain/case-status.ts";
import type { CaseEventType } from "../../domain/return-case.ts";
import type { caseEvents } from "./schema.ts";

/** A `case_events` row as the use cases see it. */
export function toStoredEvent(r: typeof caseEvents.$inferSelect): StoredEvent {
  return {
    id: r.id,
    seq: r.seq,
    caseId: r.caseId,
    type: r.type as CaseEventType,
    actor: {
      kind: r.actorKind as ActorKind,
      id: r.actorId,
      ...(r.actorName ? { name: r.actorName } : {}),
    },
    at: r.at,
    reason: r.reason,
    fromStatus: r.fromStatus as CaseStatus | null,
    toStatus: r.toStatus as CaseStatus,
    data: r.data as Record<string, unknown>,
  };
}
