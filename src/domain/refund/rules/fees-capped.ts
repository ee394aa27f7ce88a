/** Fees never take a destination below zero: what would is given back as an explicit rounding-type line. */
import { money } from "../../money.ts";
import type { RefundLine } from "../refund-calculation.ts";
import { orderLine, type RefundRule } from "../refund-context.ts";

export const feesCapped: RefundRule = (ctx, before) => {
  const out: RefundLine[] = [];
  for (const dest of ["original_payment", "store_credit"] as const) {
    const sum = before.filter((l) => l.destination === dest).reduce((n, l) => n + l.amount.amount, 0);
    if (sum < 0)
      out.push(
        orderLine(
          "rounding",
          money(-sum, ctx.currency),
          dest,
          "crossback.refund.fees_capped",
          "Fees capped at the amount refunded",
        ),
      );
  }
  return out;
};
