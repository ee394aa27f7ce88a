import type { z } from "zod";
import { parseMoney } from "../../domain/money.ts";

interface OrderAmounts {
  readonly currency: string;
  readonly lines: readonly { readonly quantity: number; readonly unitPrice: string; readonly tax: string }[];
  readonly shipping: { readonly amount: string; readonly tax: string };
  readonly duties?: { readonly amount: string } | null;
  readonly tenders: readonly { readonly amount: string }[];
}

const TOO_LARGE = (what: string) =>
  `${what} exceeds the largest amount Crossback can hold (${Number.MAX_SAFE_INTEGER} minor units)`;

/** Minor units of a money string, 0 when the string is refused elsewhere. */
const units = (text: string, currency: string): number => {
  const r = parseMoney(text, currency);
  return r.ok ? r.value.amount : 0;
};

/** Whether adding up `amounts` (non-negative) stays within the safe integers. */
function sumsSafely(amounts: readonly number[]): boolean {
  let total = 0;
  for (const a of amounts) {
    total += a;
    if (!Number.isSafeInteger(total)) return false;
  }
  return true;
}

/**
 * Adds an issue where an order's amounts multiply or add up beyond the safe integers (unit price ×
 * quantity, the order total, the tenders' sum), which no money arithmetic may be asked to do.
 */
export function checkOrderInRange(o: OrderAmounts, ctx: z.RefinementCtx): void {
  const m = (text: string) => units(text, o.currency);
  let linesOk = true;
  for (const [i, l] of o.lines.entries()) {
    if (Number.isSafeInteger(m(l.unitPrice) * l.quantity)) continue;
    linesOk = false;
    ctx.addIssue({
      code: "custom",
      path: ["lines", i, "unitPrice"],
      message: TOO_LARGE("unitPrice × quantity"),
    });
  }
  const total = [
    ...o.lines.flatMap((l) => [m(l.unitPrice) * l.quantity, m(l.tax)]),
    m(o.shipping.amount),
    m(o.shipping.tax),
    o.duties ? m(o.duties.amount) : 0,
  ];
  if (linesOk && !sumsSafely(total))
    ctx.addIssue({ code: "custom", path: ["lines"], message: TOO_LARGE("the order total") });
  if (!sumsSafely(o.tenders.map((t) => m(t.amount))))
    ctx.addIssue({ code: "custom", path: ["tenders"], message: TOO_LARGE("the sum of the tenders") });
}
