import { add, type Money } from "../money.ts";
import type { Order, TenderKind } from "../order.ts";
import { allocateToTenders, DEFAULT_TENDER_ORDER } from "../tender-allocation.ts";
import type { RefundCalculation } from "./refund-calculation.ts";

/** One settlement to create for a calculation: money back to a tender, store credit, or a payment request. */
export type PlannedSettlement =
  | { readonly method: "original_payment"; readonly tenderId: string | null; readonly amount: Money }
  | { readonly method: "bank_transfer"; readonly tenderId: string | null; readonly amount: Money }
  | { readonly method: "store_credit"; readonly tenderId: null; readonly amount: Money }
  | { readonly method: "payment_request"; readonly tenderId: null; readonly amount: Money };

/** Tenders refunded by bank transfer rather than through a provider. */
const BANK_KINDS: readonly TenderKind[] = ["cash_on_delivery", "bank_transfer"];

/**
 * Splits a calculation into settlements: what goes back to the original payment is spread over the
 * tenders in the merchant's order (never more than captured minus refunded); cash-on-delivery and
 * bank-transfer tenders are paid out by bank transfer; what no tender can take is paid by bank
 * transfer too. The settlements always sum exactly to the calculation (shopper-owed parts as a
 * payment request, never a silent charge).
 */
export function planSettlements(
  calc: Pick<RefundCalculation, "byDestination">,
  order: Order,
  refundedByTender: ReadonlyMap<string, number>,
  tenderOrder: readonly TenderKind[] = DEFAULT_TENDER_ORDER,
): PlannedSettlement[] {
  const out: PlannedSettlement[] = [];
  let toPayment = calc.byDestination.original_payment;
  const exchange = calc.byDestination.exchange;
  if (exchange.amount > 0) toPayment = add(toPayment, exchange);
  if (toPayment.amount > 0) {
    const { shares, unallocated } = allocateToTenders(
      toPayment,
      order.tenders,
      refundedByTender,
      tenderOrder,
    );
    for (const s of shares) {
      out.push({
        method: BANK_KINDS.includes(s.tender.kind) ? "bank_transfer" : "original_payment",
        tenderId: s.tender.id,
        amount: s.amount,
      });
    }
    if (unallocated.amount > 0) out.push({ method: "bank_transfer", tenderId: null, amount: unallocated });
  }
  if (calc.byDestination.store_credit.amount > 0)
    out.push({ method: "store_credit", tenderId: null, amount: calc.byDestination.store_credit });
  if (exchange.amount < 0)
    out.push({
      method: "payment_request",
      tenderId: null,
      amount: { ...exchange, amount: -exchange.amount },
    });
  return out;
}
