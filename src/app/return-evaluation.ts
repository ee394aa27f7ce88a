import type { RequestedLine } from "../domain/case-opening.ts";
import type { DomainError } from "../domain/errors.ts";
import type { Order } from "../domain/order.ts";
import { evaluateReturn, type ReturnDecision } from "../domain/policy/evaluate-return.ts";
import type { ReturnPolicy } from "../domain/policy/return-policy.ts";
import { err, ok, type Result } from "../domain/result.ts";
import { statutoryPackFor } from "../domain/statutory/pack-loader.ts";
import { statutoryRefundDeadline } from "../domain/statutory/refund-deadline.ts";
import { localizePolicies } from "./fee-conversion.ts";
import { compileCurrent } from "./policies.ts";
import type { Repos, ReturnInputs } from "./ports/index.ts";
import { minimumsOf } from "./vendor-policies.ts";

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

/** Loads what the engine needs (one statement) and decides; shared by the preview and the creation. */
export async function evaluate(
  r: Repos,
  merchantId: string,
  input: { orderExternalId: string; lines: readonly RequestedLine[] },
  at: Date,
  lock: boolean,
  /** A policy not saved yet, judged in place of its saved version (the policy editor's preview). */
  draft?: ReturnPolicy,
  /** What the caller has read already, outside a transaction (lock is false). */
  loaded?: ReturnInputs | null,
): Promise<Result<Evaluated, DomainError>> {
  const inputs =
    loaded !== undefined && !lock ? loaded : await readInputs(r, merchantId, input.orderExternalId, lock);
  if (!inputs) return err({ code: "not_found", entity: "order", id: input.orderExternalId });
  return judge(r, merchantId, input, at, inputs, draft);
}

/** The inputs, after locking the order row when asked (the read then sees every case committed before). */
async function readInputs(
  r: Repos,
  merchantId: string,
  externalId: string,
  lock: boolean,
): Promise<ReturnInputs | null> {
  if (lock && !(await r.orders.lock(merchantId, { externalId }))) return null;
  return r.orders.forReturn(merchantId, externalId);
}

async function judge(
  r: Repos,
  merchantId: string,
  input: { orderExternalId: string; lines: readonly RequestedLine[] },
  at: Date,
  inputs: ReturnInputs,
  draft: ReturnPolicy | undefined,
): Promise<Result<Evaluated, DomainError>> {
  const { order, held, merchant } = inputs;
  if (inputs.cancelled) return err({ code: "order_cancelled", externalId: order.externalId });
  const saved = compileCurrent(merchantId, inputs.policies, minimumsOf(merchant?.settings));
  const localized = await localizePolicies(
    r,
    draft ? [...saved.filter((p) => p.id !== draft.id), draft] : saved,
    order,
    merchant?.settlementCurrency ?? order.currency,
    at,
  );
  const policies = localized.policies;
  const decision = evaluateReturn(order, policies, input.lines, held, at, inputs.events);
  if (!decision.ok) return decision;
  const used = localized.conversions.filter((c) =>
    decision.value.policies.some((p) => p.id === c.policy.id && p.version === c.policy.version),
  );
  return ok({ order, held, decision: { ...decision.value, feeConversions: used }, policies });
}
