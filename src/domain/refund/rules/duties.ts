/** Duties and import taxes the shopper paid on a DDP order: all that is left, or each unit's share. */
import { allocate, type Money, money, unitsShare, zero } from "../../money.ts";
import { linePaid, type Order } from "../../order.ts";
import { orderLine, type RefundContext, type RefundRule } from "../refund-context.ts";

/** Each order line's share of the duties, by what the lines paid (largest remainder). */
function dutySharesByLine(order: Order, duties: Money): Map<string, Money> {
  const weights = order.lines.map((l) => Math.max(0, linePaid(order, l).amount));
  const parts = allocate(duties, weights);
  return new Map(order.lines.map((l, i) => [l.id, parts[i] ?? zero(order.currency)]));
}

function proportional(ctx: RefundContext, duties: Money, left: number): number {
  const shares = dutySharesByLine(ctx.input.order, duties);
  let amount = 0;
  for (const { units: u, line } of ctx.placed) {
    const before = Math.max(0, ctx.refundedAfter(line.id) - u.quantity);
    amount += unitsShare(shares.get(line.id) ?? zero(ctx.currency), line.quantity, before, u.quantity).amount;
  }
  return Math.min(amount, left);
}

export const duties: RefundRule = (ctx) => {
  const { order, terms, prior, units } = ctx.input;
  const paid = order.duties?.paidBy === "customer" ? order.duties.amount : zero(ctx.currency);
  const left = paid.amount - prior.dutiesRefunded.amount;
  if (left <= 0 || terms.dutiesRefund === "none" || units.length === 0) return [];
  const amount = terms.dutiesRefund === "full" ? left : proportional(ctx, paid, left);
  if (amount <= 0) return [];
  return [
    orderLine(
      "duties",
      money(amount, ctx.currency),
      ctx.moneyDestination,
      `${terms.policyRef}.duties_refund.${terms.dutiesRefund}`,
      "Duties and import taxes paid on delivery",
    ),
  ];
};
