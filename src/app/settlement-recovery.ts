import type { Deps, Settlement } from "./ports/index.ts";
import { executeSettlement, MAX_ATTEMPTS, STALE_MS } from "./settle.ts";
import { changeSettlement, operationsLog } from "./settlement-change.ts";
import { followUpSettlements } from "./settlement-followup.ts";

/**
 * A call cut off by a crash is sent again (same idempotency key) only while the provider surely
 * still remembers that key: Stripe keeps keys for at least 24 hours (Adyen longer).
 */
export const KEY_WINDOW_MS = 24 * 3_600_000;
/** A refund the provider accepted without telling its outcome for this long goes to a person. */
export const OUTCOME_DUE_MS = Number(process.env.CROSSBACK_PROVIDER_OUTCOME_DUE_MS ?? 3 * 24 * 3_600_000);
const BATCH = 500;

export interface Recovery {
  /** Provider refunds handed to the queue (or run now without one): pending, or cut off by a crash. */
  readonly resent: number;
  /** Settlements moved to `needs_review`: outcome unknown or overdue, a person decides. */
  readonly review: number;
  /** Accepted refunds whose outcome was asked of the provider (gateways with `lookup`) and recorded. */
  readonly settled: number;
}

/**
 * The recovery sweep (every minute, and at start-up). Waiting states are left alone: approved bank
 * transfers wait for export, confirmed payment requests for the shopper's payment, accepted provider
 * refunds for the provider's webhook — except at providers that send none (Shopify), which are asked
again (`lookup`) on every sweep once the refund is older than the stale window. Only provider calls with no recorded answer are re-sent, with
 * the same key, within the key window and the attempt cap; the rest is surfaced as `needs_review`.
 */
export async function recoverSettlements(deps: Deps): Promise<Recovery> {
  const now = deps.clock.now();
  const staleBefore = new Date(now.getTime() - STALE_MS);
  let review = 0;
  for (const s of await deps.store.read.settlements.stuck("processing", staleBefore, BATCH)) {
    const why =
      s.attempts >= MAX_ATTEMPTS
        ? `the provider call was cut off ${s.attempts} times`
        : now.getTime() - s.createdAt.getTime() > KEY_WINDOW_MS
          ? "the provider call was cut off and the provider may have forgotten its idempotency key"
          : null;
    if (why) review += await toReview(deps, s, `${why}: check at ${s.gateway} whether it was refunded`);
  }
  const settled = await followUpSettlements(deps, staleBefore, BATCH);
  const overdue = new Date(now.getTime() - OUTCOME_DUE_MS);
  for (const s of await deps.store.read.settlements.stuck("awaiting_provider", overdue, BATCH))
    review += await toReview(deps, s, `${s.gateway} accepted the refund but has not reported its outcome`);
  const due = await deps.store.read.settlements.recoverable(staleBefore, BATCH);
  for (const s of due) {
    if (deps.jobs)
      await deps.jobs.enqueue("settlement.execute", { settlementId: s.id }, { singletonKey: s.id });
    else await executeSettlement(deps, s.id);
  }
  return { resent: due.length, review, settled };
}

/**
 * After a restart: a provider call claimed less than STALE_MS ago may have been cut off by the crash
 * the restart follows. With a job queue, one sweep is queued for the moment the earliest such claim
 * goes stale, instead of waiting for the first minute's sweep after that. Only the start-up sweep
 * calls it: a sweep that queued one every time would start a chain of sweeps per sweep.
 */
export async function sweepWhenStale(deps: Deps): Promise<void> {
  if (!deps.jobs) return;
  const now = deps.clock.now();
  const claimed = await deps.store.read.settlements.earliestClaimSince(new Date(now.getTime() - STALE_MS));
  if (!claimed) return;
  const due = Math.ceil((claimed.getTime() + STALE_MS) / 1000) + 1;
  const after = Math.max(1, due - Math.floor(now.getTime() / 1000));
  await deps.jobs.enqueue("settlement.sweep", { dueAt: due }, { startAfterSeconds: after });
}

/** Moves a settlement still in the state it was read in to `needs_review` (logged); 1 when it moved. */
async function toReview(deps: Deps, s: Settlement, reason: string): Promise<number> {
  const at = deps.clock.now();
  const moved = await deps.store.transaction(async (r) => {
    const current = await r.settlements.lock(s.id);
    if (!current || current.status !== s.status || current.updatedAt.getTime() !== s.updatedAt.getTime())
      return null;
    return changeSettlement(deps, r, current, { status: "needs_review", failureReason: reason }, at, "sweep");
  });
  if (!moved) return 0;
  operationsLog(deps)({
    at: at.toISOString(),
    event: "settlement.needs_review",
    settlementId: s.id,
    merchantId: s.merchantId,
    from: s.status,
    reason,
  });
  return 1;
}
