/** Item net, discount share and tax share of each unit range, from the order line it was bought on. */
import { money, unitsShare } from "../../money.ts";
import type { RefundLine } from "../refund-calculation.ts";
import { destinationOf, negate, type RefundRule } from "../refund-context.ts";

export const itemLines: RefundRule = (ctx) =>
  ctx.placed.flatMap(({ units: u, line, before }) => {
    const c = ctx.currency;
    const list = money(line.unitPrice.amount * u.quantity, c);
    const discount = unitsShare(line.discount, line.quantity, before, u.quantity);
    const tax = unitsShare(line.tax, line.quantity, before, u.quantity);
    const net = ctx.input.order.taxesIncluded ? money(list.amount - tax.amount, c) : list;
    const base = {
      caseLineId: u.caseLineId,
      orderLineExternalId: line.externalId,
      quantity: u.quantity,
      destination: destinationOf(u.resolution),
    };
    const out: RefundLine[] = [
      {
        ...base,
        type: "item_net",
        amount: net,
        ruleId: "crossback.refund.item",
        description: `${u.quantity} × ${line.title}`,
      },
    ];
    if (discount.amount !== 0)
      out.push({
        ...base,
        type: "discount_reversal",
        amount: negate(discount),
        ruleId: "crossback.refund.discount_share",
        description: "Share of the line's discount",
      });
    if (tax.amount !== 0)
      out.push({
        ...base,
        type: "item_tax",
        amount: tax,
        ruleId: "crossback.refund.tax_share",
        description: "Tax on the returned units",
      });
    return out;
  });
