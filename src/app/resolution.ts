import type { ResolvedLine } from "../domain/case-resolve-command.ts";
import { add, type Money, zero } from "../domain/money.ts";
import type { Order } from "../domain/order.ts";
import type { ReturnCase } from "../domain/return-case.ts";
import { allocateToTenders, paidForUnits } from "../domain/tender-allocation.ts";
import type { Deps, Repos, Settlement } from "./ports.ts";

/** Which gateway refunds a tender: its provider when one is configured, else `manual`. */
export function gatewayFor(deps: Deps, provider: string | null): string {
  return provider && deps.gateways.has(provider) ? provider : "manual";
}

/**
 * Records the money side of a resolution inside the command's transaction: store credit is posted
 * to the ledger at once; refunds become `pending` settlements per tender (the intent), executed
 * after commit by settle.ts — never a provider call inside a transaction.
 */
export async function recordResolution(
  deps: Deps,
  r: Repos,
  c: ReturnCase,
  resolved: readonly ResolvedLine[],
  at: Date,
): Promise<Settlement[]> {
  const order = await r.orders.getById(c.merchantId, c.orderId);
  if (!order) throw new Error(`case ${c.number} lost its order`);
  const before = await r.cases.resolvedByOrder(order.id, c.id);
  let refund = zero(c.currency);
  let credit = zero(c.currency);
  for (const line of resolved) {
    const caseLine = c.lines.find((l) => l.id === line.lineId);
    if (!caseLine) throw new Error("resolved line not on case");
    const from = (before.get(caseLine.orderLineId) ?? 0) + line.alreadyResolved;
    const amount = paidForUnits(order, caseLine.orderLineId, from, line.quantity);
    if (line.resolution === "store_credit") credit = add(credit, amount);
    else if (line.resolution === "refund" || line.resolution === "keep_it") refund = add(refund, amount);
  }
  const out: Settlement[] = [];
  if (credit.amount > 0) out.push(await issueStoreCredit(deps, r, c, credit, at));
  if (refund.amount > 0) out.push(...(await refundToTenders(deps, r, c, order, refund, at)));
  return out;
}

function settlement(
  deps: Deps,
  c: ReturnCase,
  at: Date,
  fields: Pick<Settlement, "tenderId" | "method" | "gateway" | "amount" | "status">,
): Settlement {
  const id = deps.ids.next();
  return {
    id,
    merchantId: c.merchantId,
    caseId: c.id,
    ...fields,
    idempotencyKey: `crossback-settlement-${id}`,
    providerReference: null,
    failureReason: null,
    attempts: 0,
    createdAt: at,
    updatedAt: at,
  };
}

async function issueStoreCredit(
  deps: Deps,
  r: Repos,
  c: ReturnCase,
  amount: Money,
  at: Date,
): Promise<Settlement> {
  const s = settlement(deps, c, at, {
    tenderId: null,
    method: "store_credit",
    gateway: null,
    amount,
    status: "succeeded",
  });
  await r.ledger.post(
    {
      id: deps.ids.next(),
      merchantId: c.merchantId,
      caseId: c.id,
      kind: "store_credit_issue",
      memo: `return ${c.number}`,
      at,
      entries: [
        { account: { kind: "customer_store_credit", customerId: c.customerId }, amount },
        {
          account: { kind: "store_credit_issued", customerId: null },
          amount: { ...amount, amount: -amount.amount },
        },
      ],
    },
    deps.ids,
  );
  await r.settlements.insert({ ...s, providerReference: `ledger:${c.number}` });
  return { ...s, providerReference: `ledger:${c.number}` };
}

async function refundToTenders(
  deps: Deps,
  r: Repos,
  c: ReturnCase,
  order: Order,
  amount: Money,
  at: Date,
): Promise<Settlement[]> {
  const refunded = await r.settlements.refundedByTender(order.tenders.map((t) => t.id));
  const { shares, unallocated } = allocateToTenders(amount, order.tenders, refunded);
  const out = shares.map((s) =>
    settlement(deps, c, at, {
      tenderId: s.tender.id,
      method: "original_payment",
      gateway: gatewayFor(deps, s.tender.provider),
      amount: s.amount,
      status: "pending",
    }),
  );
  if (unallocated.amount > 0) {
    // No tender can take it (none recorded, or all refunded): the merchant pays it back by hand.
    out.push(
      settlement(deps, c, at, {
        tenderId: null,
        method: "original_payment",
        gateway: "manual",
        amount: unallocated,
        status: "pending",
      }),
    );
  }
  for (const s of out) await r.settlements.insert(s);
  return out;
}
