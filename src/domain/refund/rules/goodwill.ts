/** A goodwill amount an agent adds. */
import { orderLine, type RefundRule } from "../refund-context.ts";

export const goodwill: RefundRule = (ctx) => {
  const g = ctx.input.goodwill;
  if (!g || g.amount <= 0) return [];
  return [orderLine("goodwill", g, ctx.moneyDestination, "crossback.refund.goodwill", "Goodwill")];
};
