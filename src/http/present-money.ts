import type { CreditNoteRecord, Settlement } from "../app/ports/index.ts";
import type { PreviewPart } from "../app/preview-return.ts";
import { formatMoney, type Money } from "../domain/money.ts";
import type { RefundCalculation } from "../domain/refund/refund-calculation.ts";
import type { PlannedSettlement } from "../domain/refund/settlement-plan.ts";

export const moneyJson = (m: Money) => ({ amount: formatMoney(m), currency: m.currency });

export function presentCalculation(c: RefundCalculation) {
  return {
    id: c.id,
    caseId: c.caseId,
    version: c.version,
    currency: c.currency,
    total: formatMoney(c.total),
    byDestination: Object.fromEntries(Object.entries(c.byDestination).map(([k, v]) => [k, formatMoney(v)])),
    units: c.units,
    lines: c.lines.map((l) => ({ ...l, amount: formatMoney(l.amount) })),
    createdAt: c.createdAt.toISOString(),
  };
}

/** The refund a return would bring, as POST /api/v1/returns/preview answers it (the portal shows the same). */
export function presentPreviewRefund(c: RefundCalculation) {
  const p = presentCalculation(c);
  return { currency: p.currency, total: p.total, byDestination: p.byDestination, lines: p.lines };
}

export function presentPlan(p: readonly PlannedSettlement[]) {
  return p.map((s) => ({ method: s.method, tenderId: s.tenderId, ...moneyJson(s.amount) }));
}

/** Settlement details for the API: bank accounts only masked. */
export function presentSettlementFull(s: Settlement) {
  const account = s.bankAccount;
  return {
    id: s.id,
    caseId: s.caseId,
    orderId: s.orderId,
    calculationId: s.calculationId ?? null,
    method: s.method,
    gateway: s.gateway,
    tenderId: s.tenderId,
    status: s.status,
    ...moneyJson(s.amount),
    providerReference: s.providerReference,
    failureReason: s.failureReason,
    attempts: s.attempts,
    bankAccount: account
      ? {
          scheme: account.scheme,
          accountHolder: account.accountHolder,
          country: account.country,
          masked: account.masked,
        }
      : null,
    approvedBy: s.approvedBy ?? null,
    firstApprovedBy: s.firstApprovedBy ?? null,
    firstApprovedAt: s.firstApprovedAt?.toISOString() ?? null,
    approvedAt: s.approvedAt?.toISOString() ?? null,
    exportedAt: s.exportedAt?.toISOString() ?? null,
    settlementValue: s.fx
      ? {
          ...s.fx,
          amount: formatMoney({ amount: s.fx.amount, currency: s.fx.currency }),
          amountAtCapture:
            s.fx.amountAtCapture === null
              ? null
              : formatMoney({ amount: s.fx.amountAtCapture, currency: s.fx.currency }),
          gainLoss:
            s.fx.gainLoss === null ? null : formatMoney({ amount: s.fx.gainLoss, currency: s.fx.currency }),
        }
      : null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function presentCreditNote(n: CreditNoteRecord) {
  return {
    id: n.id,
    number: n.number,
    caseId: n.caseId,
    calculationId: n.calculationId,
    issuedAt: n.issuedAt.toISOString(),
    pdf: `/api/v1/credit-notes/${n.id}/pdf`,
    document: n.document,
  };
}

/** The cases a return of several vendors' goods would open (preview `split`); `money: false` hides amounts. */
export function presentSplit(parts: readonly PreviewPart[], money = true) {
  if (parts.length === 0) return null;
  return {
    cases: parts.map((p) => ({
      vendor: p.vendor,
      vendorName: p.vendorName,
      eligible: p.decision.eligible,
      policies: p.decision.policies,
      lines: p.decision.lines.map((l) => ({
        orderLineExternalId: l.orderLineExternalId,
        quantity: l.quantity,
        eligible: l.eligible,
        track: l.track,
      })),
      refund: money && p.refund ? presentPreviewRefund(p.refund) : null,
    })),
  };
}
