import type { Actor } from "../domain/actor.ts";
import { decide } from "../domain/case-decide.ts";
import { openCase, type RequestedLine } from "../domain/case-opening.ts";
import type { DomainError } from "../domain/errors.ts";
import type { Order } from "../domain/order.ts";
import { evaluateReturn, type ReturnDecision, refusals } from "../domain/policy/evaluate-return.ts";
import type { ReturnPolicy } from "../domain/policy/return-policy.ts";
import { calculateRefund } from "../domain/refund/calculate-refund.ts";
import type { RefundCalculation } from "../domain/refund/refund-calculation.ts";
import { agreementAtOpening } from "../domain/refund/store-credit-agreement.ts";
import { err, ok, type Result } from "../domain/result.ts";
import type { CaseEvent, CaseSource, ReturnCase } from "../domain/return-case.ts";
import type { Resolution } from "../domain/return-reasons.ts";
import { statutoryPackFor } from "../domain/statutory/pack-loader.ts";
import { statutoryRefundDeadline } from "../domain/statutory/refund-deadline.ts";
import { localizePolicies } from "./fee-conversion.ts";
import { currentPolicies } from "./policies.ts";
import type { Deps, Repos } from "./ports.ts";
import { decisionMoneyTerms } from "./refund-terms.ts";

export interface CreateReturnInput {
  readonly orderExternalId: string;
  readonly lines: readonly RequestedLine[];
  readonly requestedResolution: Resolution;
  readonly source: CaseSource;
  /** A staff member's goodwill exception: open the case although the engine refuses some lines. */
  readonly override?: { readonly reason: string } | null;
}

/**
 * The statutory refund deadline when a line is withdrawn under the law: the withdrawal notice is the
 * case's creation, so the clock starts now (it may be withheld until the goods or proof of sending arrive).
 */
function refundDeadlineFor(order: Order, decision: ReturnDecision, at: Date): Record<string, unknown> | null {
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

export const caseNumber = (n: number): string => `R-${String(n).padStart(6, "0")}`;

interface Evaluated {
  readonly order: Order;
  readonly held: Map<string, number>;
  readonly decision: ReturnDecision;
  readonly policies: readonly ReturnPolicy[];
}

/** Loads what the engine needs and decides; shared by the preview and the creation. */
async function evaluate(
  r: Repos,
  merchantId: string,
  input: { orderExternalId: string; lines: readonly RequestedLine[] },
  at: Date,
  lock: boolean,
): Promise<Result<Evaluated, DomainError>> {
  const found = lock ? await r.orders.lock(merchantId, { externalId: input.orderExternalId }) : true;
  const order = found ? await r.orders.get(merchantId, input.orderExternalId) : null;
  if (!order) return err({ code: "not_found", entity: "order", id: input.orderExternalId });
  const held = await r.cases.heldByOrder(order.id, null);
  const merchant = await r.merchants.byId(merchantId);
  const localized = await localizePolicies(
    r,
    await currentPolicies(r, merchantId),
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

/** Eligibility, deadlines and fees for a return, without side effects (POST /api/v1/returns/preview). */
export async function previewReturn(
  deps: Deps,
  merchantId: string,
  input: {
    orderExternalId: string;
    lines: readonly RequestedLine[];
    at?: Date;
    requestedResolution?: Resolution;
  },
): Promise<Result<{ decision: ReturnDecision; refund: RefundCalculation | null }, DomainError>> {
  const at = input.at ?? deps.clock.now();
  const r = await evaluate(deps.store.read, merchantId, input, at, false);
  if (!r.ok) return r;
  const { order, decision } = r.value;
  // The refund the eligible lines would bring, by the same calculation a case uses.
  const money = await decisionMoneyTerms(deps.store.read, merchantId, decision, order.currency);
  const units = decision.lines.flatMap((l) => {
    const line = order.lines.find((x) => x.externalId === l.orderLineExternalId);
    return l.eligible && line
      ? [
          {
            caseLineId: line.externalId,
            orderLineId: line.id,
            quantity: l.quantity,
            resolution: input.requestedResolution ?? "refund",
            track: l.track,
          },
        ]
      : [];
  });
  if (units.length === 0) return ok({ decision, refund: null });
  const prior = await deps.store.read.refunds.priorForOrder(order.id, "", order.currency);
  const calc = calculateRefund({
    id: "preview",
    caseId: "preview",
    version: 0,
    order,
    units,
    terms: money.terms,
    prior,
    at,
  });
  return ok({ decision, refund: calc.ok ? calc.value : null });
}

/**
 * Opens a return case: the policy engine decides every line and the decision is frozen on the case.
 * Ineligible lines are refused unless the request carries an override, recorded with its actor.
 */
export function createReturn(
  deps: Deps,
  merchantId: string,
  input: CreateReturnInput,
  actor: Actor,
): Promise<Result<ReturnCase, DomainError>> {
  return deps.store.transaction(async (r) => {
    const at = deps.clock.now();
    const evaluated = await evaluate(r, merchantId, input, at, true);
    if (!evaluated.ok) return evaluated;
    const { order, held, decision, policies } = evaluated.value;
    const refused = refusals(decision, input.requestedResolution);
    if (refused.length > 0 && !input.override) return err({ code: "not_eligible", lines: refused });
    const opened = openCase({
      ids: { caseId: deps.ids.next(), number: "", lineIds: input.lines.map(() => deps.ids.next()) },
      order,
      lines: input.lines,
      requestedResolution: input.requestedResolution,
      source: input.source,
      heldElsewhere: held,
      decision: decision as unknown as Record<string, unknown>,
      actor,
      at,
    });
    if (!opened.ok) return opened;
    let c: ReturnCase = { ...opened.value.case, number: caseNumber(await r.cases.nextNumber(merchantId)) };
    const events: CaseEvent[] = [...opened.value.events];
    if (refused.length > 0 && input.override) {
      const override = { actor, at, rule: "eligibility", reason: input.override.reason };
      c = { ...c, overrides: [override], version: c.version + 1 };
      events.push({
        type: "return.overridden",
        actor,
        at,
        reason: input.override.reason,
        fromStatus: c.status,
        toStatus: c.status,
        data: { rule: "eligibility", refused },
      });
    }
    const agreed = agreementAtOpening(c, decision.lines, actor, at);
    if (!agreed.ok) return agreed;
    if (agreed.value) {
      c = { ...c, expressAgreements: [agreed.value.agreement], version: c.version + 1 };
      events.push(agreed.value.event);
    }
    c = { ...c, refundDeadline: refundDeadlineFor(order, decision, at) };
    const review = decision.policies.some(
      (p) => policies.find((x) => x.id === p.id && x.version === p.version)?.requireReview,
    );
    if (review) {
      const moved = decide(
        c,
        { type: "review" },
        { actor: { kind: "system", id: "policy-engine" }, at, reason: "the policy asks for review" },
      );
      if (moved.ok) {
        c = moved.value.case;
        events.push(...moved.value.events);
      }
    }
    await r.cases.insert(c, events);
    return ok(c);
  });
}
