import type { Actor } from "../domain/actor.ts";
import type { DomainError } from "../domain/errors.ts";
import { parseMoney } from "../domain/money.ts";
import {
  type BankAccountDetails,
  type NormalizedAccount,
  validateBankAccount,
} from "../domain/payouts/bank-account.ts";
import { err, ok, type Result } from "../domain/result.ts";
import type { Deps, Repos, Settlement, SettlementChange } from "./ports/index.ts";
import { dispatchSettlements } from "./settle.ts";
import { changeSettlement } from "./settlement-change.ts";

/**
 * Runs `fn` on one of the merchant's settlements, its row locked, inside a transaction; another
 * merchant's id is not found.
 */
function onSettlement(
  deps: Deps,
  merchantId: string,
  id: string,
  fn: (r: Repos, s: Settlement) => Promise<Result<Settlement, DomainError>>,
): Promise<Result<Settlement, DomainError>> {
  return deps.store.transaction(async (r) => {
    const s = await r.settlements.lock(id);
    return s && s.merchantId === merchantId ? fn(r, s) : err({ code: "not_found", entity: "settlement", id });
  });
}
const refused = (s: Settlement, action: string, reason: string): DomainError => ({
  code: "settlement_state",
  settlementId: s.id,
  action,
  settlementStatus: s.status,
  reason,
});

/** Applies a legal change to the locked settlement, or answers why not (the refusal is logged). */
async function change(
  deps: Deps,
  r: Repos,
  s: Settlement,
  action: string,
  next: SettlementChange,
  actor?: Actor,
): Promise<Result<Settlement, DomainError>> {
  const done = await changeSettlement(deps, r, s, next, deps.clock.now(), action, actor);
  return done ? ok(done) : err(refused(s, action, `it cannot move to ${next.status ?? s.status}`));
}

/**
 * The shopper's (or an agent's) bank details for a bank-transfer refund. Valid details below the
 * merchant's approval threshold are approved at once; above it an agent approves.
 */
export function provideBankAccount(
  deps: Deps,
  merchantId: string,
  id: string,
  details: BankAccountDetails,
): Promise<Result<Settlement, DomainError>> {
  return onSettlement(deps, merchantId, id, async (r, s) => {
    if (s.method !== "bank_transfer" || s.status !== "requires_action" || s.exportedAt || s.approvedAt)
      return err(
        refused(s, "bank-account", "bank details can only be given while the transfer waits for them"),
      );
    const account = validateBankAccount(details);
    if (!account.ok) return err({ code: "invalid_input", issues: account.error });
    const next = await withBankAccount(r, s, account.value, deps.clock.now());
    return change(deps, r, s, "bank-account", {
      status: next.status,
      bankAccount: next.bankAccount,
      approvedBy: next.approvedBy,
      approvedAt: next.approvedAt,
      failureReason: next.failureReason,
    });
  });
}

/**
 * A bank transfer with its (validated) account: approved at once below the merchant's threshold
 * (then it awaits the SEPA file or a payment by hand), otherwise waiting for an agent's approval.
 */
export async function withBankAccount(
  r: Repos,
  s: Settlement,
  account: NormalizedAccount,
  at: Date,
): Promise<Settlement> {
  const merchant = await r.merchants.byId(s.merchantId);
  const limitText = merchant?.settings.bankTransferApprovalAbove?.[s.amount.currency];
  const limit = limitText ? parseMoney(limitText, s.amount.currency) : null;
  const fourEyes = await fourEyesAbove(r, s);
  const needsApproval =
    account.manualPayout ||
    !limit?.ok ||
    s.amount.amount > limit.value.amount ||
    (fourEyes !== null && s.amount.amount > fourEyes);
  return {
    ...s,
    bankAccount: account as unknown as Record<string, unknown>,
    status: needsApproval ? "requires_action" : "awaiting_export",
    approvedBy: needsApproval ? null : "auto:below-threshold",
    approvedAt: needsApproval ? null : at,
    failureReason: needsApproval
      ? account.manualPayout
        ? "awaiting an agent's approval; then pay by hand and mark as paid"
        : "awaiting an agent's approval"
      : null,
    updatedAt: at,
  };
}

/** The merchant's four-eyes threshold for the settlement's currency, in minor units (null: none). */
async function fourEyesAbove(r: Repos, s: Settlement): Promise<number | null> {
  const merchant = await r.merchants.byId(s.merchantId);
  const text = merchant?.settings.payoutFourEyesAbove?.[s.amount.currency];
  const limit = text ? parseMoney(text, s.amount.currency) : null;
  return limit?.ok ? limit.value.amount : null;
}

/**
 * An agent approves a bank transfer above the threshold: it then awaits export (or payment by
 * hand). Above the merchant's four-eyes threshold (`payoutFourEyesAbove`) it takes two people: the
 * first approval is recorded (the transfer keeps waiting), a second by a different actor completes
 * it; the same actor approving again is refused.
 */
export function approvePayout(
  deps: Deps,
  merchantId: string,
  id: string,
  actor: Actor,
): Promise<Result<Settlement, DomainError>> {
  return onSettlement(deps, merchantId, id, async (r, s) => {
    if (s.method !== "bank_transfer" || s.status !== "requires_action" || !s.bankAccount || s.approvedAt)
      return err(
        refused(s, "approve", "only a bank transfer with account details, not yet approved, can be approved"),
      );
    const above = await fourEyesAbove(r, s);
    if (above !== null && s.amount.amount > above) {
      const at = deps.clock.now();
      if (!s.firstApprovedBy)
        return change(
          deps,
          r,
          s,
          "approve",
          {
            firstApprovedBy: actor.id,
            firstApprovedAt: at,
            failureReason: "approved once; above the four-eyes threshold a second person must approve",
          },
          actor,
        );
      if (s.firstApprovedBy === actor.id)
        return err(
          refused(
            s,
            "approve",
            "four eyes: this transfer is above the merchant's payoutFourEyesAbove threshold and was already approved by the same actor; a different person must give the second approval",
          ),
        );
    }
    return change(
      deps,
      r,
      s,
      "approve",
      { status: "awaiting_export", approvedBy: actor.id, approvedAt: deps.clock.now(), failureReason: null },
      actor,
    );
  });
}

/**
 * Money that left by bank file or by hand arrived, a payment request was collected, or a person
 * checked at the provider that a refund under review went through: the settlement succeeds (FX
 * recorded). Only from those waiting states: a failed or cancelled transfer is never revived here.
 */
export function markPaid(
  deps: Deps,
  merchantId: string,
  id: string,
  actor?: Actor,
): Promise<Result<Settlement, DomainError>> {
  return onSettlement(deps, merchantId, id, async (r, s) => {
    const payable =
      (s.method === "bank_transfer" && s.status === "awaiting_export") ||
      (s.method === "payment_request" && s.status === "awaiting_payment") ||
      (s.method === "original_payment" && s.status === "needs_review");
    if (!payable)
      return err(
        refused(
          s,
          "mark-paid",
          "only an approved bank transfer, a confirmed payment request or a refund under review can be marked paid",
        ),
      );
    return change(deps, r, s, "mark-paid", { status: "succeeded", failureReason: null }, actor);
  });
}

/** The shopper agrees to pay an exchange's difference (never a silent charge). */
export function confirmPaymentRequest(
  deps: Deps,
  merchantId: string,
  id: string,
): Promise<Result<Settlement, DomainError>> {
  return onSettlement(deps, merchantId, id, async (r, s) => {
    if (s.method !== "payment_request" || s.status !== "requires_action")
      return err(refused(s, "confirm", "only an open payment request can be confirmed"));
    return change(deps, r, s, "confirm", { status: "awaiting_payment", failureReason: null });
  });
}

/**
 * A person checked a refund under review at the provider and found it not made: it is sent again
 * (same idempotency key, attempts counted afresh).
 */
export async function retrySettlement(
  deps: Deps,
  merchantId: string,
  id: string,
  actor: Actor,
): Promise<Result<Settlement, DomainError>> {
  const pending = await onSettlement(deps, merchantId, id, async (r, s) => {
    if (s.method !== "original_payment" || s.status !== "needs_review" || !s.gateway)
      return err(refused(s, "retry", "only a provider refund under review can be retried"));
    return change(deps, r, s, "retry", { status: "pending", attempts: 0, failureReason: null }, actor);
  });
  if (!pending.ok) return pending;
  const [sent] = await dispatchSettlements(deps, [pending.value]);
  return ok(sent ?? pending.value);
}
