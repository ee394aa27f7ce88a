import type { Order } from "../domain/order.ts";
import type { NormalizedAccount } from "../domain/payouts/bank-account.ts";
import type { PlannedSettlement } from "../domain/refund/settlement-plan.ts";
import type { PortalDetails } from "../domain/return-case.ts";
import { withBankAccount } from "./payouts.ts";
import type { Deps, Merchant, Repos, Settlement } from "./ports/index.ts";
import { issueStoreCredit } from "./store-credit.ts";

/** Which gateway refunds a tender: its provider when one is configured, else `manual`. */
export function gatewayFor(deps: Deps, provider: string | null): string {
  return provider && deps.gateways.has(provider) ? provider : "manual";
}

/**
 * Writes the settlement intents of a plan: provider refunds `pending` (executed after the commit),
 * bank transfers and payment requests `requires_action`, store credit issued at once.
 */
export async function createSettlements(
  deps: Deps,
  r: Repos,
  plan: readonly PlannedSettlement[],
  ctx: {
    merchant: Merchant;
    order: Order;
    caseId: string | null;
    calculationId: string | null;
    reference: string;
    /** Portal choices: a gift recipient's store credit, the payout account the shopper gave. */
    portal?: PortalDetails | null;
    at: Date;
  },
): Promise<Settlement[]> {
  const { merchant, order, at } = ctx;
  const out: Settlement[] = [];
  for (const p of plan) {
    const id = deps.ids.next();
    const tender = order.tenders.find((t) => t.id === p.tenderId);
    const base: Settlement = {
      id,
      merchantId: merchant.id,
      caseId: ctx.caseId,
      orderId: order.id,
      tenderId: p.tenderId,
      method: p.method,
      gateway: null,
      amount: p.amount,
      status: "requires_action",
      idempotencyKey: `crossback-settlement-${id}`,
      providerReference: null,
      failureReason: null,
      attempts: 0,
      createdAt: at,
      updatedAt: at,
      calculationId: ctx.calculationId,
    };
    let s: Settlement = base;
    if (p.method === "original_payment")
      s = { ...base, gateway: gatewayFor(deps, tender?.provider ?? null), status: "pending" };
    if (p.method === "store_credit") {
      await issueStoreCredit(r, deps.ids, {
        merchantId: merchant.id,
        customerId: ctx.portal?.giftRecipient?.customerId ?? order.customerId,
        caseId: ctx.caseId,
        amount: p.amount,
        at,
        expiryDays: merchant.settings.storeCreditExpiryDays,
        memo: `refund ${ctx.reference}`,
      });
      s = {
        ...base,
        gateway: "ledger",
        status: "succeeded",
        providerReference: `store-credit:${ctx.reference}`,
      };
    }
    const account = ctx.portal?.payoutAccount;
    if (p.method === "bank_transfer" && account)
      s = await withBankAccount(r, s, account as unknown as NormalizedAccount, at);
    await r.settlements.insert(s);
    out.push(s);
  }
  return out;
}
