import type { Actor } from "../domain/actor.ts";
import type { DomainError } from "../domain/errors.ts";
import { zero } from "../domain/money.ts";
import type { TenderKind } from "../domain/order.ts";
import { type CancellationDecision, decideCancellation } from "../domain/policy/cancellation.ts";
import type { ExtenuatingEvent } from "../domain/policy/extenuating-event.ts";
import { selectPolicy } from "../domain/policy/policy-scope.ts";
import { planSettlements } from "../domain/refund/settlement-plan.ts";
import { err, ok, type Result } from "../domain/result.ts";
import { currentPolicies } from "./policies.ts";
import type { Deps, Repos, Settlement } from "./ports/index.ts";
import { dispatchSettlements } from "./refunds.ts";
import { createSettlements } from "./settlement-intents.ts";

async function decide(
  r: Repos,
  merchantId: string,
  externalId: string,
  at: Date,
): Promise<Result<{ orderId: string; decision: CancellationDecision }, DomainError>> {
  const order = await r.orders.get(merchantId, externalId);
  if (!order) return err({ code: "not_found", entity: "order", id: externalId });
  if (await r.cancellations.get(merchantId, order.id)) {
    return err({
      code: "invalid_input",
      issues: [{ path: "order", message: `order ${externalId} is already cancelled` }],
    });
  }
  if ((await r.orders.returnedLineQuantities(merchantId, order.id)).size > 0) {
    return err({
      code: "invalid_input",
      issues: [{ path: "order", message: "the order has return cases: handle it through them" }],
    });
  }
  const first = order.lines.find((l) => l.startsAt) ?? order.lines[0];
  const policy = first
    ? selectPolicy(await currentPolicies(r, merchantId), {
        country: order.shippingAddress.country,
        vendor: first.product?.vendor ?? null,
        category: first.product?.category ?? null,
        sku: first.sku,
      })
    : null;
  const d = decideCancellation(order, policy, await r.events.list(merchantId), at);
  return d.ok ? ok({ orderId: order.id, decision: d.value }) : d;
}

/** What cancelling the order now (or at `at`) would give back, without cancelling it. */
export async function previewCancellation(
  deps: Deps,
  merchantId: string,
  externalId: string,
  at?: Date,
): Promise<Result<CancellationDecision, DomainError>> {
  const r = await decide(deps.store.read, merchantId, externalId, at ?? deps.clock.now());
  return r.ok ? ok(r.value.decision) : r;
}

/**
 * Cancels the order, freezes the decision that priced it, and refunds it: one settlement per tender
 * (intents in this transaction, provider calls after the commit).
 */
export async function cancelOrder(
  deps: Deps,
  merchantId: string,
  externalId: string,
  reason: string | null,
  actor: Actor,
): Promise<Result<{ decision: CancellationDecision; settlements: Settlement[] }, DomainError>> {
  const done = await deps.store.transaction(
    async (
      r,
    ): Promise<Result<{ decision: CancellationDecision; settlements: Settlement[] }, DomainError>> => {
      await r.orders.lock(merchantId, { externalId });
      const at = deps.clock.now();
      const d = await decide(r, merchantId, externalId, at);
      if (!d.ok) return d;
      const inserted = await r.cancellations.insert(merchantId, d.value.orderId, {
        decision: d.value.decision,
        reason,
        cancelledAt: at,
        actorId: actor.id,
      });
      if (!inserted)
        return err({
          code: "invalid_input",
          issues: [{ path: "order", message: `order ${externalId} is already cancelled` }],
        });
      const order = await r.orders.get(merchantId, externalId);
      const merchant = await r.merchants.byId(merchantId);
      if (!order || !merchant) throw new Error("order or merchant vanished");
      const none = zero(order.currency);
      const refunded = await r.settlements.refundedByTender(
        merchantId,
        order.tenders.map((t) => t.id),
      );
      const byDestination = { original_payment: d.value.decision.total, store_credit: none, exchange: none };
      const plan = planSettlements(
        { byDestination },
        order,
        refunded,
        merchant.settings.tenderOrder as TenderKind[] | undefined,
      );
      const settlements = await createSettlements(deps, r, plan, {
        merchant,
        order,
        caseId: null,
        calculationId: null,
        reference: `cancellation ${externalId}`,
        at,
      });
      return ok({ decision: d.value.decision, settlements });
    },
  );
  if (!done.ok) return done;
  return ok({ ...done.value, settlements: await dispatchSettlements(deps, done.value.settlements) });
}

export async function declareEvent(
  deps: Deps,
  merchantId: string,
  e: ExtenuatingEvent,
  actor: Actor,
): Promise<ExtenuatingEvent> {
  await deps.store.transaction((r) =>
    r.events.upsert(merchantId, e, deps.clock.now(), actor.id, deps.ids.next()),
  );
  return e;
}

export function listEvents(deps: Deps, merchantId: string): Promise<ExtenuatingEvent[]> {
  return deps.store.read.events.list(merchantId);
}
