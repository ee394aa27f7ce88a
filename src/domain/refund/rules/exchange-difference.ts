/**
 * An exchange takes the replacement's price from what came back; without a replacement price it is
 * like for like (the replacement costs exactly what came back).
 */
import { money } from "../../money.ts";
import { negate, orderLine, type RefundRule } from "../refund-context.ts";

export const exchangeDifference: RefundRule = (ctx, before) => {
  const { units, replacementTotal } = ctx.input;
  if (!units.some((u) => u.resolution === "exchange")) return [];
  const returned = before
    .filter((l) => l.destination === "exchange")
    .reduce((n, l) => n + l.amount.amount, 0);
  const price = replacementTotal ?? money(returned, ctx.currency);
  return [
    orderLine(
      "exchange_difference",
      negate(price),
      "exchange",
      replacementTotal ? "crossback.refund.exchange" : "crossback.refund.exchange_like_for_like",
      "Price of the replacement",
    ),
  ];
};
