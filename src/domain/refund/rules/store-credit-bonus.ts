/** The policy's bonus on what goes to store credit (a share of those units' item value). */
import { allocate, money } from "../../money.ts";
import { itemValue, orderLine, type RefundRule } from "../refund-context.ts";

export const storeCreditBonus: RefundRule = (ctx, before) => {
  const bp = ctx.input.terms.storeCreditBonusBasisPoints;
  const credited = ctx.placed
    .filter(({ units: u }) => u.resolution === "store_credit")
    .reduce((n, { units: u }) => n + itemValue(before, u.caseLineId), 0);
  if (credited <= 0 || bp <= 0) return [];
  const [bonus] = allocate(money(credited, ctx.currency), [bp, 10_000 - bp]);
  if (!bonus || bonus.amount <= 0) return [];
  return [
    orderLine(
      "store_credit_bonus",
      bonus,
      "store_credit",
      `${ctx.input.terms.policyRef}.store_credit_bonus`,
      "Bonus for taking store credit",
    ),
  ];
};
