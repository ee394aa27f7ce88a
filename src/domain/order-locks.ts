import type { Money } from "./money.ts";
import type { Order } from "./order.ts";
import type { OrderDraft } from "./order-draft.ts";

/** A field of an order that money already depends on, and why it cannot change. */
export interface LockedField {
  readonly path: string;
  readonly reason: string;
}

/** What money already moved on an order (read by the caller under the order's lock). */
export interface OrderMoney {
  /** Tender ids at least one settlement (of any status) points at. */
  readonly settledTenders: ReadonlySet<string>;
  /** True when any settlement of the order exists (refund of a case or of a cancellation). */
  readonly anySettlement: boolean;
  /** Order line ids return cases use. */
  readonly returnedLines: ReadonlySet<string>;
}

const sameMoney = (a: Money | null | undefined, b: Money | null | undefined): boolean =>
  a && b ? a.amount === b.amount && a.currency === b.currency : !a && !b;

const TENDER_REASON = "a settlement refunds to this tender: it can no longer change";
const ORDER_REASON = "money was refunded on this order: it can no longer change";
const LINE_REASON =
  "money was refunded on this order and return cases use this line: it can no longer change";

/**
 * The first field of `next` that would change what money already depends on, or null. Tenders
 * (matched by position, as they are stored) with settlements keep their kind, provider, reference,
 * amount and capture time and cannot be removed; once any settlement exists, the currency, the
 * placing time (FX fallback), the tax basis, the
 * shipping and duties amounts and the quantities and prices of lines in return cases are fixed too (refund
 * calculations and credit notes were made from them).
 */
export function lockedChange(existing: Order, next: OrderDraft, money: OrderMoney): LockedField | null {
  for (const [i, t] of existing.tenders.entries()) {
    if (!money.settledTenders.has(t.id)) continue;
    const n = next.tenders[i];
    if (!n) return { path: `tenders[${i}]`, reason: `${TENDER_REASON} (nor be removed)` };
    if (n.kind !== t.kind) return { path: `tenders[${i}].kind`, reason: TENDER_REASON };
    if ((n.provider ?? null) !== t.provider) return { path: `tenders[${i}].provider`, reason: TENDER_REASON };
    if ((n.reference ?? null) !== t.reference)
      return { path: `tenders[${i}].reference`, reason: TENDER_REASON };
    if (!sameMoney(n.amount, t.amount)) return { path: `tenders[${i}].amount`, reason: TENDER_REASON };
    if ((n.capturedAt?.getTime() ?? null) !== (t.capturedAt?.getTime() ?? null))
      return {
        path: `tenders[${i}].capturedAt`,
        reason: `${TENDER_REASON} (FX at capture was taken from it)`,
      };
  }
  if (!money.anySettlement) return null;
  if (next.currency !== existing.currency) return { path: "currency", reason: ORDER_REASON };
  if (next.placedAt.getTime() !== existing.placedAt.getTime())
    return { path: "placedAt", reason: ORDER_REASON };
  if (next.taxesIncluded !== existing.taxesIncluded) return { path: "taxesIncluded", reason: ORDER_REASON };
  if (!sameMoney(next.shipping.amount, existing.shipping.amount))
    return { path: "shipping.amount", reason: ORDER_REASON };
  if (!sameMoney(next.shipping.tax, existing.shipping.tax))
    return { path: "shipping.tax", reason: ORDER_REASON };
  if (!sameMoney(next.duties?.amount, existing.duties?.amount))
    return { path: "duties.amount", reason: ORDER_REASON };
  for (const line of existing.lines) {
    if (!money.returnedLines.has(line.id)) continue;
    const i = next.lines.findIndex((l) => l.externalId === line.externalId);
    const n = next.lines[i];
    if (!n) continue; // a missing line in use is refused as order_line_in_use
    if (n.quantity !== line.quantity) return { path: `lines[${i}].quantity`, reason: LINE_REASON };
    for (const field of ["unitPrice", "tax", "discount"] as const) {
      if (!sameMoney(n[field], line[field])) return { path: `lines[${i}].${field}`, reason: LINE_REASON };
    }
  }
  return null;
}
