/**
 * What the refund, credit-note and settlement routes read. Each read takes the merchant id, so the
 * tenant check lives here, not in the route.
 */
import type { DomainError } from "../domain/errors.ts";
import type { RefundCalculation } from "../domain/refund/refund-calculation.ts";
import { err, ok, type Result } from "../domain/result.ts";
import type { CreditNoteRecord, Deps, Repos, Settlement } from "./ports/index.ts";

export interface CaseRefunds {
  readonly calculations: RefundCalculation[];
  readonly creditNotes: CreditNoteRecord[];
}

/** The case's refund calculations and credit notes (not found: not this merchant's case). */
export async function caseRefunds(
  deps: Deps,
  merchantId: string,
  caseId: string,
): Promise<Result<CaseRefunds, DomainError>> {
  const r = deps.store.read;
  const c = await r.cases.load(merchantId, caseId);
  if (!c) return err({ code: "not_found", entity: "return", id: caseId });
  const [calculations, creditNotes] = await Promise.all([
    r.refunds.byCase(merchantId, c.id),
    r.creditNotes.byCase(merchantId, c.id),
  ]);
  return ok({ calculations, creditNotes });
}

export const creditNotes = (deps: Deps, merchantId: string, limit: number, caseId?: string) =>
  deps.store.read.creditNotes.list(merchantId, limit, caseId);

export async function creditNote(
  deps: Deps,
  merchantId: string,
  id: string,
): Promise<Result<CreditNoteRecord, DomainError>> {
  const n = await deps.store.read.creditNotes.get(merchantId, id);
  return n ? ok(n) : err({ code: "not_found", entity: "credit note", id });
}

/** A credit note with the locale of its case (for the PDF). */
export async function creditNoteWithLocale(
  deps: Deps,
  merchantId: string,
  id: string,
): Promise<Result<{ note: CreditNoteRecord; caseLocale: string | null }, DomainError>> {
  const n = await creditNote(deps, merchantId, id);
  if (!n.ok) return n;
  const c = await deps.store.read.cases.load(merchantId, n.value.caseId);
  return ok({ note: n.value, caseLocale: c?.locale ?? null });
}

export const settlements = (deps: Deps, merchantId: string, q: Parameters<Repos["settlements"]["list"]>[1]) =>
  deps.store.read.settlements.list(merchantId, q);

export async function settlement(
  deps: Deps,
  merchantId: string,
  id: string,
): Promise<Result<Settlement, DomainError>> {
  const s = await deps.store.read.settlements.get(merchantId, id);
  return s ? ok(s) : err({ code: "not_found", entity: "settlement", id });
}

export const fxReport = (deps: Deps, merchantId: string, from: Date, to: Date) =>
  deps.store.read.settlements.fxReport(merchantId, from, to);
