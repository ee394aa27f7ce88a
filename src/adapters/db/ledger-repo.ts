import { and, eq, sql } from "drizzle-orm";
import type { IdSource, LedgerAccountRef, LedgerRepo } from "../../app/ports/index.ts";
import type { Executor } from "./database.ts";
import { ledgerAccounts, ledgerEntries, ledgerTransactions } from "./schema.ts";

async function accountId(
  db: Executor,
  merchantId: string,
  ref: LedgerAccountRef,
  currency: string,
  ids: IdSource,
): Promise<string> {
  await db
    .insert(ledgerAccounts)
    .values({ id: ids.next(), merchantId, kind: ref.kind, customerId: ref.customerId, currency })
    .onConflictDoNothing();
  const [row] = await db
    .select({ id: ledgerAccounts.id })
    .from(ledgerAccounts)
    .where(
      and(
        eq(ledgerAccounts.merchantId, merchantId),
        eq(ledgerAccounts.kind, ref.kind),
        ref.customerId === null
          ? sql`${ledgerAccounts.customerId} is null`
          : eq(ledgerAccounts.customerId, ref.customerId),
        eq(ledgerAccounts.currency, currency),
      ),
    );
  if (!row) throw new Error("ledger account not created");
  return row.id;
}

export function ledgerRepo(db: Executor): LedgerRepo {
  return {
    async post(p, ids) {
      const total = new Map<string, number>();
      for (const e of p.entries)
        total.set(e.amount.currency, (total.get(e.amount.currency) ?? 0) + e.amount.amount);
      for (const [currency, t] of total)
        if (t !== 0) throw new Error(`ledger posting unbalanced in ${currency} by ${t}`);
      await db.insert(ledgerTransactions).values({
        id: p.id,
        merchantId: p.merchantId,
        caseId: p.caseId,
        kind: p.kind,
        memo: p.memo,
        createdAt: p.at,
      });
      for (const e of p.entries) {
        const account = await accountId(db, p.merchantId, e.account, e.amount.currency, ids);
        await db.insert(ledgerEntries).values({
          id: ids.next(),
          transactionId: p.id,
          accountId: account,
          amount: e.amount.amount,
          currency: e.amount.currency,
        });
      }
    },
    async customerBalances(merchantId, customerId) {
      const rows = await db
        .select({
          currency: ledgerAccounts.currency,
          amount: sql<string>`coalesce(sum(${ledgerEntries.amount}), 0)`,
        })
        .from(ledgerAccounts)
        .leftJoin(ledgerEntries, eq(ledgerEntries.accountId, ledgerAccounts.id))
        .where(
          and(
            eq(ledgerAccounts.merchantId, merchantId),
            eq(ledgerAccounts.customerId, customerId),
            eq(ledgerAccounts.kind, "customer_store_credit"),
          ),
        )
        .groupBy(ledgerAccounts.currency)
        .orderBy(ledgerAccounts.currency);
      return rows.map((r) => ({ currency: r.currency, amount: Number(r.amount) }));
    },
  };
}
