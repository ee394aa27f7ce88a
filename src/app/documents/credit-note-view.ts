/**
 * What a credit-note PDF shows: plain, already-decided data (the renderer computes nothing that
 * the accounting depends on, it only checks that the figures add up and lays them out).
 *
 * Sign convention: every amount is what the customer is credited. A refunded item or refunded
 * shipping is positive; a deduction (return-shipping fee, restocking fee) is negative; a rounding
 * line carries its own sign. All amounts are in `currency`, in integer minor units.
 */
import type { Money } from "../../domain/money.ts";

export type { Money };

export interface PostalAddressView {
  /** Street, house number, postcode and city, etc., already in the country's order. */
  readonly lines: readonly string[];
  /** ISO 3166-1 alpha-2 code; printed as the country's name in the document's locale. */
  readonly country: string;
}

export interface SellerView {
  /** The legal entity issuing the note ("Crossback Retail B.V."). */
  readonly legalName: string;
  readonly address: PostalAddressView;
  readonly vatNumber?: string;
  readonly eori?: string;
  readonly ioss?: string;
}

export interface CustomerView {
  readonly name: string;
  readonly address: PostalAddressView;
  /** Only for business customers. */
  readonly vatNumber?: string;
}

export interface CreditNoteItemLine {
  readonly description: string;
  readonly sku: string;
  /** Units returned, a positive integer. */
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly net: Money;
  /** VAT rate in basis points (2100 = 21 %); `null` when the line carries no VAT. */
  readonly taxRateBp: number | null;
  readonly tax: Money;
  readonly gross: Money;
}

export const ADJUSTMENT_KINDS = [
  "outbound_shipping",
  "duties",
  "return_shipping_fee",
  "restocking_fee",
  "store_credit_bonus",
  "goodwill",
  "exchange_difference",
  "rounding",
] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

/** A line that is not a returned item; its label comes from the locale's table. */
export interface CreditNoteAdjustment {
  readonly kind: AdjustmentKind;
  /** Printed after the label, e.g. a carrier or a duty reference. */
  readonly detail?: string;
  readonly net: Money;
  readonly taxRateBp: number | null;
  readonly tax: Money;
  readonly gross: Money;
}

/** One row of the VAT summary: the note's lines grouped by rate. */
export interface TaxRateTotal {
  readonly taxRateBp: number | null;
  readonly net: Money;
  readonly tax: Money;
  readonly gross: Money;
}

export type RefundMethodView =
  | {
      readonly kind: "original_payment";
      readonly amount: Money;
      /** "Visa", "Mastercard"; with `last4` printed as the card. */
      readonly cardBrand?: string;
      readonly last4?: string;
      /** A wallet or provider name when there is no card ("PayPal", "Klarna"). */
      readonly provider?: string;
      readonly providerReference?: string;
    }
  | { readonly kind: "store_credit"; readonly amount: Money; readonly reference?: string }
  | {
      readonly kind: "bank_transfer";
      readonly amount: Money;
      /** Full or already masked; always printed masked (country, check digits and last four). */
      readonly iban: string;
      readonly accountHolder?: string;
    };

export interface CreditNoteView {
  /** Gapless per legal entity, e.g. "CN-NL-2026-000042". */
  readonly number: string;
  /** Local date "YYYY-MM-DD"; also the PDF's creation date, so output is reproducible. */
  readonly issueDate: string;
  /** The note this one corrects; the corrected note itself is never changed. */
  readonly corrects?: string;
  readonly orderNumber: string;
  readonly invoiceNumber?: string;
  readonly returnCaseNumber: string;
  readonly currency: string;
  readonly seller: SellerView;
  readonly customer: CustomerView;
  readonly lines: readonly CreditNoteItemLine[];
  readonly adjustments: readonly CreditNoteAdjustment[];
  readonly taxTotals: readonly TaxRateTotal[];
  /** Sum of all lines' and adjustments' gross amounts. */
  readonly total: Money;
  /** How `total` is paid out; their amounts add up to `total`. */
  readonly refunds: readonly RefundMethodView[];
  /** Legal footer lines (registered office, registry number, …), printed on every page. */
  readonly footer: readonly string[];
}
