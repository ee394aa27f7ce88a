import type { Money } from "../domain/money.ts";
import type { SettlementStatus } from "../domain/settlement-status.ts";
import type { Deps, Repos, Settlement } from "./ports/index.ts";
import { isPaymentProvider } from "./provider-accounts.ts";
import { changeSettlement, operationsLog } from "./settlement-change.ts";

/** A provider's later word on a refund (from a verified webhook). */
export interface ProviderRefundUpdate {
  readonly provider: string;
  readonly eventId: string;
  readonly settlementId: string | null;
  readonly providerReference: string;
  readonly status: "processing" | "requires_action" | "succeeded" | "failed" | "cancelled" | "reversed";
  readonly reason: string | null;
  /** The refund's amount as the provider states it; null when the event does not say. */
  readonly amount: Money | null;
  /** The provider account the event is from (null: not said). */
  readonly account?: string | null;
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
 * Applies verified provider events: each (event, refund) once — one event may carry several
 * refunds, and a replay changes nothing — found by our settlement id or the provider's reference,
 * on the locked row, only along legal transitions (an illegal one is refused and logged). An event
 * whose amount or currency differs from the settlement's is about some other money: refused and
 * logged, the settlement stays as it is. Returns how many settlements changed.
 */
export async function applyRefundUpdates(
  deps: Deps,
  updates: readonly ProviderRefundUpdate[],
): Promise<number> {
  let changed = 0;
  for (const u of updates) {
    changed += await deps.store.transaction(async (r) => {
      // The event names our id (any merchant's: the account is checked below) or the provider's reference.
      const byId = u.settlementId ? await r.settlements.lock(u.settlementId) : null;
      const byRef = byId ? null : await r.settlements.byProviderReference(u.provider, u.providerReference);
      const s = byId ?? (byRef ? await r.settlements.lock(byRef.id) : null);
      const to = STATUS_OF[u.status];
      const ours = s && s.gateway === u.provider ? s : null;
      // Another account's event is refused before it is recorded as seen: it must not use up the
      // (event, refund) key of the genuine one.
      if (ours && !(await fromItsAccount(r, ours, u))) {
        operationsLog(deps)({
          at: deps.clock.now().toISOString(),
          event: "settlement.webhook_other_account",
          settlementId: ours.id,
          merchantId: ours.merchantId,
          by: `${u.provider} webhook ${u.eventId}`,
          account: u.account,
        });
        return 0;
      }
      if (
        ours &&
        u.amount &&
        (u.amount.amount !== ours.amount.amount || u.amount.currency !== ours.amount.currency)
      ) {
        operationsLog(deps)({
          at: deps.clock.now().toISOString(),
          event: "settlement.webhook_amount_mismatch",
          settlementId: ours.id,
          merchantId: ours.merchantId,
          by: `${u.provider} webhook ${u.eventId}`,
          expected: ours.amount,
          received: u.amount,
        });
        return 0;
      }
      // Refused events above are not recorded: only an applied (event, refund) counts as seen.
      const key = `${u.eventId}/${u.providerReference}`;
      if (!(await r.webhookEvents.firstSeen(u.provider, key, deps.clock.now()))) return 0;
      if (!ours || ours.status === to) return 0;
      const next = await changeSettlement(
        deps,
        r,
        ours,
        {
          status: to,
          providerReference: ours.providerReference ?? u.providerReference,
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

/**
 * An event naming a provider account is about a settlement only if that account is the merchant's
 * (issue 8 point 9): one merchant's notification can never settle another's refund.
 */
async function fromItsAccount(r: Repos, s: Settlement, u: ProviderRefundUpdate): Promise<boolean> {
  if (!u.account || !isPaymentProvider(u.provider)) return true;
  const own = await r.providerAccounts.get(s.merchantId, u.provider);
  return own?.accountId === u.account;
}
