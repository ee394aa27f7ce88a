import type { RequestedLine } from "../domain/case-opening.ts";
import type { DomainError } from "../domain/errors.ts";
import type { Order } from "../domain/order.ts";
import { evaluateReturn, type ReturnDecision } from "../domain/policy/evaluate-return.ts";
import type { ReturnPolicy } from "../domain/policy/return-policy.ts";
import { err, ok, type Result } from "../domain/result.ts";
import { statutoryPackFor } from "../domain/statutory/pack-loader.ts";
import { statutoryRefundDeadline } from "../domain/statutory/refund-deadline.ts";
import { localizePolicies } from "./fee-conversion.ts";
import { currentPolicies } from "./policies.ts";
import type { Repos } from "./ports/index.ts";

/**
 * The statutory refund deadline when a line is withdrawn under the law: the withdrawal notice is the
 * case's creation, so the clock starts now (it may be withheld until the goods or proof of sending arrive).
 */
export function refundDeadlineFor(
  order: Order,
  decision: ReturnDecision,
  at: Date,
): Record<string, unknown> | null {
  // Whoever's track handles it, a shopper inside the statutory period exercised the right: its refund deadline applies.
  const withdrawn = decision.lines.some((l) =>
    l.tracks.some((t) => t.track === "statutory_withdrawal" && t.eligible),
  );
  if (!withdrawn) return null;
  const a = order.shippingAddress;
  const d = statutoryRefundDeadline(statutoryPackFor(a.country, a.region), at, {
    country: a.country,
    region: a.region,
    timeZone: order.customerTimeZone,
  });
  return d ? { ...d } : null;
}

export interface Evaluated {
  readonly order: Order;
  readonly held: Map<string, number>;
  readonly decision: ReturnDecision;
  readonly policies: readonly ReturnPolicy[];
}

/** Loads what the engine needs and decides; shared by the preview and the creation. */
export async function evaluate(
  r: Repos,
  merchantId: string,
  input: { orderExternalId: string; lines: readonly RequestedLine[] },
  at: Date,
  lock: boolean,
  /** A policy not saved yet, judged in place of its saved version (the policy editor's preview). */
  draft?: ReturnPolicy,
  /** The order when the caller has read it already, outside a transaction (lock is false). */
  loaded?: Order | null,
): Promise<Result<Evaluated, DomainError>> {
  const found = lock ? await r.orders.lock(merchantId, { externalId: input.orderExternalId }) : true;
  const order =
    loaded !== undefined && !lock
      ? loaded
      : found
        ? await r.orders.get(merchantId, input.orderExternalId)
        : null;
  if (!order) return err({ code: "not_found", entity: "order", id: input.orderExternalId });
  if (await r.cancellations.get(merchantId, order.id))
    return err({ code: "order_cancelled", externalId: order.externalId });
  const held = await r.cases.heldByOrder(order.id, null);
  const merchant = await r.merchants.byId(merchantId);
  const saved = await currentPolicies(r, merchantId, merchant);
  const localized = await localizePolicies(
    r,
    draft ? [...saved.filter((p) => p.id !== draft.id), draft] : saved,
    order,
    merchant?.settlementCurrency ?? order.currency,
    at,
  );
  const policies = localized.policies;
  const decision = evaluateReturn(order, policies, input.lines, held, at, await r.events.list(merchantId));
  if (!decision.ok) return decision;
  const used = localized.conversions.filter((c) =>
    decision.value.policies.some((p) => p.id === c.policy.id && p.version === c.policy.version),
  );
  return ok({ order, held, decision: { ...decision.value, feeConversions: used }, policies });
}
