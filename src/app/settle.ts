import { SYSTEM } from "../domain/actor.ts";
import type { CaseEvent } from "../domain/return-case.ts";
import { settlementFx } from "./fx-values.ts";
import type { Deps, GatewayRefundResult, Repos, Settlement, SettlementStatus } from "./ports.ts";

/** A settlement claimed this long ago without an outcome was cut off by a crash: run it again (same key). */
export const STALE_MS = Number(process.env.CROSSBACK_SETTLEMENT_STALE_MS ?? 5 * 60_000);
/** After this many retryable failures the settlement is failed and shown to an agent. */
export const MAX_ATTEMPTS = 12;

const EVENT_OF: Partial<Record<SettlementStatus, CaseEvent["type"]>> = {
  succeeded: "settlement.succeeded",
  failed: "settlement.failed",
  requires_action: "settlement.requires_action",
};

/** Records a settlement's new state and, for final states, its case event and FX value (one transaction). */
export async function recordOutcome(r: Repos, next: Settlement, at: Date): Promise<Settlement> {
  let s = next;
  if (s.status === "succeeded" && s.method !== "store_credit" && !s.fx) {
    const merchant = await r.merchants.byId(s.merchantId);
    const order = s.orderId ? await r.orders.getById(s.merchantId, s.orderId) : null;
    const tender = order?.tenders.find((t) => t.id === s.tenderId);
    if (merchant)
      s = {
        ...s,
        fx: await settlementFx(
          r,
          s.amount,
          merchant.settlementCurrency,
          at,
          tender?.capturedAt ?? order?.placedAt ?? null,
        ),
      };
  }
  await r.settlements.update(s);
  const type = EVENT_OF[s.status];
  const c = type && s.caseId ? await r.cases.load(s.merchantId, s.caseId) : null;
  if (type && c) {
    await r.cases.append(c, [
      {
        type,
        actor: SYSTEM,
        at,
        reason: s.failureReason,
        fromStatus: c.status,
        toStatus: c.status,
        data: {
          settlementId: s.id,
          method: s.method,
          gateway: s.gateway,
          amount: s.amount,
          providerReference: s.providerReference,
        },
      },
    ]);
  }
  return s;
}

/**
 * Executes one settlement's provider call: claim it (pending → processing) in a transaction, call the
 * gateway outside any transaction with the settlement's idempotency key, record the outcome. Safe to
 * run twice or after a crash: the claim and the key keep the money moving once.
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
    const order = claimed.orderId
      ? await deps.store.read.orders.getById(claimed.merchantId, claimed.orderId)
      : null;
    const tender = order?.tenders.find((t) => t.id === claimed.tenderId);
    try {
      await faultPoint("before_provider_call");
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
      await faultPoint("after_provider_call");
    } catch (e) {
      result = { status: "failed", reason: e instanceof Error ? e.message : String(e), retryable: true };
    }
  }
  const at = deps.clock.now();
  const next: Settlement =
    result.status === "failed"
      ? {
          ...claimed,
          status: result.retryable && claimed.attempts < MAX_ATTEMPTS ? "pending" : "failed",
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
  return deps.store.transaction((r) => recordOutcome(r, next, at));
}

/** Settlements left pending, or stuck in processing by a crash: what the sweep hands to the queue. */
export async function recoverableSettlements(deps: Deps, limit = 100): Promise<Settlement[]> {
  const now = deps.clock.now();
  return deps.store.read.settlements.recoverable(new Date(now.getTime() - STALE_MS), limit);
}

/**
 * Test-only crash injection for the kill -9 tests: CROSSBACK_FAULT=<point> makes the process kill
 * itself (SIGKILL, no clean-up) when it reaches that point of a settlement.
 */
async function faultPoint(point: "before_provider_call" | "after_provider_call"): Promise<void> {
  if (process.env.CROSSBACK_FAULT === point) process.kill(process.pid, "SIGKILL");
}
