import type { FieldIssue } from "./errors.ts";
import { formatMoney, type Money, sum } from "./money.ts";
import { type Address, type Order, orderTotal, type TenderKind } from "./order.ts";

/** An order as the commerce platform sends it (PUT /api/v1/orders/{externalId}), money already in minor units. */
export interface OrderDraft {
  readonly externalId: string;
  readonly placedAt: Date;
  readonly currency: string;
  readonly customer: {
    readonly email: string;
    readonly name: string | null;
    readonly locale: string | null;
    readonly timeZone: string | null;
  };
  readonly shippingAddress: Address;
  readonly taxesIncluded: boolean;
  readonly lines: readonly {
    readonly externalId: string;
    readonly sku: string;
    readonly title: string;
    readonly quantity: number;
    readonly unitPrice: Money;
    readonly tax: Money;
    readonly discount: Money;
    readonly startsAt?: Date | null;
  }[];
  readonly shipping: {
    readonly amount: Money;
    readonly tax: Money;
    readonly method: string | null;
    readonly cheapestStandardAmount: Money | null;
  };
  readonly duties: {
    readonly amount: Money;
    readonly paidBy: "customer" | "merchant";
    readonly incoterm: "DDP" | "DAP";
  } | null;
  readonly tenders: readonly {
    readonly kind: TenderKind;
    readonly provider: string | null;
    readonly reference: string | null;
    readonly amount: Money;
    readonly capturedAt: Date | null;
  }[];
  readonly fulfilments: readonly {
    readonly externalId: string;
    readonly lines: readonly { readonly lineExternalId: string; readonly quantity: number }[];
    readonly shippedAt: Date | null;
    readonly deliveredAt: Date | null;
    readonly carrier: string | null;
    readonly trackingNumber: string | null;
  }[];
  readonly returnTermsDisclosed: boolean;
  /** SHA-256 (hex) of the gift code printed on the order (null: not a gift). */
  readonly giftCodeHash?: string | null;
}

/** Checks what a schema cannot: references between parts of the order and that the money adds up. */
export function validateOrderDraft(d: OrderDraft): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const lineIds = new Set<string>();
  for (const [i, l] of d.lines.entries()) {
    if (lineIds.has(l.externalId))
      issues.push({ path: `lines[${i}].externalId`, message: "duplicate line externalId" });
    lineIds.add(l.externalId);
    if (!Number.isSafeInteger(l.unitPrice.amount * l.quantity)) {
      issues.push({ path: `lines[${i}].unitPrice`, message: TOO_LARGE("unitPrice × quantity") });
      continue;
    }
    if (l.discount.amount > l.unitPrice.amount * l.quantity) {
      issues.push({
        path: `lines[${i}].discount`,
        message: "exceeds the line's price (unitPrice × quantity)",
      });
    }
  }
  const fulfilled = new Map<string, number>();
  const fulfilmentIds = new Set<string>();
  for (const [i, f] of d.fulfilments.entries()) {
    if (fulfilmentIds.has(f.externalId))
      issues.push({ path: `fulfilments[${i}].externalId`, message: "duplicate fulfilment externalId" });
    fulfilmentIds.add(f.externalId);
    if (f.deliveredAt && f.shippedAt && f.deliveredAt < f.shippedAt) {
      issues.push({ path: `fulfilments[${i}].deliveredAt`, message: "is before shippedAt" });
    }
    for (const [j, fl] of f.lines.entries()) {
      if (!lineIds.has(fl.lineExternalId)) {
        issues.push({
          path: `fulfilments[${i}].lines[${j}].lineExternalId`,
          message: `no order line "${fl.lineExternalId}"`,
        });
        continue;
      }
      const total = (fulfilled.get(fl.lineExternalId) ?? 0) + fl.quantity;
      fulfilled.set(fl.lineExternalId, total);
      const line = d.lines.find((l) => l.externalId === fl.lineExternalId);
      if (line && total > line.quantity) {
        issues.push({
          path: `fulfilments[${i}].lines[${j}].quantity`,
          message: `fulfils ${total} units of line "${fl.lineExternalId}", which has only ${line.quantity}`,
        });
      }
    }
  }
  if (issues.length === 0) issues.push(...totalsInRange(d));
  if (d.tenders.length > 0 && issues.length === 0) {
    const paid = sum(
      d.currency,
      d.tenders.map((t) => t.amount),
    );
    const total = orderTotal(asOrder(d));
    if (paid.amount !== total.amount) {
      issues.push({
        path: "tenders",
        message: `tenders sum to ${formatMoney(paid)} but the order total (lines after discounts${d.taxesIncluded ? "" : " plus tax"}, shipping, customer-paid duties) is ${formatMoney(total)}`,
      });
    }
  }
  return issues;
}

const TOO_LARGE = (what: string) =>
  `${what} exceeds the largest amount Crossback can hold (${Number.MAX_SAFE_INTEGER} minor units)`;

/** Every amount the order adds up (its total, its tenders) must stay a safe integer: refused, not thrown. */
function totalsInRange(d: OrderDraft): FieldIssue[] {
  const within = (amounts: readonly number[]) => {
    let total = 0;
    for (const a of amounts) {
      total += a;
      if (!Number.isSafeInteger(total)) return false;
    }
    return true;
  };
  const amounts = [
    ...d.lines.flatMap((l) => [l.unitPrice.amount * l.quantity, l.tax.amount]),
    d.shipping.amount.amount,
    d.shipping.tax.amount,
    d.duties?.amount.amount ?? 0,
  ];
  const issues: FieldIssue[] = [];
  if (!within(amounts)) issues.push({ path: "lines", message: TOO_LARGE("the order total") });
  if (!within(d.tenders.map((t) => t.amount.amount)))
    issues.push({ path: "tenders", message: TOO_LARGE("the sum of the tenders") });
  return issues;
}

/** Enough of an Order to price it (used before the order has ids). */
function asOrder(d: OrderDraft): Order {
  return {
    id: "",
    merchantId: "",
    externalId: d.externalId,
    customerId: "",
    customerTimeZone: d.customer.timeZone,
    customerLocale: d.customer.locale,
    placedAt: d.placedAt,
    currency: d.currency,
    taxesIncluded: d.taxesIncluded,
    shippingAddress: d.shippingAddress,
    lines: d.lines.map((l) => ({ ...l, id: l.externalId, product: null })),
    shipping: d.shipping,
    duties: d.duties,
    tenders: [],
    fulfilments: [],
    returnTermsDisclosed: d.returnTermsDisclosed,
  };
}
