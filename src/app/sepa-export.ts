import type { DomainError } from "../domain/errors.ts";
import { buildPain001 } from "../domain/payouts/pain001.ts";
import { err, ok, type Result } from "../domain/result.ts";
import type { Deps } from "./ports/index.ts";

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
    for (const s of due) await r.settlements.transition(s.id, s.status, { exportedAt: at }, at);
    return ok({ xml: built.value, count: due.length, messageId });
  });
}
