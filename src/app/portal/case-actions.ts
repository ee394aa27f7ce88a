import type { DomainError } from "../../domain/errors.ts";
import type { BankAccountDetails } from "../../domain/payouts/bank-account.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import type { ReturnCase } from "../../domain/return-case.ts";
import { runCaseCommand } from "../case-commands.ts";
import { confirmPaymentRequest, provideBankAccount } from "../payouts.ts";
import type { Deps, Settlement } from "../ports/index.ts";
import { loadSessionCase, portalCase } from "./portal-case.ts";
import type { PortalSession } from "./session-token.ts";
import { shopperActor } from "./submit-return.ts";

/**
 * The shopper's tracking number for a self-shipped return: recorded on the case (proof of sending)
 * without moving it — the carrier's first scan, not the shopper's word, marks it in transit.
 */
export async function addTracking(
  deps: Deps,
  session: PortalSession,
  caseId: string,
  input: { carrier?: string | null; trackingNumber: string },
): Promise<Result<ReturnCase, DomainError>> {
  const view = await portalCase(deps, session, caseId);
  if (!view.ok) return view;
  if (!view.value.canAddTracking)
    return err({
      code: "invalid_input",
      issues: [{ path: "trackingNumber", message: "this return is not waiting to be sent" }],
    });
  return deps.store.transaction(async (r) => {
    const c = await r.cases.load(session.merchantId, caseId);
    if (!c) return err({ code: "not_found", entity: "return", id: caseId });
    const at = deps.clock.now();
    const tracking = {
      carrier: input.carrier?.trim() || null,
      trackingNumber: input.trackingNumber.trim(),
      at: at.toISOString(),
    };
    const next: ReturnCase = {
      ...c,
      portal: { ...c.portal, tracking },
      version: c.version + 1,
      updatedAt: at,
    };
    const event = {
      type: "return.tracking_added" as const,
      actor: shopperActor(view.value.ctx),
      at,
      reason: null,
      fromStatus: c.status,
      toStatus: c.status,
      data: tracking,
    };
    if (!(await r.cases.update(next, c.version, [event])))
      return err({ code: "version_conflict", expected: c.version, actual: c.version + 1 });
    return ok(next);
  });
}

/** Cancels the shopper's return while nothing has been sent or refunded. */
export async function cancelPortalReturn(
  deps: Deps,
  session: PortalSession,
  caseId: string,
): Promise<Result<ReturnCase, DomainError>> {
  const view = await portalCase(deps, session, caseId);
  if (!view.ok) return view;
  if (!view.value.canCancel)
    return err({
      code: "illegal_transition",
      command: "cancel",
      status: view.value.case.status,
      allowed: [],
    });
  const done = await runCaseCommand(
    deps,
    session.merchantId,
    caseId,
    { type: "cancel" },
    {
      actor: shopperActor(view.value.ctx),
      reason: "cancelled by the shopper in the returns portal",
      expectedVersion: view.value.case.version,
    },
  );
  return done.ok ? ok(done.value.case) : done;
}

async function sessionSettlement(
  deps: Deps,
  session: PortalSession,
  caseId: string,
  settlementId: string,
): Promise<Result<Settlement, DomainError>> {
  const found = await loadSessionCase(deps.store.read, session, caseId);
  if (!found.ok) return found;
  const s = await deps.store.read.settlements.get(session.merchantId, settlementId);
  return s && s.caseId === caseId
    ? ok(s)
    : err({ code: "not_found", entity: "settlement", id: settlementId });
}

/** The shopper agrees to pay a dearer exchange's difference. */
export async function confirmExchangePayment(
  deps: Deps,
  session: PortalSession,
  caseId: string,
  settlementId: string,
): Promise<Result<Settlement, DomainError>> {
  const s = await sessionSettlement(deps, session, caseId, settlementId);
  return s.ok ? confirmPaymentRequest(deps, session.merchantId, settlementId) : s;
}

/** The account a bank-transfer refund waits for, given later on the status page. */
export async function giveBankAccount(
  deps: Deps,
  session: PortalSession,
  caseId: string,
  settlementId: string,
  account: BankAccountDetails,
): Promise<Result<Settlement, DomainError>> {
  const s = await sessionSettlement(deps, session, caseId, settlementId);
  return s.ok ? provideBankAccount(deps, session.merchantId, settlementId, account) : s;
}
