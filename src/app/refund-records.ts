import type { Actor } from "../domain/actor.ts";
import type { DomainError } from "../domain/errors.ts";
import { markRefunded } from "../domain/refund/refund-due.ts";
import { err, ok, type Result } from "../domain/result.ts";
import type { CaseEvent, ReturnCase } from "../domain/return-case.ts";
import { issueCreditNote } from "./credit-notes.ts";
import type { Deps, Repos } from "./ports/index.ts";
import type { PlannedRefund, RefundOutcome, RefundRequest } from "./refunds.ts";
import { createReplacementOrder } from "./replacement-order.ts";
import { createSettlements } from "./settlement-intents.ts";

/** The refund's change to the case: its refunded counts (a new version) and the event that says so. */
export function refundChange(c: ReturnCase, p: PlannedRefund, actor: Actor, at: Date) {
  const { calc, units } = p;
  const event: CaseEvent = {
    type: "refund.issued",
    actor,
    at,
    reason: null,
    fromStatus: c.status,
    toStatus: c.status,
    data: {
      calculationId: calc.id,
      version: calc.version,
      total: calc.total,
      byDestination: calc.byDestination,
    },
  };
  return { case: markRefunded(c, units, at), event };
}

/**
 * Writes what a planned refund leaves besides the case, once the case carries it (`next`): the
 * calculation, the settlement intents, store credit, an exchange's order and the credit note.
 */
export async function recordRefund(
  deps: Deps,
  r: Repos,
  c: ReturnCase,
  next: ReturnCase,
  p: PlannedRefund,
  req: RefundRequest,
  actor: Actor,
  at: Date,
): Promise<RefundOutcome> {
  const { order, merchant, calc, units } = p;
  await r.refunds.insert(c.merchantId, calc, actor.id);
  const settlements = await createSettlements(deps, r, p.plan, {
    merchant,
    order,
    caseId: c.id,
    calculationId: calc.id,
    reference: c.number,
    portal: c.portal ?? null,
    at,
  });
  // The replacement the agent names, or the variant the shopper picked in the portal.
  const replacement = req.replacement ?? c.portal?.replacement ?? null;
  if (replacement && units.some((u) => u.resolution === "exchange"))
    await createReplacementOrder(deps, r, order, c, replacement, at);
  const creditNote =
    calc.total.amount > 0
      ? await issueCreditNote(r, deps.ids, { merchant, order, case: next, calc, settlements, at })
      : null;
  return { case: next, calculation: calc, settlements, creditNote };
}

/** A planned refund as a write of its own: the case (version-checked), then `recordRefund`. */
export async function issuePlanned(
  deps: Deps,
  r: Repos,
  c: ReturnCase,
  p: PlannedRefund,
  req: RefundRequest,
  actor: Actor,
  at: Date,
): Promise<Result<RefundOutcome, DomainError>> {
  const change = refundChange(c, p, actor, at);
  if (!(await r.cases.update(change.case, c.version, [change.event])))
    return err({ code: "version_conflict", expected: c.version, actual: c.version + 1 });
  return ok(await recordRefund(deps, r, c, change.case, p, req, actor, at));
}
