import type { RequestedLine } from "../domain/case-opening.ts";
import type { DomainError } from "../domain/errors.ts";
import type { ReturnDecision } from "../domain/policy/evaluate-return.ts";
import { calculateRefund } from "../domain/refund/calculate-refund.ts";
import type { RefundCalculation } from "../domain/refund/refund-calculation.ts";
import { ok, type Result } from "../domain/result.ts";
import type { Resolution } from "../domain/return-reasons.ts";
import { exchangeReplacement } from "./portal/replacement.ts";
import type { Deps } from "./ports.ts";
import { decisionMoneyTerms } from "./refund-terms.ts";
import { type Replacement, replacementTotal } from "./refunds.ts";
import { evaluate } from "./return-evaluation.ts";

export interface ReturnPreview {
  readonly decision: ReturnDecision;
  readonly refund: RefundCalculation | null;
  /** Exchanges: the variant picked, at its current price. */
  readonly replacement: Replacement | null;
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
    /** Exchanges: the variant the shopper would get (its current price decides the difference). */
    replacementSku?: string | null;
  },
): Promise<Result<ReturnPreview, DomainError>> {
  const at = input.at ?? deps.clock.now();
  const r = await evaluate(deps.store.read, merchantId, input, at, false);
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
  if (units.length === 0) return ok({ decision, refund: null, replacement: replacement.value });
  const prior = await deps.store.read.refunds.priorForOrder(order.id, "", order.currency);
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
  return ok({ decision, refund: calc.ok ? calc.value : null, replacement: replacement.value });
}
