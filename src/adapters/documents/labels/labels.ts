/**
 * The words printed on a credit note, one table per language. A table is a `CreditNoteLabels`
 * value, so a missing key is a compile error. Amounts, dates and rates arrive already formatted.
 */
import type { AdjustmentKind } from "../../../app/documents/credit-note-view.ts";

export interface CreditNoteLabels {
  readonly title: string;
  /** A line under the title of a note that corrects an earlier one. */
  readonly correctsNote: (number: string) => string;
  readonly noteNumber: string;
  readonly issueDate: string;
  readonly orderNumber: string;
  readonly invoiceNumber: string;
  readonly returnCase: string;
  readonly currency: string;
  readonly seller: string;
  readonly customer: string;
  readonly vatNumber: string;
  readonly eori: string;
  readonly ioss: string;
  readonly items: string;
  readonly description: string;
  readonly sku: string;
  readonly quantity: string;
  readonly unitPrice: string;
  readonly net: string;
  readonly taxRate: string;
  readonly tax: string;
  readonly gross: string;
  readonly otherLines: string;
  readonly adjustments: Readonly<Record<AdjustmentKind, string>>;
  readonly taxSummary: string;
  readonly total: string;
  readonly totalCredited: string;
  /** Explains the sign convention: amounts are credits, deductions carry a minus sign. */
  readonly creditedNotice: string;
  readonly refundedTo: string;
  readonly originalPayment: string;
  readonly cardEnding: (brand: string, last4: string) => string;
  readonly paymentReference: string;
  readonly storeCredit: string;
  readonly bankTransfer: string;
  readonly accountHolder: string;
  readonly immutableNotice: string;
  readonly page: (page: number, pages: number) => string;
}
