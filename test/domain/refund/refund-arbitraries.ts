/** Random orders for refund properties: several currencies, taxes in or on top, discounts, duties, card + gift card. */
import fc from "fast-check";
import type { Order, Tender } from "../../../src/domain/order.ts";
import { linePaid } from "../../../src/domain/order.ts";
import { line, money, order } from "./refund-fixtures.ts";

export const orderArb = fc
  .record({
    currency: fc.constantFrom("JPY", "EUR", "KWD", "KRW", "BHD", "USD"),
    taxesIncluded: fc.boolean(),
    lines: fc.array(
      fc.record({
        quantity: fc.integer({ min: 1, max: 6 }),
        unit: fc.integer({ min: 1, max: 200_000 }),
        taxBp: fc.integer({ min: 0, max: 2_500 }),
        discountBp: fc.integer({ min: 0, max: 5_000 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    shipping: fc.integer({ min: 0, max: 5_000 }),
    cheapest: fc.integer({ min: 0, max: 5_000 }),
    duties: fc.integer({ min: 0, max: 20_000 }),
    giftShare: fc.integer({ min: 0, max: 10_000 }),
  })
  .map((r): Order => {
    const lines = r.lines.map((l, i) => {
      const gross = l.unit * l.quantity;
      const discount = Math.floor((gross * l.discountBp) / 10_000);
      const tax = Math.floor(((gross - discount) * l.taxBp) / 10_000);
      return line(`L${i}`, l.quantity, l.unit, tax, discount, r.currency);
    });
    const base = order(lines, {
      currency: r.currency,
      taxesIncluded: r.taxesIncluded,
      shipping: {
        amount: money(r.shipping, r.currency),
        tax: money(0, r.currency),
        method: null,
        cheapestStandardAmount: money(Math.min(r.cheapest, r.shipping), r.currency),
      },
      duties:
        r.duties > 0 ? { amount: money(r.duties, r.currency), paidBy: "customer", incoterm: "DDP" } : null,
    });
    const total = lines.reduce((n, l) => n + linePaid(base, l).amount, 0) + r.shipping + r.duties;
    const gift = Math.floor((total * r.giftShare) / 10_000);
    const tenders: Tender[] = [
      {
        id: "card",
        kind: "card",
        provider: "stripe",
        reference: "pi",
        amount: money(total - gift, r.currency),
        capturedAt: null,
      },
      ...(gift > 0
        ? [
            {
              id: "gift",
              kind: "gift_card" as const,
              provider: null,
              reference: "g",
              amount: money(gift, r.currency),
              capturedAt: null,
            },
          ]
        : []),
    ];
    return { ...base, tenders };
  });
