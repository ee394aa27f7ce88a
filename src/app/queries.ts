import type { CaseStatus } from "../domain/case-status.ts";
import type { DomainError } from "../domain/errors.ts";
import type { Money } from "../domain/money.ts";
import { err, ok, type Result } from "../domain/result.ts";
import type { ReturnCase } from "../domain/return-case.ts";
import type { Resolution, ReturnReason } from "../domain/return-reasons.ts";
import type { Customer, Deps, Settlement, StoredEvent } from "./ports/index.ts";

export interface CaseView {
  readonly case: ReturnCase;
  readonly settlements: Settlement[];
}

export async function getReturn(
  deps: Deps,
  merchantId: string,
  id: string,
): Promise<Result<CaseView, DomainError>> {
  const r = deps.store.read;
  const c = await r.cases.load(merchantId, id);
  if (!c) return err({ code: "not_found", entity: "return", id });
  return ok({ case: c, settlements: await r.settlements.byCase(c.merchantId, c.id) });
}

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/** The returns queue's filters (all optional; combined with AND). */
export interface ReturnListFilter {
  readonly status?: readonly CaseStatus[];
  readonly cursor?: string;
  readonly sort?: "newest" | "oldest";
  readonly limit: number;
  readonly customerId?: string;
  readonly vendor?: string;
  readonly market?: string;
  readonly reason?: ReturnReason;
  readonly resolution?: Resolution;
  readonly refundDueWithinDays?: number;
  /** approaching: due within APPROACHING_DAYS from today; overdue: due before today. */
  readonly refundDue?: "approaching" | "overdue";
}

/** How close a statutory refund deadline must be for the queue to flag it as approaching. */
export const APPROACHING_DAYS = 3;

const day = (now: Date, plusDays: number) =>
  new Date(now.getTime() + plusDays * 86_400_000).toISOString().slice(0, 10);

function refundDueRange(now: Date, q: ReturnListFilter) {
  const within =
    q.refundDueWithinDays === undefined ? {} : { refundDueOnOrBefore: day(now, q.refundDueWithinDays) };
  if (q.refundDue === "overdue") return { ...within, refundDueBefore: day(now, 0) };
  if (q.refundDue === "approaching") {
    const by = day(now, APPROACHING_DAYS);
    const until =
      within.refundDueOnOrBefore && within.refundDueOnOrBefore < by ? within.refundDueOnOrBefore : by;
    return { refundDueOnOrAfter: day(now, 0), refundDueOnOrBefore: until };
  }
  return within;
}

/** Newest (or oldest) first; the cursor is the last id seen (ids are time-ordered UUIDv7). */
export async function listReturns(
  deps: Deps,
  merchantId: string,
  q: ReturnListFilter,
): Promise<Page<ReturnCase>> {
  const { status, cursor, refundDue: _due, refundDueWithinDays: _within, ...rest } = q;
  const rows = await deps.store.read.cases.list(merchantId, {
    ...rest,
    statuses: status,
    before: cursor,
    limit: q.limit + 1,
    ...refundDueRange(deps.clock.now(), q),
  });
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > q.limit && last ? last.id : null };
}

export async function caseEvents(
  deps: Deps,
  merchantId: string,
  id: string,
): Promise<Result<StoredEvent[], DomainError>> {
  const c = await deps.store.read.cases.load(merchantId, id);
  if (!c) return err({ code: "not_found", entity: "return", id });
  return ok(await deps.store.read.cases.events(c.merchantId, c.id));
}

export async function storeCredit(
  deps: Deps,
  merchantId: string,
  customerId: string,
): Promise<Result<{ customer: Customer; balances: Money[] }, DomainError>> {
  const customer = await deps.store.read.customers.get(merchantId, customerId);
  if (!customer) return err({ code: "not_found", entity: "customer", id: customerId });
  return ok({ customer, balances: await deps.store.read.ledger.customerBalances(merchantId, customerId) });
}
