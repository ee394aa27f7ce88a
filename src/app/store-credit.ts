import type { DomainError } from "../domain/errors.ts";
import { type Money, money } from "../domain/money.ts";
import { err, ok, type Result } from "../domain/result.ts";
import type { Deps, IdSource, Repos } from "./ports/index.ts";

const DAY_MS = 86_400_000;

/** Issues store credit: a lot (which may expire) and the double-entry ledger posting, in the caller's transaction. */
export async function issueStoreCredit(
  r: Repos,
  ids: IdSource,
  p: {
    merchantId: string;
    customerId: string;
    caseId: string | null;
    amount: Money;
    at: Date;
    expiryDays: number | null | undefined;
    memo: string;
  },
): Promise<void> {
  await r.storeCredit.addLot(p.merchantId, {
    id: ids.next(),
    customerId: p.customerId,
    currency: p.amount.currency,
    amount: p.amount.amount,
    remaining: p.amount.amount,
    expiresAt: p.expiryDays ? new Date(p.at.getTime() + p.expiryDays * DAY_MS) : null,
    caseId: p.caseId,
    createdAt: p.at,
  });
  await r.ledger.post(
    {
      id: ids.next(),
      merchantId: p.merchantId,
      caseId: p.caseId,
      kind: "store_credit_issue",
      memo: p.memo,
      at: p.at,
      entries: [
        { account: { kind: "customer_store_credit", customerId: p.customerId }, amount: p.amount },
        {
          account: { kind: "store_credit_issued", customerId: null },
          amount: { ...p.amount, amount: -p.amount.amount },
        },
      ],
    },
    ids,
  );
}

/** Spends store credit at checkout (or by an agent): the lots that expire first go first. */
export function redeemStoreCredit(
  deps: Deps,
  merchantId: string,
  customerId: string,
  amount: Money,
  reference: string,
): Promise<Result<{ redeemed: Money; balance: Money }, DomainError>> {
  return deps.store.transaction(async (r) => {
    if (!(await r.customers.get(merchantId, customerId)))
      return err({ code: "not_found", entity: "customer", id: customerId });
    const at = deps.clock.now();
    const lots = await r.storeCredit.liveLots(merchantId, customerId, amount.currency, at);
    const available = lots.reduce((n, l) => n + l.remaining, 0);
    if (amount.amount > available) {
      return err({
        code: "quantity_exceeded",
        path: "amount",
        what: `store credit available in ${amount.currency} (minor units)`,
        limit: available,
        requested: amount.amount,
      });
    }
    let left = amount.amount;
    for (const lot of lots) {
      if (left === 0) break;
      const take = Math.min(lot.remaining, left);
      await r.storeCredit.setRemaining(lot.id, lot.remaining - take);
      left -= take;
    }
    await r.ledger.post(
      {
        id: deps.ids.next(),
        merchantId,
        caseId: null,
        kind: "store_credit_redeem",
        memo: reference,
        at,
        entries: [
          {
            account: { kind: "customer_store_credit", customerId },
            amount: { ...amount, amount: -amount.amount },
          },
          { account: { kind: "store_credit_issued", customerId: null }, amount },
        ],
      },
      deps.ids,
    );
    return ok({
      redeemed: amount,
      balance: money(available - amount.amount, amount.currency),
    });
  });
}

/** Expires lots past their date: the unspent rest leaves the customer's balance, on the ledger. */
export async function expireStoreCredit(deps: Deps): Promise<number> {
  return deps.store.transaction(async (r) => {
    const at = deps.clock.now();
    const due = await r.storeCredit.expiring(at, 500);
    for (const lot of due) {
      const amount = money(lot.remaining, lot.currency);
      await r.storeCredit.markExpired(lot.id);
      await r.ledger.post(
        {
          id: deps.ids.next(),
          merchantId: lot.merchantId,
          caseId: lot.caseId,
          kind: "store_credit_expiry",
          memo: `lot ${lot.id} expired`,
          at,
          entries: [
            {
              account: { kind: "customer_store_credit", customerId: lot.customerId },
              amount: { ...amount, amount: -amount.amount },
            },
            { account: { kind: "store_credit_issued", customerId: null }, amount },
          ],
        },
        deps.ids,
      );
    }
    return due.length;
  });
}
