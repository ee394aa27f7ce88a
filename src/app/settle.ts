import { SYSTEM } from "../domain/actor.ts";
import type { CaseEvent } from "../domain/return-case.ts";
import type { Deps, GatewayRefundResult, Settlement } from "./ports.ts";

const STALE_MS = 5 * 60_000;

/**
 * Executes one settlement's provider call: claim it (pending → processing) in a transaction, call
 * the gateway outside any transaction with the settlement's idempotency key, record the outcome.
 * Safe to run twice or after a crash: the claim and the key keep the money moving once.
 */
export async function executeSettlement(deps: Deps, id: string): Promise<Settlement | null> {
  const now = deps.clock.now();
  const claimed = await deps.store.transaction((r) =>
    r.settlements.claim(id, now, new Date(now.getTime() - STALE_MS)),
  );
  if (!claimed) return deps.store.read.settlements.get(id);
  const gateway = deps.gateways.get(claimed.gateway ?? "manual");
  let result: GatewayRefundResult;
  if (!gateway) {
    result = {
      status: "failed",
      reason: `no payment gateway "${claimed.gateway}" is configured`,
      retryable: false,
    };
  } else {
    const order = await deps.store.read.cases
      .load(claimed.merchantId, claimed.caseId)
      .then((c) => (c ? deps.store.read.orders.getById(claimed.merchantId, c.orderId) : null));
    const tender = order?.tenders.find((t) => t.id === claimed.tenderId);
    try {
      result = await gateway.refund({
        settlementId: claimed.id,
        idempotencyKey: claimed.idempotencyKey,
        amount: claimed.amount,
        tender: {
          kind: tender?.kind ?? "other",
          provider: tender?.provider ?? null,
          reference: tender?.reference ?? null,
        },
        reason: "return",
      });
    } catch (e) {
      result = { status: "failed", reason: e instanceof Error ? e.message : String(e), retryable: true };
    }
  }
  const at = deps.clock.now();
  const next: Settlement =
    result.status === "failed"
      ? {
          ...claimed,
          status: result.retryable ? "pending" : "failed",
          failureReason: result.reason,
          updatedAt: at,
        }
      : {
          ...claimed,
          status: result.status,
          providerReference: result.providerReference,
          failureReason: null,
          updatedAt: at,
        };
  await deps.store.transaction(async (r) => {
    await r.settlements.update(next);
    const type: CaseEvent["type"] | null =
      next.status === "succeeded"
        ? "settlement.succeeded"
        : next.status === "failed"
          ? "settlement.failed"
          : next.status === "requires_action"
            ? "settlement.requires_action"
            : null;
    const c = type ? await r.cases.load(next.merchantId, next.caseId) : null;
    if (type && c) {
      await r.cases.append(c, [
        {
          type,
          actor: SYSTEM,
          at,
          reason: next.failureReason,
          fromStatus: c.status,
          toStatus: c.status,
          data: {
            settlementId: next.id,
            method: next.method,
            gateway: next.gateway,
            amount: next.amount,
            providerReference: next.providerReference,
          },
        },
      ]);
    }
  });
  return next;
}

/** Runs every settlement left pending (or stuck in processing by a crash). Returns how many ran. */
export async function executePendingSettlements(deps: Deps, limit = 100): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.store.read.settlements.recoverable(new Date(now.getTime() - STALE_MS), limit);
  for (const s of due) await executeSettlement(deps, s.id);
  return due.length;
}
