import type { Actor } from "../domain/actor.ts";
import type { DomainError } from "../domain/errors.ts";
import { type Money, parseMoney, times } from "../domain/money.ts";
import type { Order, TenderKind } from "../domain/order.ts";
import { calculateRefund } from "../domain/refund/calculate-refund.ts";
import type { RefundCalculation, RefundUnits } from "../domain/refund/refund-calculation.ts";
import { unitsDue } from "../domain/refund/refund-due.ts";
import { type PlannedSettlement, planSettlements } from "../domain/refund/settlement-plan.ts";
import { err, ok, type Result } from "../domain/result.ts";
import type { ReturnCase } from "../domain/return-case.ts";
import type { CreditNoteRecord, Deps, Merchant, Repos, Settlement } from "./ports/index.ts";
import { issuePlanned } from "./refund-records.ts";
import { caseMoneyTerms } from "./refund-terms.ts";
import { dispatchSettlements } from "./settle.ts";

export { dispatchSettlements };

export interface RefundRequest {
  /** Units to refund now (default: every unit the refund trigger has reached and not yet refunded). */
  readonly lines?: readonly { readonly lineId: string; readonly quantity: number }[];
  readonly goodwill?: Money | null;
  /** Exchanges: the replacement the shopper gets; its price decides the difference. */
  readonly replacement?: Replacement | null;
}

/** What the shopper gets in an exchange: `quantity` units (default 1) at `unitPrice`. */
export interface Replacement {
  readonly sku: string;
  readonly title: string;
  readonly unitPrice: Money;
  readonly quantity?: number;
}

export const replacementTotal = (r: Replacement | null | undefined): Money | null =>
  r ? times(r.unitPrice, r.quantity ?? 1) : null;

export interface RefundOutcome {
  readonly case: ReturnCase;
  readonly calculation: RefundCalculation;
  readonly settlements: Settlement[];
  readonly creditNote: CreditNoteRecord | null;
}

export interface PlannedRefund {
  readonly order: Order;
  readonly merchant: Merchant;
  readonly calc: RefundCalculation;
  readonly plan: PlannedSettlement[];
  readonly units: RefundUnits[];
}

/** The merchant's `goodwillMax` for a currency (null: none set, the order's total caps it). */
function goodwillCap(merchant: Merchant, currency: string): Money | null {
  const text = merchant.settings.goodwillMax?.[currency];
  const cap = text ? parseMoney(text, currency) : null;
  return cap?.ok ? cap.value : null;
}

/** Decides a refund without writing anything (the preview, and the first half of issuing). */
export async function planRefund(
  deps: Deps,
  r: Repos,
  c: ReturnCase,
  req: RefundRequest,
  at: Date,
): Promise<Result<PlannedRefund | null, DomainError>> {
  const order = await r.orders.getById(c.merchantId, c.orderId);
  const merchant = await r.merchants.byId(c.merchantId);
  if (!order || !merchant) throw new Error(`case ${c.number} lost its order or merchant`);
  const money = await caseMoneyTerms(r, c);
  const due = unitsDue(c, money.trigger, money.trackOf);
  let units = due;
  if (req.lines) {
    units = [];
    for (const [i, want] of req.lines.entries()) {
      const d = due.find((u) => u.caseLineId === want.lineId);
      if (!c.lines.some((l) => l.id === want.lineId))
        return err({
          code: "invalid_input",
          issues: [{ path: `lines[${i}].lineId`, message: "no such line on this return" }],
        });
      if (!d || want.quantity > d.quantity) {
        return err({
          code: "quantity_exceeded",
          path: `lines[${i}].quantity`,
          what: `units whose refund is due (the policy refunds at ${money.trigger})`,
          limit: d?.quantity ?? 0,
          requested: want.quantity,
        });
      }
      units.push({ ...d, quantity: want.quantity });
    }
  }
  if (units.length === 0 && !(req.goodwill && req.goodwill.amount > 0)) return ok(null);
  // What the order was refunded before and what its tenders gave back: one read.
  const tenderIds = order.tenders.map((t) => t.id);
  const { prior, refundedByTender: refunded } = await r.refunds.history(
    c.merchantId,
    order.id,
    c.id,
    c.currency,
    tenderIds,
  );
  const version = prior.caseVersions + 1;
  const calc = calculateRefund({
    id: deps.ids.next(),
    caseId: c.id,
    version,
    order,
    units,
    terms: money.terms,
    prior,
    goodwill: req.goodwill ?? null,
    goodwillCap: goodwillCap(merchant, order.currency),
    replacementTotal: replacementTotal(req.replacement ?? c.portal?.replacement),
    at,
  });
  if (!calc.ok) return calc;
  const tenderOrder = merchant.settings.tenderOrder as TenderKind[] | undefined;
  return ok({
    order,
    merchant,
    calc: calc.value,
    plan: planSettlements(calc.value, order, refunded, tenderOrder),
    units,
  });
}

export async function previewRefund(
  deps: Deps,
  merchantId: string,
  caseId: string,
  req: RefundRequest,
): Promise<Result<{ calculation: RefundCalculation; plan: PlannedSettlement[] } | null, DomainError>> {
  const c = await deps.store.read.cases.load(merchantId, caseId);
  if (!c) return err({ code: "not_found", entity: "return", id: caseId });
  const p = await planRefund(deps, deps.store.read, c, req, deps.clock.now());
  if (!p.ok) return p;
  return ok(p.value ? { calculation: p.value.calc, plan: p.value.plan } : null);
}

/**
 * Issues the refund that is due on a case inside the caller's transaction: the case's counters move
 * first (version-checked, so of concurrent requests only one can win), then the calculation, the
 * settlement intents, store credit and the credit note. Provider calls happen after the commit.
 */
export async function refundInTx(
  deps: Deps,
  r: Repos,
  c: ReturnCase,
  req: RefundRequest,
  actor: Actor,
  at: Date,
): Promise<Result<RefundOutcome | null, DomainError>> {
  const planned = await planRefund(deps, r, c, req, at);
  if (!planned.ok) return planned;
  return planned.value === null ? ok(null) : issuePlanned(deps, r, c, planned.value, req, actor, at);
}

/** POST /returns/{id}/refunds: issue what is due (or the listed units), then execute the settlements. */
export async function issueRefund(
  deps: Deps,
  merchantId: string,
  caseId: string,
  req: RefundRequest,
  actor: Actor,
): Promise<Result<RefundOutcome, DomainError>> {
  const done = await deps.store.transaction(async (r): Promise<Result<RefundOutcome, DomainError>> => {
    const c = await r.cases.load(merchantId, caseId);
    if (!c) return err({ code: "not_found", entity: "return", id: caseId });
    const out = await refundInTx(deps, r, c, req, actor, deps.clock.now());
    if (!out.ok) return out;
    if (!out.value)
      return err({
        code: "invalid_input",
        issues: [{ path: "lines", message: "nothing is due for refund on this return now" }],
      });
    return ok(out.value);
  });
  if (!done.ok) return done;
  return ok({ ...done.value, settlements: await dispatchSettlements(deps, done.value.settlements) });
}
