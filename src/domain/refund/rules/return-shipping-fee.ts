/** The flat return-label fee the shopper pays: once per case. */
import { negate, orderLine, type RefundRule } from "../refund-context.ts";

export const returnShippingFee: RefundRule = (ctx) => {
  const { terms, prior, units } = ctx.input;
  const fee = terms.returnShippingFee;
  if (!fee || fee.amount <= 0 || prior.returnFeeCharged || units.length === 0) return [];
  return [
    orderLine(
      "return_shipping_fee",
      negate(fee),
      ctx.moneyDestination,
      `${terms.policyRef}.return_shipping`,
      "Return shipping label",
    ),
  ];
};
