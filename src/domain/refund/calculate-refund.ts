/**
 * The refund for units of a return case: pure, itemised, exact. Every line points at its case line
 * and the rule that produced it (one file per rule in `rules/`, applied in order); the lines sum
 * exactly to the total; nothing is refunded twice.
 */
import type { DomainError } from "../errors.ts";
import { money } from "../money.ts";
import { ok, type Result } from "../result.ts";
import type { Destination, RefundCalculation, RefundLine } from "./refund-calculation.ts";
import { type RefundInput, refundContext } from "./refund-context.ts";
import { REFUND_RULES } from "./rules/index.ts";

export type { RefundInput } from "./refund-context.ts";

export function calculateRefund(input: RefundInput): Result<RefundCalculation, DomainError> {
  const ctx = refundContext(input);
  if (!ctx.ok) return ctx;
  const lines: RefundLine[] = [];
  for (const rule of REFUND_RULES) lines.push(...rule(ctx.value, lines));
  return ok(finish(input, lines));
}

function finish(input: RefundInput, lines: readonly RefundLine[]): RefundCalculation {
  const c = input.order.currency;
  const total = (of: readonly RefundLine[]) =>
    money(
      of.reduce((n, l) => n + l.amount.amount, 0),
      c,
    );
  const to = (dest: Destination) => total(lines.filter((l) => l.destination === dest));
  return {
    id: input.id,
    caseId: input.caseId,
    version: input.version,
    currency: c,
    units: input.units,
    lines,
    total: total(lines),
    byDestination: {
      original_payment: to("original_payment"),
      store_credit: to("store_credit"),
      exchange: to("exchange"),
    },
    createdAt: input.at,
  };
}
