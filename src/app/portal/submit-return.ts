import type { Actor } from "../../domain/actor.ts";
import type { DomainError, FieldIssue } from "../../domain/errors.ts";
import { type BankAccountDetails, validateBankAccount } from "../../domain/payouts/bank-account.ts";
import { err, type Result } from "../../domain/result.ts";
import type { PortalDetails } from "../../domain/return-case.ts";
import type { Resolution, ReturnReason } from "../../domain/return-reasons.ts";
import { allOrNothing, type OpenedReturn, openReturnsIn } from "../create-return-group.ts";
import { currentPolicies } from "../policies.ts";
import type { Deps } from "../ports/index.ts";
import { lineFacts, reasonsFor, type SessionContext, sessionContext } from "./portal-order.ts";
import { exchangeReplacement } from "./replacement.ts";
import type { PortalSession } from "./session-token.ts";

export interface PortalReturnInput {
  readonly lines: readonly {
    readonly orderLineExternalId: string;
    readonly quantity: number;
    readonly reason: ReturnReason;
    readonly comment?: string | null;
    readonly photoIds?: readonly string[];
  }[];
  readonly resolution: Resolution;
  readonly replacementSku?: string | null;
  readonly bankAccount?: BankAccountDetails | null;
  readonly giftRecipient?: { readonly email: string; readonly name?: string | null } | null;
  readonly locale: string;
}

const BANK_TENDERS = new Set(["bank_transfer", "cash_on_delivery"]);

export const shopperActor = (ctx: SessionContext): Actor => ({
  kind: "shopper",
  id: ctx.order.customerId,
  name: ctx.session.gift ? "gift recipient" : "shopper",
});

/** Checks what only the portal asks: reasons offered, photos where required, gift and bank details. */
async function checkPortalFields(
  deps: Deps,
  ctx: SessionContext,
  input: PortalReturnInput,
): Promise<FieldIssue[]> {
  const { merchant, order, session } = ctx;
  const issues: FieldIssue[] = [];
  const policies = await currentPolicies(deps.store.read, merchant.id);
  for (const [i, l] of input.lines.entries()) {
    const line = order.lines.find((x) => x.externalId === l.orderLineExternalId);
    if (!line) continue; // the engine names unknown lines
    const { reasons, photos } = reasonsFor(lineFacts(policies, order, line.sku));
    if (!reasons.includes(l.reason))
      issues.push({ path: `lines[${i}].reason`, message: "is not offered for this item" });
    const ids = l.photoIds ?? [];
    if (photos.includes(l.reason) && ids.length === 0)
      issues.push({ path: `lines[${i}].photoIds`, message: "add at least one photo of the item" });
    const found = await deps.store.read.portal.uploads(merchant.id, order.id, ids);
    if (found.length !== new Set(ids).size || found.some((u) => u.caseId !== null))
      issues.push({ path: `lines[${i}].photoIds`, message: "unknown or already used photo" });
  }
  if (session.gift) {
    if (input.resolution !== "store_credit")
      issues.push({ path: "resolution", message: "gift returns are refunded as store credit" });
    if (!input.giftRecipient) issues.push({ path: "giftRecipient.email", message: "is required" });
  }
  const bankPaid = order.tenders.some((t) => BANK_TENDERS.has(t.kind));
  if (input.resolution === "refund" && bankPaid && !session.gift && !input.bankAccount)
    issues.push({ path: "bankAccount", message: "give the account the refund is paid to" });
  return issues;
}

/**
 * A shopper's return from the portal: the engine's checks plus the portal's, in one transaction that
 * opens one case per vendor of the lines (all or nothing).
 */
export async function submitPortalReturn(
  deps: Deps,
  session: PortalSession,
  input: PortalReturnInput,
): Promise<Result<OpenedReturn, DomainError>> {
  const ctx = await sessionContext(deps.store.read, session);
  if (!ctx.ok) return ctx;
  const { merchant, order } = ctx.value;
  const issues = await checkPortalFields(deps, ctx.value, input);
  const account = input.bankAccount ? validateBankAccount(input.bankAccount, "bankAccount") : null;
  if (account && !account.ok) issues.push(...account.error);
  if (issues.length > 0) return err({ code: "invalid_input", issues });
  const replacement = await exchangeReplacement(deps.store.read, merchant.id, order, input);
  if (!replacement.ok) return replacement;
  const at = deps.clock.now();
  return allOrNothing(deps.store, async (r) => {
    const recipient = session.gift && input.giftRecipient ? input.giftRecipient : null;
    const customer = recipient
      ? await r.customers.ensure(
          merchant.id,
          { email: recipient.email.trim().toLowerCase(), name: recipient.name ?? null, locale: input.locale },
          deps.ids.next(),
          at,
        )
      : null;
    const portal: PortalDetails = {
      giftRecipient: customer
        ? { email: customer.email, name: customer.name, customerId: customer.id }
        : null,
      replacement: replacement.value
        ? { ...replacement.value, quantity: replacement.value.quantity ?? 1 }
        : null,
      payoutAccount: account?.ok ? { ...account.value } : null,
    };
    const opened = await openReturnsIn(
      deps,
      r,
      merchant.id,
      {
        orderExternalId: order.externalId,
        lines: input.lines.map((l) => ({
          orderLineExternalId: l.orderLineExternalId,
          quantity: l.quantity,
          reason: l.reason,
          comment: l.comment ?? null,
        })),
        requestedResolution: input.resolution,
        source: "portal",
        locale: input.locale,
        portal,
      },
      shopperActor(ctx.value),
    );
    if (!opened.ok) return opened;
    for (const { case: c, positions } of opened.value.cases) {
      for (const [j, i] of positions.entries()) {
        const line = c.lines[j];
        const photos = input.lines[i]?.photoIds ?? [];
        if (line && photos.length > 0) await r.portal.linkUploads(photos, c.id, line.id);
      }
    }
    return opened;
  });
}
