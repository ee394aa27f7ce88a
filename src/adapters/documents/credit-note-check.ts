/**
 * Refuses to print a credit note whose figures do not add up: an accounting document with
 * inconsistent totals is a bug upstream, so this throws rather than returning a value.
 */
import type { CreditNoteView, Money } from "../../app/documents/credit-note-view.ts";

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function total(amounts: readonly Money[]): number {
  return amounts.reduce((acc, m) => acc + m.amount, 0);
}

export function checkCreditNote(view: CreditNoteView): void {
  const problems: string[] = [];
  const amounts: [string, Money][] = [
    ["total", view.total],
    ...view.lines.flatMap((l, i): [string, Money][] => [
      [`lines[${i}].unitPrice`, l.unitPrice],
      [`lines[${i}].net`, l.net],
      [`lines[${i}].tax`, l.tax],
      [`lines[${i}].gross`, l.gross],
    ]),
    ...view.adjustments.flatMap((a, i): [string, Money][] => [
      [`adjustments[${i}].net`, a.net],
      [`adjustments[${i}].tax`, a.tax],
      [`adjustments[${i}].gross`, a.gross],
    ]),
    ...view.taxTotals.flatMap((t, i): [string, Money][] => [
      [`taxTotals[${i}].net`, t.net],
      [`taxTotals[${i}].tax`, t.tax],
      [`taxTotals[${i}].gross`, t.gross],
    ]),
    ...view.refunds.map((r, i): [string, Money] => [`refunds[${i}].amount`, r.amount]),
  ];
  for (const [where, m] of amounts) {
    if (m.currency !== view.currency)
      problems.push(`${where} is in ${m.currency}, the note in ${view.currency}`);
    if (!Number.isSafeInteger(m.amount)) problems.push(`${where} is not an integer amount (${m.amount})`);
  }
  if (!LOCAL_DATE.test(view.issueDate) || Number.isNaN(Date.parse(`${view.issueDate}T00:00:00Z`)))
    problems.push(`issueDate must be YYYY-MM-DD, got "${view.issueDate}"`);
  for (const [i, l] of view.lines.entries())
    if (!Number.isSafeInteger(l.quantity) || l.quantity < 1)
      problems.push(`lines[${i}].quantity must be a positive integer`);
  const gross = total([...view.lines.map((l) => l.gross), ...view.adjustments.map((a) => a.gross)]);
  if (gross !== view.total.amount)
    problems.push(`lines and adjustments add up to ${gross}, total is ${view.total.amount}`);
  const byRate = total(view.taxTotals.map((t) => t.gross));
  if (view.taxTotals.length > 0 && byRate !== view.total.amount)
    problems.push(`taxTotals add up to ${byRate}, total is ${view.total.amount}`);
  const refunded = total(view.refunds.map((r) => r.amount));
  if (refunded !== view.total.amount)
    problems.push(`refunds add up to ${refunded}, total is ${view.total.amount}`);
  if (problems.length > 0)
    throw new Error(`credit note ${view.number} is inconsistent: ${problems.join("; ")}`);
}
