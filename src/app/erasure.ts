import type { Actor } from "../domain/actor.ts";
import type { DomainError } from "../domain/errors.ts";
import { err, ok, type Result } from "../domain/result.ts";
import {
  FINAL_SETTLEMENT_STATUSES,
  SETTLEMENT_STATUSES,
  type SettlementStatus,
} from "../domain/settlement-status.ts";
import type { Deps } from "./ports/index.ts";

/** Settlements that still owe the shopper money or wait for a person: an erasure waits for them. */
export const ERASURE_BLOCKING: readonly SettlementStatus[] = SETTLEMENT_STATUSES.filter(
  (s) => !FINAL_SETTLEMENT_STATUSES.includes(s),
);

export interface ErasureReport {
  readonly customerId: string;
  /** True when the customer had already been erased: nothing changed this time. */
  readonly alreadyErased: boolean;
  readonly orders: number;
  readonly cases: number;
  readonly photos: number;
}

/** The e-mail an erased customer keeps: unique per customer, reaches nobody (.invalid). */
export const pseudonymEmail = (customerId: string): string => `erased-${customerId}@erased.invalid`;

/**
 * Erases a shopper's personal data (issue 8 point 13): pseudonymises the customer, the addresses of
 * their orders and everything copied from them (cases, portal details, comments, events, shipments,
 * credit-note documents, e-mails, webhook payloads, stored responses), removes their portal photos, and
 * keeps every ledger row, amount, number and status. Each case gets a `return.personal_data_erased`
 * event. Refused (409 settlement_state) while a settlement to the shopper is not final; idempotent.
 */
export async function eraseCustomer(
  deps: Deps,
  merchantId: string,
  ref: { readonly customerId: string } | { readonly email: string },
  actor: Actor,
): Promise<Result<ErasureReport, DomainError>> {
  const at = deps.clock.now();
  const done = await deps.store.transaction(
    async (r): Promise<Result<ErasureReport & { photoKeys: readonly string[] }, DomainError>> => {
      const id =
        "customerId" in ref
          ? ref.customerId
          : await r.erasure.customerByEmail(merchantId, ref.email.trim().toLowerCase());
      const customer = id ? await r.customers.get(merchantId, id) : null;
      if (!customer)
        return err({
          code: "not_found",
          entity: "customer",
          id: "customerId" in ref ? ref.customerId : "(e-mail)",
        });
      const pseudonym = pseudonymEmail(customer.id);
      if (customer.email === pseudonym)
        return ok({
          customerId: customer.id,
          alreadyErased: true,
          orders: 0,
          cases: 0,
          photos: 0,
          photoKeys: [],
        });
      const [busy] = await r.erasure.inFlight(merchantId, customer.id, ERASURE_BLOCKING);
      if (busy)
        return err({
          code: "settlement_state",
          settlementId: busy.id,
          action: "erasure",
          settlementStatus: busy.status,
          reason:
            "a refund to this shopper is not final yet; erase their data once it has succeeded, failed or been cancelled",
        });
      const out = await r.erasure.pseudonymise(merchantId, customer.id, pseudonym);
      for (const caseId of out.caseIds) {
        const c = await r.cases.load(merchantId, caseId);
        if (!c) continue;
        await r.cases.append(c, [
          {
            type: "return.personal_data_erased",
            actor,
            at,
            reason: null,
            fromStatus: c.status,
            toStatus: c.status,
            data: { customerId: customer.id },
          },
        ]);
      }
      return ok({
        customerId: customer.id,
        alreadyErased: false,
        orders: out.orderIds.length,
        cases: out.caseIds.length,
        photos: out.photoKeys.length,
        photoKeys: out.photoKeys,
      });
    },
  );
  if (!done.ok) return done;
  // The photo rows are gone with the commit; their files are overwritten with nothing.
  for (const key of done.value.photoKeys)
    await deps.photos?.put(key, new Uint8Array(0), "application/octet-stream");
  const { photoKeys: _, ...report } = done.value;
  return ok(report);
}
