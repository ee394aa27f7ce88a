import { money as m } from "../domain/money.ts";
import type { Order } from "../domain/order.ts";
import type { RefundCalculation } from "../domain/refund/refund-calculation.ts";
import type { ReturnCase } from "../domain/return-case.ts";
import {
  ADJUSTMENT_KINDS,
  type CreditNoteAdjustment,
  type CreditNoteItemLine,
  type CreditNoteView,
  type RefundMethodView,
  type TaxRateTotal,
} from "./documents/credit-note-view.ts";
import type { CreditNoteRecord, IdSource, Merchant, Repos, Settlement } from "./ports/index.ts";

/** Tax rate in basis points for display (the amounts themselves are exact). */
const rateBp = (tax: number, net: number): number | null =>
  tax === 0 || net === 0 ? null : Math.round((tax * 10_000) / net);

function items(calc: RefundCalculation, order: Order, c: ReturnCase): CreditNoteItemLine[] {
  const out: CreditNoteItemLine[] = [];
  for (const line of c.lines) {
    const own = calc.lines.filter(
      (l) => l.caseLineId === line.id && ["item_net", "item_tax", "discount_reversal"].includes(l.type),
    );
    if (own.length === 0) continue;
    const gross = own.reduce((n, l) => n + l.amount.amount, 0);
    const tax = own.filter((l) => l.type === "item_tax").reduce((n, l) => n + l.amount.amount, 0);
    const ol = order.lines.find((o) => o.id === line.orderLineId);
    const quantity = own.find((l) => l.type === "item_net")?.quantity ?? 0;
    out.push({
      description: ol?.title ?? line.title,
      sku: line.sku,
      quantity,
      unitPrice: line.unitPrice,
      net: m(gross - tax, calc.currency),
      taxRateBp: rateBp(tax, gross - tax),
      tax: m(tax, calc.currency),
      gross: m(gross, calc.currency),
    });
  }
  return out;
}

function adjustments(calc: RefundCalculation): CreditNoteAdjustment[] {
  return calc.lines
    .filter((l) => (ADJUSTMENT_KINDS as readonly string[]).includes(l.type))
    .map((l) => ({
      kind: l.type as CreditNoteAdjustment["kind"],
      net: l.amount,
      taxRateBp: null,
      tax: m(0, calc.currency),
      gross: l.amount,
    }));
}

function taxTotals(
  lines: readonly CreditNoteItemLine[],
  adj: readonly CreditNoteAdjustment[],
  currency: string,
): TaxRateTotal[] {
  const by = new Map<string, TaxRateTotal>();
  for (const l of [...lines, ...adj]) {
    const key = String(l.taxRateBp);
    const t = by.get(key) ?? {
      taxRateBp: l.taxRateBp,
      net: m(0, currency),
      tax: m(0, currency),
      gross: m(0, currency),
    };
    by.set(key, {
      taxRateBp: l.taxRateBp,
      net: m(t.net.amount + l.net.amount, currency),
      tax: m(t.tax.amount + l.tax.amount, currency),
      gross: m(t.gross.amount + l.gross.amount, currency),
    });
  }
  return [...by.values()];
}

function refunds(settlements: readonly Settlement[], order: Order): RefundMethodView[] {
  return settlements
    .filter((s) => s.method !== "payment_request")
    .map((s): RefundMethodView => {
      if (s.method === "store_credit")
        return { kind: "store_credit", amount: s.amount, reference: s.providerReference ?? undefined };
      if (s.method === "bank_transfer")
        return { kind: "bank_transfer", amount: s.amount, iban: String(s.bankAccount?.masked ?? "—") };
      const t = order.tenders.find((x) => x.id === s.tenderId);
      return {
        kind: "original_payment",
        amount: s.amount,
        provider: t?.provider ?? t?.kind ?? undefined,
        providerReference: t?.reference ?? undefined,
      };
    });
}

/**
 * Issues the credit note of a calculation, in the calculation's transaction: the next gapless number
 * of the legal entity's year, and a frozen document (never edited; a correction is a new note).
 * Returns null when the merchant has no legal entity to issue it.
 */
export async function issueCreditNote(
  r: Repos,
  ids: IdSource,
  p: {
    merchant: Merchant;
    order: Order;
    case: ReturnCase;
    calc: RefundCalculation;
    settlements: readonly Settlement[];
    at: Date;
  },
): Promise<CreditNoteRecord | null> {
  const { merchant, order, calc, at } = p;
  const market = (await r.setup.markets(merchant.id)).find((x) =>
    x.countries.includes(order.shippingAddress.country),
  );
  const entities = await r.setup.legalEntities(merchant.id);
  const entity = entities.find((e) => e.id === market?.legalEntityId) ?? entities[0];
  if (!entity) return null;
  const customer = await r.customers.get(merchant.id, order.customerId);
  // The gapless number is taken last: its row lock serialises the entity's issuers until the commit.
  const year = at.getUTCFullYear();
  const sequence = await r.creditNotes.nextSequence(entity.id, year);
  const number = `CN-${entity.country}-${year}-${String(sequence).padStart(6, "0")}`;
  const a = order.shippingAddress;
  const lines = items(calc, order, p.case);
  const adj = adjustments(calc);
  const view: CreditNoteView = {
    number,
    issueDate: at.toISOString().slice(0, 10),
    orderNumber: order.externalId,
    returnCaseNumber: p.case.number,
    currency: calc.currency,
    seller: {
      legalName: entity.name,
      address: {
        lines: Object.values(entity.address).filter((v) => v && v !== entity.country),
        country: entity.country,
      },
      ...(entity.vatNumber ? { vatNumber: entity.vatNumber } : {}),
      ...(entity.eoriNumber ? { eori: entity.eoriNumber } : {}),
      ...(entity.iossNumber ? { ioss: entity.iossNumber } : {}),
    },
    customer: {
      name: customer?.name ?? customer?.email ?? "",
      address: {
        lines: [a.line1, [a.postalCode, a.city].filter(Boolean).join(" ")].filter((x): x is string =>
          Boolean(x),
        ),
        country: a.country,
      },
    },
    lines,
    adjustments: adj,
    taxTotals: taxTotals(lines, adj, calc.currency),
    total: calc.total,
    refunds: refunds(p.settlements, order),
    footer: [entity.name, ...(entity.vatNumber ? [`VAT ${entity.vatNumber}`] : [])],
  };
  const record: CreditNoteRecord = {
    id: ids.next(),
    merchantId: merchant.id,
    legalEntityId: entity.id,
    number,
    caseId: p.case.id,
    calculationId: calc.id,
    document: view as unknown as Record<string, unknown>,
    issuedAt: at,
  };
  await r.creditNotes.insert({ ...record, year, sequence });
  return record;
}
