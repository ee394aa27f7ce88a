/** Outbound delivery: at most once per order, when the whole order has come back and the terms say so. */
import { add, money } from "../../money.ts";
import { orderLine, type RefundRule } from "../refund-context.ts";

export const outboundShipping: RefundRule = (ctx) => {
  const { order, terms, prior } = ctx.input;
  if (!ctx.wholeOrder || terms.outboundShipping === "none") return [];
  const paid = order.taxesIncluded ? order.shipping.amount : add(order.shipping.amount, order.shipping.tax);
  const cheapest = order.shipping.cheapestStandardAmount;
  const cap =
    terms.outboundShipping === "cheapest_standard" && cheapest
      ? Math.min(paid.amount, cheapest.amount)
      : paid.amount;
  const amount = Math.max(0, cap - prior.shippingRefunded.amount);
  if (amount <= 0) return [];
  const description =
    terms.outboundShipping === "cheapest_standard"
      ? "Outbound delivery (cheapest standard option)"
      : "Outbound delivery";
  return [
    orderLine(
      "outbound_shipping",
      money(amount, ctx.currency),
      ctx.moneyDestination,
      terms.outboundRuleId,
      description,
    ),
  ];
};
