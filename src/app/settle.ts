import { SYSTEM } from "../domain/actor.ts";
import type { Tender } from "../domain/order.ts";
import { merchantConnection } from "./platforms/connections.ts";
import type { PlatformConnection } from "./platforms/ports.ts";
import type {
  Deps,
  GatewayRefundRequest,
  GatewayRefundResult,
  OrderTender,
  PaymentGateway,
  Settlement,
  SettlementChange,
} from "./ports/index.ts";
import { isPaymentProvider, openProviderAccount, type ProviderAccount } from "./provider-accounts.ts";
import { changeSettlement, fxDateOf, settlementTender } from "./settlement-change.ts";

/** A settlement claimed this long ago without an outcome was cut off by a crash: run it again (same key). */
export const STALE_MS = Number(process.env.CROSSBACK_SETTLEMENT_STALE_MS ?? 5 * 60_000);
/** At most this many provider calls per settlement; then a person decides (`needs_review`). */
export const MAX_ATTEMPTS = 12;

/**
 * Executes one provider refund: claim it (pending → processing) in a transaction, call the gateway
 * outside any transaction with the settlement's idempotency key, record the outcome against the
 * locked row. Only `original_payment` settlements with a gateway are ever claimed: bank transfers and
 * payment requests never reach a gateway, and nothing falls back to `manual`.
 */
export async function executeSettlement(deps: Deps, id: string): Promise<Settlement | null> {
  const now = deps.clock.now();
  // One compare-and-set statement: atomic on its own, no transaction around it.
  const claimed = await deps.store.read.settlements.claim(
    id,
    now,
    new Date(now.getTime() - STALE_MS),
    MAX_ATTEMPTS,
  );
  // Not claimable (another worker has it, or it is past pending): answer its current state.
  if (!claimed) return deps.store.transaction((r) => r.settlements.lock(id));
  const opened = await openGateway(deps, claimed);
  let change: SettlementChange;
  // Read once: the gateway gets the tender, and the FX value is taken at its capture.
  let order: OrderTender | null | undefined;
  if ("missing" in opened) change = { status: "needs_review", failureReason: opened.missing };
  else {
    let result: GatewayRefundResult;
    try {
      await faultPoint("before_provider_call");
      order = await settlementTender(deps.store.read, claimed);
      result = await opened.gateway.refund(requestOf(claimed, opened, order?.tender ?? null));
      await faultPoint("after_provider_call");
    } catch (e) {
      result = { status: "failed", reason: e instanceof Error ? e.message : String(e), retryable: true };
    }
    change = outcomeOf(claimed, result);
  }
  const at = deps.clock.now();
  const fxDate = order === undefined ? undefined : fxDateOf(order);
  return recorded(() =>
    deps.store.transaction(async (r) => {
      // The claim left the settlement `processing`, and the change is a compare-and-set on that status:
      // no read first. Only when something moved it meanwhile (or the move is not legal) is it read
      // under lock and judged again, and a refusal logged, as for any other change.
      const quiet = { log: () => {} };
      const mine = await changeSettlement(quiet, r, claimed, change, at, "settlement worker", SYSTEM, fxDate);
      if (mine) return mine;
      const current = await r.settlements.lock(id);
      if (!current) return null;
      return (
        (await changeSettlement(deps, r, current, change, at, "settlement worker", SYSTEM, fxDate)) ?? current
      );
    }),
  );
}

/**
 * The provider has been called: its outcome's transaction is tried up to three times before the error
 * goes up (a dropped connection, a deadlock the store's own retries did not get past; each try rolled
 * back whole). Giving up leaves the settlement `processing` until the recovery sweep re-sends it with
 * the same key, minutes later.
 */
async function recorded<T>(write: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await write();
    } catch (e) {
      if (i >= attempts) throw e;
    }
  }
}

export interface OpenedGateway {
  readonly gateway: PaymentGateway;
  readonly account: ProviderAccount | null;
  readonly platform: PlatformConnection | null;
}

/**
 * The settlement's gateway with what it acts through: the merchant's own provider account (another
 * merchant's payment is not reachable through it) or the merchant's own shop (the order's platform).
 */
export async function openGateway(deps: Deps, s: Settlement): Promise<OpenedGateway | { missing: string }> {
  const gateway = s.gateway ? deps.gateways.get(s.gateway) : undefined;
  if (!gateway)
    return {
      missing: `no payment gateway "${s.gateway}" is configured: configure it and retry, or refund by hand`,
    };
  let account: ProviderAccount | null = null;
  if (gateway.needsAccount) {
    const opened = isPaymentProvider(gateway.name)
      ? await openProviderAccount(deps, s.merchantId, gateway.name)
      : { missing: `gateway "${gateway.name}" has no per-merchant accounts` };
    if (!("account" in opened)) return { missing: opened.missing };
    account = opened.account;
  }
  let platform: PlatformConnection | null = null;
  if (gateway.needsPlatform) {
    const opened = await merchantConnection(deps, s.merchantId, gateway.needsPlatform);
    if (!("connection" in opened)) return { missing: opened.missing };
    platform = opened.connection;
  }
  return { gateway, account, platform };
}

/** The gateway request of a settlement: its key, amount and the order's tender it refunds. */
export async function gatewayRequest(
  deps: Deps,
  s: Settlement,
  opened: OpenedGateway,
): Promise<GatewayRefundRequest> {
  return requestOf(s, opened, (await settlementTender(deps.store.read, s))?.tender ?? null);
}

function requestOf(s: Settlement, opened: OpenedGateway, tender: Tender | null): GatewayRefundRequest {
  return {
    settlementId: s.id,
    idempotencyKey: s.idempotencyKey,
    amount: s.amount,
    tender: {
      kind: tender?.kind ?? "other",
      provider: tender?.provider ?? null,
      reference: tender?.reference ?? null,
    },
    reason: "return",
    account: opened.account,
    platform: opened.platform,
    attempt: s.attempts,
  };
}

/**
 * What a provider's answer means for the settlement. Accepted but not final → `awaiting_provider`
 * (the webhook settles it; never sent again). A retryable failure goes back to `pending` until the
 * attempts run out, then to `needs_review`: the provider may have received some of those calls.
 */
function outcomeOf(claimed: Settlement, result: GatewayRefundResult): SettlementChange {
  if (result.status === "failed") {
    if (!result.retryable) return { status: "failed", failureReason: result.reason };
    return claimed.attempts < MAX_ATTEMPTS
      ? { status: "pending", failureReason: result.reason }
      : {
          status: "needs_review",
          failureReason: `${claimed.attempts} provider calls failed (last: ${result.reason}); check the provider before retrying`,
        };
  }
  return {
    status: result.status === "processing" ? "awaiting_provider" : result.status,
    providerReference: result.providerReference,
    failureReason: null,
  };
}

/** Hands pending settlements to the job queue (or, without one, runs them now). */
export async function dispatchSettlements(
  deps: Deps,
  settlements: readonly Settlement[],
): Promise<Settlement[]> {
  const out: Settlement[] = [];
  for (const s of settlements) {
    if (s.status !== "pending") out.push(s);
    else if (deps.jobs) {
      await deps.jobs.enqueue("settlement.execute", { settlementId: s.id }, { singletonKey: s.id });
      out.push(s);
    } else out.push((await executeSettlement(deps, s.id)) ?? s);
  }
  return out;
}

/**
 * Test-only crash injection for the kill -9 tests: CROSSBACK_FAULT=<point> makes the process kill
 * itself (SIGKILL, no clean-up) when it reaches that point of a settlement.
 */
async function faultPoint(point: "before_provider_call" | "after_provider_call"): Promise<void> {
  if (process.env.CROSSBACK_FAULT === point) process.kill(process.pid, "SIGKILL");
}
