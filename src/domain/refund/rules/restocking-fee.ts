/** The policy's restocking fee: only on units decided on the merchant's own policy track, never on exchanges. */
import { allocate, money, zero } from "../../money.ts";
import type { RefundLine } from "../refund-calculation.ts";
import { destinationOf, itemValue, negate, type RefundRule } from "../refund-context.ts";

export const restockingFee: RefundRule = (ctx, before) => {
  const fee = ctx.input.terms.restocking;
  if (!fee) return [];
  const out: RefundLine[] = [];
  for (const { units: u } of ctx.placed) {
    if (u.track !== "merchant_policy" || u.resolution === "exchange") continue;
    const value = money(itemValue(before, u.caseLineId), ctx.currency);
    const amount =
      "basisPoints" in fee
        ? (allocate(value, [fee.basisPoints, 10_000 - fee.basisPoints])[0] ?? zero(ctx.currency))
        : money(fee.perUnit.amount * u.quantity, ctx.currency);
    if (amount.amount <= 0) continue;
    out.push({
      type: "restocking_fee",
      caseLineId: u.caseLineId,
      orderLineExternalId: null,
      quantity: u.quantity,
      amount: negate(amount),
      destination: destinationOf(u.resolution),
      ruleId: `${ctx.input.terms.policyRef}.restocking_fee`,
      description: "Restocking fee",
    });
  }
  return out;
};
