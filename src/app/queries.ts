import type { CaseStatus } from "../domain/case-status.ts";
import type { DomainError } from "../domain/errors.ts";
import type { Money } from "../domain/money.ts";
import { err, ok, type Result } from "../domain/result.ts";
import type { ReturnCase } from "../domain/return-case.ts";
import type { Customer, Deps, Settlement, StoredEvent } from "./ports.ts";

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
  return ok({ case: c, settlements: await r.settlements.byCase(c.id) });
}

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/** Newest first; the cursor is the last id seen (ids are time-ordered UUIDv7). */
export async function listReturns(
  deps: Deps,
  merchantId: string,
  q: {
    status?: CaseStatus;
    cursor?: string;
    limit: number;
    customerId?: string;
    refundDueWithinDays?: number;
  },
): Promise<Page<ReturnCase>> {
  const rows = await deps.store.read.cases.list(merchantId, {
    status: q.status,
    before: q.cursor,
    limit: q.limit + 1,
    customerId: q.customerId,
    refundDueOnOrBefore:
      q.refundDueWithinDays === undefined
        ? undefined
        : new Date(deps.clock.now().getTime() + q.refundDueWithinDays * 86_400_000)
            .toISOString()
            .slice(0, 10),
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
  return ok(await deps.store.read.cases.events(c.id));
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
