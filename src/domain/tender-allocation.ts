import { type Money, money, unitsShare } from "./money.ts";
import { linePaid, type Order, type Tender, type TenderKind } from "./order.ts";

/** Default order in which tenders take refunds: money back to real payments first, gift cards and store credit last. */
export const DEFAULT_TENDER_ORDER: readonly TenderKind[] = [
  "card",
  "bank_transfer",
  "cash_on_delivery",
  "other",
  "gift_card",
  "store_credit",
];

/**
 * What `units` units of an order line paid, after `before` units of the same line were already
 * resolved: a slice of one per-unit largest-remainder split, so all slices add up to the line.
 */
export function paidForUnits(order: Order, orderLineId: string, before: number, units: number): Money {
  const line = order.lines.find((l) => l.id === orderLineId);
  if (!line) throw new Error(`order ${order.externalId} has no line ${orderLineId}`);
  return unitsShare(linePaid(order, line), line.quantity, before, units);
}

export interface TenderShare {
  readonly tender: Tender;
  readonly amount: Money;
}

/**
 * Spreads a refund over the order's tenders in `preference` order, never more than each tender's
 * captured amount minus what was already refunded. Returns the shares and what no tender can take.
 */
export function allocateToTenders(
  amount: Money,
  tenders: readonly Tender[],
  refunded: ReadonlyMap<string, number>,
  preference: readonly TenderKind[] = DEFAULT_TENDER_ORDER,
): { shares: TenderShare[]; unallocated: Money } {
  const ordered = [...tenders].sort((a, b) => preference.indexOf(a.kind) - preference.indexOf(b.kind));
  let left = amount.amount;
  const shares: TenderShare[] = [];
  for (const t of ordered) {
    if (left === 0) break;
    if (t.amount.currency !== amount.currency) continue;
    const room = t.amount.amount - (refunded.get(t.id) ?? 0);
    const take = Math.min(room, left);
    if (take <= 0) continue;
    shares.push({ tender: t, amount: money(take, amount.currency) });
    left -= take;
  }
  return { shares, unallocated: money(left, amount.currency) };
}
