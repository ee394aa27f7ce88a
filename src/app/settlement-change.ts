import { type Actor, SYSTEM } from "../domain/actor.ts";
import type { CaseEvent } from "../domain/return-case.ts";
import { canMoveSettlement } from "../domain/settlement-status.ts";
import { settlementFx } from "./fx-values.ts";
import type {
  Deps,
  OperationsLog,
  OrderTender,
  Repos,
  Settlement,
  SettlementChange,
  SettlementStatus,
} from "./ports/index.ts";

const EVENT_OF: Partial<Record<SettlementStatus, CaseEvent["type"]>> = {
  succeeded: "settlement.succeeded",
  failed: "settlement.failed",
  requires_action: "settlement.requires_action",
  needs_review: "settlement.needs_review",
};

/** The log refused transitions go to: the wired one, else one JSON line on stderr. */
export function operationsLog(deps: Pick<Deps, "log">): OperationsLog {
  return deps.log ?? ((event) => process.stderr.write(`${JSON.stringify(event)}\n`));
}

/**
 * The one way a settlement changes state. `current` must have been read with `r.settlements.lock`
 * in this transaction (the row is locked), or be what the worker's own claim answered; the write is
 * compare-and-set on its status as well, so a worker's stale snapshot can never undo what a webhook or
 * an agent recorded meanwhile. An
 * illegal move (`canMoveSettlement`) or a lost compare-and-set is refused, logged, and answers null.
 * Final states get their case event and, for money that left, the FX value.
 */
export async function changeSettlement(
  deps: Pick<Deps, "log">,
  r: Repos,
  current: Settlement,
  change: SettlementChange,
  at: Date,
  why: string,
  actor: Actor = SYSTEM,
  /** When the caller read it already: the date the FX value is taken at (the tender's capture, else the order's placing). */
  fxDate?: Date | null,
): Promise<Settlement | null> {
  const to = change.status ?? current.status;
  const refuse = (reason: string) => {
    operationsLog(deps)({
      at: at.toISOString(),
      event: "settlement.transition_refused",
      settlementId: current.id,
      merchantId: current.merchantId,
      from: current.status,
      to,
      by: why,
      reason,
    });
    return null;
  };
  if (!canMoveSettlement(current.status, to)) return refuse("not a legal transition");
  let full: SettlementChange = change;
  if (to === "succeeded" && current.method !== "store_credit" && !current.fx)
    full = { ...change, fx: await fxOf(r, current, at, fxDate) };
  const next = await r.settlements.transition(current.id, current.status, full, at);
  if (!next) return refuse("the settlement changed meanwhile");
  const type = EVENT_OF[to];
  const c =
    type && to !== current.status && next.caseId
      ? await r.cases.lockForEvents(next.merchantId, next.caseId)
      : null;
  if (type && c)
    await r.cases.append(c, [
      {
        type,
        actor,
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
  return next;
}

/** The refund's value in the merchant's settlement currency at `at` (and at capture). */
async function fxOf(
  r: Repos,
  s: Settlement,
  at: Date,
  known: Date | null | undefined,
): Promise<Settlement["fx"]> {
  const merchant = await r.merchants.byId(s.merchantId);
  if (!merchant) return null;
  const date = known !== undefined ? known : fxDateOf(await settlementTender(r, s));
  return settlementFx(r, s.amount, merchant.settlementCurrency, at, date);
}

/** The settlement's tender and the order's placing time (null: the settlement has no order). */
export function settlementTender(r: Pick<Repos, "orders">, s: Settlement): Promise<OrderTender | null> {
  return s.orderId ? r.orders.tender(s.merchantId, s.orderId, s.tenderId) : Promise.resolve(null);
}

/** When a refund's FX value is taken: the tender's capture, else the order's placing. */
export const fxDateOf = (order: OrderTender | null): Date | null =>
  order?.tender?.capturedAt ?? order?.placedAt ?? null;
