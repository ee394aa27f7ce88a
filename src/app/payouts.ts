import type { Actor } from "../domain/actor.ts";
import type { DomainError } from "../domain/errors.ts";
import { parseMoney } from "../domain/money.ts";
import {
  type BankAccountDetails,
  type NormalizedAccount,
  validateBankAccount,
} from "../domain/payouts/bank-account.ts";
import { buildPain001 } from "../domain/payouts/pain001.ts";
import { err, ok, type Result } from "../domain/result.ts";
import type { Deps, Repos, Settlement } from "./ports.ts";
import { recordOutcome } from "./settle.ts";

/** Runs `fn` on one of the merchant's settlements inside a transaction; another merchant's id is not found. */
function onSettlement(
  deps: Deps,
  merchantId: string,
  id: string,
  fn: (r: Repos, s: Settlement) => Promise<Result<Settlement, DomainError>>,
): Promise<Result<Settlement, DomainError>> {
  return deps.store.transaction(async (r) => {
    const s = await r.settlements.get(id);
    return s && s.merchantId === merchantId ? fn(r, s) : err({ code: "not_found", entity: "settlement", id });
  });
}
const wrongState = (s: Settlement, what: string): DomainError => ({
  code: "invalid_input",
  issues: [{ path: "settlement", message: `${what} (settlement is ${s.method}, ${s.status})` }],
});

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
    if (s.method !== "bank_transfer" || s.status !== "requires_action" || s.exportedAt)
      return err(wrongState(s, "bank details can only be given while the transfer waits for them"));
    const account = validateBankAccount(details);
    if (!account.ok) return err({ code: "invalid_input", issues: account.error });
    const next = await withBankAccount(r, s, account.value, deps.clock.now());
    await r.settlements.update(next);
    return ok(next);
  });
}

/**
 * A bank transfer with its (validated) account: approved at once below the merchant's threshold,
 * otherwise waiting for an agent (or paid by hand when no rail reaches the account).
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
  const needsApproval = account.manualPayout || !limit?.ok || s.amount.amount > limit.value.amount;
  return {
    ...s,
    bankAccount: account as unknown as Record<string, unknown>,
    status: needsApproval ? "requires_action" : "processing",
    approvedBy: needsApproval ? null : "auto:below-threshold",
    approvedAt: needsApproval ? null : at,
    failureReason: needsApproval
      ? account.manualPayout
        ? "pay by hand, then mark as paid"
        : "awaiting an agent's approval"
      : null,
    updatedAt: at,
  };
}

/** An agent approves a bank transfer above the threshold. */
export function approvePayout(
  deps: Deps,
  merchantId: string,
  id: string,
  actor: Actor,
): Promise<Result<Settlement, DomainError>> {
  return onSettlement(deps, merchantId, id, async (r, s) => {
    if (s.method !== "bank_transfer" || !s.bankAccount || s.approvedAt)
      return err(
        wrongState(s, "only a bank transfer with account details, not yet approved, can be approved"),
      );
    const at = deps.clock.now();
    const next: Settlement = {
      ...s,
      status: "processing",
      approvedBy: actor.id,
      approvedAt: at,
      failureReason: null,
      updatedAt: at,
    };
    await r.settlements.update(next);
    return ok(next);
  });
}

/** Money that left by hand or by bank file arrived: the settlement succeeds (FX recorded). */
export function markPaid(
  deps: Deps,
  merchantId: string,
  id: string,
): Promise<Result<Settlement, DomainError>> {
  return onSettlement(deps, merchantId, id, async (r, s) => {
    const manual =
      s.method === "bank_transfer" &&
      (s.exportedAt ||
        (s.status === "requires_action" && s.bankAccount?.manualPayout === true) ||
        s.status === "processing");
    const request = s.method === "payment_request" && s.status === "processing";
    if (!manual && !request)
      return err(
        wrongState(
          s,
          "only an exported or hand-paid bank transfer, or a confirmed payment request, can be marked paid",
        ),
      );
    return ok(
      await recordOutcome(
        r,
        { ...s, status: "succeeded", failureReason: null, updatedAt: deps.clock.now() },
        deps.clock.now(),
      ),
    );
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
      return err(wrongState(s, "only an open payment request can be confirmed"));
    const next: Settlement = { ...s, status: "processing", failureReason: null, updatedAt: deps.clock.now() };
    await r.settlements.update(next);
    return ok(next);
  });
}

/** Approved EUR bank transfers to SEPA accounts as one pain.001.001.09 file; they are marked exported. */
export function exportSepa(
  deps: Deps,
  merchantId: string,
  executionDate?: string,
): Promise<Result<{ xml: string; count: number; messageId: string }, DomainError>> {
  return deps.store.transaction(async (r) => {
    const merchant = await r.merchants.byId(merchantId);
    const debtor = merchant?.settings.sepaDebtor;
    if (!merchant || !debtor)
      return err({
        code: "invalid_input",
        issues: [
          {
            path: "settings.sepaDebtor",
            message: "set the account payouts are paid from (name, IBAN, BIC) first",
          },
        ],
      });
    const at = deps.clock.now();
    const due = (await r.settlements.exportable(merchantId, "EUR")).filter(
      (s) => s.bankAccount?.scheme === "iban" && s.bankAccount.sepaReachable === true,
    );
    if (due.length === 0)
      return err({
        code: "invalid_input",
        issues: [{ path: "settlements", message: "no approved EUR bank transfers are waiting for export" }],
      });
    const messageId = `CB-${at.toISOString().slice(0, 10).replaceAll("-", "")}-${deps.ids.next().slice(-12)}`;
    const built = buildPain001({
      messageId,
      createdAt: at,
      debtor,
      requestedExecutionDate: executionDate ?? at.toISOString().slice(0, 10),
      batchBooking: false,
      payments: due.map((s) => ({
        instructionId: s.id.replaceAll("-", "").slice(0, 35),
        endToEndId: s.idempotencyKey.replace("crossback-settlement-", "").replaceAll("-", "").slice(0, 35),
        amount: s.amount,
        creditor: {
          name: String(s.bankAccount?.accountHolder ?? ""),
          iban: String(s.bankAccount?.iban ?? ""),
          bic: (s.bankAccount?.bic as string | null | undefined) ?? null,
        },
        remittance: `Refund ${s.id.slice(-12)}`,
      })),
    });
    if (!built.ok) return err({ code: "invalid_input", issues: built.error });
    for (const s of due) await r.settlements.update({ ...s, exportedAt: at, updatedAt: at });
    return ok({ xml: built.value, count: due.length, messageId });
  });
}
