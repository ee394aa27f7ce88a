/** Builds consistent credit-note views for the PDF tests: net and VAT derived from gross in integers. */
import type {
  AdjustmentKind,
  CreditNoteAdjustment,
  CreditNoteItemLine,
  CreditNoteView,
  CustomerView,
  Money,
  RefundMethodView,
  SellerView,
  TaxRateTotal,
} from "../../../src/app/documents/credit-note-view.ts";

export interface ItemSpec {
  readonly description: string;
  readonly sku: string;
  readonly quantity: number;
  /** Gross unit price in minor units. */
  readonly unit: number;
  readonly rateBp: number | null;
}

export interface AdjustmentSpec {
  readonly kind: AdjustmentKind;
  readonly gross: number;
  readonly rateBp: number | null;
  readonly detail?: string;
}

export interface NoteSpec {
  readonly number: string;
  readonly currency: string;
  readonly seller: SellerView;
  readonly customer: CustomerView;
  readonly items: readonly ItemSpec[];
  readonly adjustments?: readonly AdjustmentSpec[];
  /** Refund methods; the last one gets whatever the others leave of the total. */
  readonly refunds?: readonly RefundMethodView[];
  readonly corrects?: string;
  readonly invoiceNumber?: string;
}

/** Net part of a gross amount at a rate, rounded half up, in integers only. */
function netOf(gross: number, rateBp: number | null): number {
  if (rateBp === null) return gross;
  const g = BigInt(Math.abs(gross));
  const d = BigInt(10_000 + rateBp);
  const net = Number((g * 20_000n + d) / (2n * d));
  return gross < 0 ? -net : net;
}

function split(gross: Money, rateBp: number | null) {
  const net = netOf(gross.amount, rateBp);
  return {
    net: { amount: net, currency: gross.currency },
    tax: { amount: gross.amount - net, currency: gross.currency },
  };
}

export function buildNote(spec: NoteSpec): CreditNoteView {
  const m = (amount: number): Money => ({ amount, currency: spec.currency });
  const lines: CreditNoteItemLine[] = spec.items.map((i) => {
    const gross = m(i.unit * i.quantity);
    return {
      description: i.description,
      sku: i.sku,
      quantity: i.quantity,
      unitPrice: m(i.unit),
      ...split(gross, i.rateBp),
      taxRateBp: i.rateBp,
      gross,
    };
  });
  const adjustments: CreditNoteAdjustment[] = (spec.adjustments ?? []).map((a) => ({
    kind: a.kind,
    ...(a.detail ? { detail: a.detail } : {}),
    ...split(m(a.gross), a.rateBp),
    taxRateBp: a.rateBp,
    gross: m(a.gross),
  }));
  const rates = new Map<number | null, { net: number; tax: number; gross: number }>();
  for (const l of [...lines, ...adjustments]) {
    const r = rates.get(l.taxRateBp) ?? { net: 0, tax: 0, gross: 0 };
    rates.set(l.taxRateBp, {
      net: r.net + l.net.amount,
      tax: r.tax + l.tax.amount,
      gross: r.gross + l.gross.amount,
    });
  }
  const taxTotals: TaxRateTotal[] = [...rates].map(([taxRateBp, r]) => ({
    taxRateBp,
    net: m(r.net),
    tax: m(r.tax),
    gross: m(r.gross),
  }));
  const total = m([...lines, ...adjustments].reduce((a, l) => a + l.gross.amount, 0));
  const given = spec.refunds ?? [
    { kind: "original_payment", amount: m(0), cardBrand: "Visa", last4: "4242" },
  ];
  const others = given.slice(0, -1);
  const rest = total.amount - others.reduce((a, r) => a + r.amount.amount, 0);
  const last = given.at(-1);
  const refunds = last ? [...others, { ...last, amount: m(rest) }] : [];
  return {
    number: spec.number,
    issueDate: "2026-03-14",
    ...(spec.corrects ? { corrects: spec.corrects } : {}),
    orderNumber: "ORD-2026-118204",
    ...(spec.invoiceNumber ? { invoiceNumber: spec.invoiceNumber } : {}),
    returnCaseNumber: "RC-7F3K9Q",
    currency: spec.currency,
    seller: spec.seller,
    customer: spec.customer,
    lines,
    adjustments,
    taxTotals,
    total,
    refunds,
    footer: [`${spec.seller.legalName} · ${spec.seller.address.lines.join(", ")}`],
  };
}
