import type { Deps, Settlement, SettlementStatus } from "./ports.ts";
import { recordOutcome } from "./settle.ts";

/** A provider's later word on a refund (from a verified webhook). */
export interface ProviderRefundUpdate {
  readonly provider: string;
  readonly eventId: string;
  readonly settlementId: string | null;
  readonly providerReference: string;
  readonly status: "processing" | "requires_action" | "succeeded" | "failed" | "cancelled" | "reversed";
  readonly reason: string | null;
}

const FINAL: readonly SettlementStatus[] = ["succeeded", "failed", "cancelled", "reversed"];

/** May a provider event move a settlement from `from` to `to`? Final states only move to `reversed`. */
function allowed(from: SettlementStatus, to: SettlementStatus): boolean {
  if (from === to) return false;
  if (from === "succeeded") return to === "reversed";
  return !FINAL.includes(from) || (from === "failed" && to === "succeeded");
}

/**
 * Applies verified provider events: each event id once (a replay changes nothing), found by our
 * settlement id or the provider's reference, never moving a settlement backwards.
 * Returns how many settlements changed.
 */
export async function applyRefundUpdates(
  deps: Deps,
  updates: readonly ProviderRefundUpdate[],
): Promise<number> {
  let changed = 0;
  for (const u of updates) {
    changed += await deps.store.transaction(async (r) => {
      if (!(await r.webhookEvents.firstSeen(u.provider, u.eventId, deps.clock.now()))) return 0;
      const s: Settlement | null =
        (u.settlementId ? await r.settlements.get(u.settlementId) : null) ??
        (await r.settlements.byProviderReference(u.provider, u.providerReference));
      if (!s || s.gateway !== u.provider || !allowed(s.status, u.status)) return 0;
      const at = deps.clock.now();
      await recordOutcome(
        r,
        {
          ...s,
          status: u.status,
          providerReference: s.providerReference ?? u.providerReference,
          failureReason: u.reason,
          updatedAt: at,
        },
        at,
      );
      return 1;
    });
  }
  return changed;
}
