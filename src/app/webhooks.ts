import type { SettlementStatus } from "../domain/settlement-status.ts";
import type { Deps, Settlement } from "./ports.ts";
import { changeSettlement } from "./settlement-change.ts";

/** A provider's later word on a refund (from a verified webhook). */
export interface ProviderRefundUpdate {
  readonly provider: string;
  readonly eventId: string;
  readonly settlementId: string | null;
  readonly providerReference: string;
  readonly status: "processing" | "requires_action" | "succeeded" | "failed" | "cancelled" | "reversed";
  readonly reason: string | null;
}

/** A provider's "still pending" is our explicit waiting state. */
const STATUS_OF: Record<ProviderRefundUpdate["status"], SettlementStatus> = {
  processing: "awaiting_provider",
  requires_action: "requires_action",
  succeeded: "succeeded",
  failed: "failed",
  cancelled: "cancelled",
  reversed: "reversed",
};

/**
 * Applies verified provider events: each event once (a replay changes nothing), found by our
 * settlement id or the provider's reference, on the locked row, only along legal transitions (an
 * illegal one is refused and logged). Returns how many settlements changed.
 */
export async function applyRefundUpdates(
  deps: Deps,
  updates: readonly ProviderRefundUpdate[],
): Promise<number> {
  let changed = 0;
  for (const u of updates) {
    changed += await deps.store.transaction(async (r) => {
      if (!(await r.webhookEvents.firstSeen(u.provider, u.eventId, deps.clock.now()))) return 0;
      const found: Settlement | null =
        (u.settlementId ? await r.settlements.get(u.settlementId) : null) ??
        (await r.settlements.byProviderReference(u.provider, u.providerReference));
      const s = found ? await r.settlements.lock(found.id) : null;
      const to = STATUS_OF[u.status];
      if (!s || s.gateway !== u.provider || s.status === to) return 0;
      const next = await changeSettlement(
        deps,
        r,
        s,
        {
          status: to,
          providerReference: s.providerReference ?? u.providerReference,
          failureReason: u.reason,
        },
        deps.clock.now(),
        `${u.provider} webhook ${u.eventId}`,
      );
      return next ? 1 : 0;
    });
  }
  return changed;
}
