import type { RequestedLine } from "../domain/case-opening.ts";
import type { DomainError } from "../domain/errors.ts";
import type { Order } from "../domain/order.ts";
import type { ReturnDecision } from "../domain/policy/evaluate-return.ts";
import { calculateRefund } from "../domain/refund/calculate-refund.ts";
import type { RefundCalculation } from "../domain/refund/refund-calculation.ts";
import { ok, type Result } from "../domain/result.ts";
import type { Resolution } from "../domain/return-reasons.ts";
import { splitByVendor } from "../domain/vendor-split.ts";
import { vendorNameOf } from "./portal/case-group.ts";
import { exchangeReplacement } from "./portal/replacement.ts";
import type { Deps } from "./ports/index.ts";
import { decisionMoneyTerms } from "./refund-terms.ts";
import { type Replacement, replacementTotal } from "./refunds.ts";
import { evaluate } from "./return-evaluation.ts";

export interface ReturnPreview {
  readonly decision: ReturnDecision;
  readonly refund: RefundCalculation | null;
  /** Exchanges: the variant picked, at its current price. */
  readonly replacement: Replacement | null;
  /** Lines of several vendors: the cases a creation would open, one per vendor, each decided alone (else empty). */
  readonly split: readonly PreviewPart[];
  /** The order judged (the route preview reuses it instead of reading it again). */
  readonly order: Order;
}

/** One case of a split, as the creation would open it. */
export interface PreviewPart {
  readonly vendor: string | null;
  readonly vendorName: string | null;
  readonly decision: ReturnDecision;
  readonly refund: RefundCalculation | null;
}

type PreviewInput = {
  orderExternalId: string;
  lines: readonly RequestedLine[];
  at?: Date;
  requestedResolution?: Resolution;
  /** Exchanges: the variant the shopper would get (its current price decides the difference). */
  replacementSku?: string | null;
};

/**
 * Eligibility, deadlines and fees for a return, without side effects (POST /api/v1/returns/preview).
 * The top level judges all lines together; `split` shows each vendor's case when there are several.
 */
export async function previewReturn(
  deps: Deps,
  merchantId: string,
  input: PreviewInput,
): Promise<Result<ReturnPreview, DomainError>> {
  const at = input.at ?? deps.clock.now();
  const whole = await previewOne(deps, merchantId, { ...input, at });
  if (!whole.ok) return whole;
  const parts = splitByVendor(whole.value.order, input.lines);
  const split: PreviewPart[] = [];
  if (parts.length > 1) {
    for (const part of parts) {
      const p = await previewOne(deps, merchantId, { ...input, at, lines: part.lines });
      if (!p.ok) return p;
      const name = await vendorNameOf(deps.store.read, { merchantId, vendor: part.vendor });
      split.push({
        vendor: part.vendor,
        vendorName: name,
        decision: p.value.decision,
        refund: p.value.refund,
      });
    }
  }
  return ok({ ...whole.value, split });
}

async function previewOne(
  deps: Deps,
  merchantId: string,
  input: PreviewInput,
): Promise<Result<Omit<ReturnPreview, "split"> & { order: Order }, DomainError>> {
  const at = input.at ?? deps.clock.now();
  // The inputs and what the order was refunded before, in one statement.
  const inputs = await deps.store.read.orders.forPreview(merchantId, input.orderExternalId);
  const r = await evaluate(deps.store.read, merchantId, input, at, false, undefined, inputs);
  if (!r.ok) return r;
  const { order, decision } = r.value;
  const replacement = await exchangeReplacement(deps.store.read, merchantId, order, {
    lines: input.lines,
    resolution: input.requestedResolution ?? "refund",
    replacementSku: input.replacementSku,
  });
  if (!replacement.ok) return replacement;
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
  if (units.length === 0) return ok({ order, decision, refund: null, replacement: replacement.value });
  const prior = inputs?.prior;
  if (!prior) throw new Error("a judged preview without its inputs");
  const calc = calculateRefund({
    id: "preview",
    caseId: "preview",
    version: 0,
    order,
    units,
    terms: money.terms,
    prior,
    replacementTotal: replacementTotal(replacement.value),
    at,
  });
  return ok({ order, decision, refund: calc.ok ? calc.value : null, replacement: replacement.value });
}
