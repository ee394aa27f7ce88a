import { localDateOf } from "../../domain/calendar/time-zone.ts";
import type { DomainError } from "../../domain/errors.ts";
import type { Money } from "../../domain/money.ts";
import { deliveredQuantity, type Order } from "../../domain/order.ts";
import { selectPolicy } from "../../domain/policy/policy-scope.ts";
import type { ReturnPolicy } from "../../domain/policy/return-policy.ts";
import { explainLine, type LineExplanation } from "../../domain/portal/line-explanation.ts";
import { offersWithdrawalFunction } from "../../domain/portal/withdrawal-function.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import type { ReturnCase } from "../../domain/return-case.ts";
import { CONFORMITY_REASONS, RETURN_REASONS, type ReturnReason } from "../../domain/return-reasons.ts";
import { paidForUnits } from "../../domain/tender-allocation.ts";
import { currentPolicies } from "../policies.ts";
import type { Deps, Merchant, Repos } from "../ports/index.ts";
import { evaluate } from "../return-evaluation.ts";
import type { PortalSession } from "./session-token.ts";

export interface PortalLine {
  readonly externalId: string;
  readonly sku: string;
  readonly title: string;
  readonly quantity: number;
  /** Delivered and not held by another return: what can still be returned. */
  readonly returnable: number;
  /** What one unit cost the shopper after discounts (hidden from gift recipients by the presenter). */
  readonly unitPaid: Money;
  readonly reasons: readonly ReturnReason[];
  readonly photosRequiredFor: readonly ReturnReason[];
  /** Can an exchange be offered: the product has other variants. */
  readonly hasVariants: boolean;
  /** For a change of mind (the default reason): the basis or why not. */
  readonly changeOfMind: LineExplanation | null;
}

export interface PortalOrder {
  readonly merchant: Merchant;
  readonly order: Order;
  readonly gift: boolean;
  readonly lines: readonly PortalLine[];
  readonly withdrawalFunction: boolean;
  readonly cases: readonly ReturnCase[];
  readonly paidByBankTransfer: boolean;
}

export interface SessionContext {
  readonly merchant: Merchant;
  readonly order: Order;
  readonly session: PortalSession;
}

/** The session's merchant and order; a session whose order or merchant vanished is not found. */
export async function sessionContext(
  r: Repos,
  session: PortalSession,
): Promise<Result<SessionContext, DomainError>> {
  const merchant = await r.merchants.byId(session.merchantId);
  const order = merchant ? await r.orders.getById(merchant.id, session.orderId) : null;
  if (!merchant || !order) return err({ code: "not_found", entity: "order", id: session.orderId });
  return ok({ merchant, order, session });
}

/** Reasons the line's policy offers (all when it lists none); faulty-goods reasons always, by law. */
export function reasonsFor(policy: ReturnPolicy | null): { reasons: ReturnReason[]; photos: ReturnReason[] } {
  const listed = policy ? (Object.keys(policy.reasons) as ReturnReason[]) : [];
  const allowed =
    listed.length === 0 ? [...RETURN_REASONS] : listed.filter((r) => policy?.reasons[r]?.allowed);
  const reasons = RETURN_REASONS.filter((r) => allowed.includes(r) || CONFORMITY_REASONS.includes(r));
  return { reasons, photos: reasons.filter((r) => policy?.reasons[r]?.photosRequired) };
}

export function lineFacts(policies: readonly ReturnPolicy[], order: Order, sku: string) {
  const line = order.lines.find((l) => l.sku === sku);
  return selectPolicy(policies, {
    country: order.shippingAddress.country,
    vendor: line?.product?.vendor ?? null,
    category: line?.product?.category ?? null,
    sku,
  });
}

const BANK_TENDERS = new Set(["bank_transfer", "cash_on_delivery"]);

/** What the shopper sees after the lookup: every line, what can come back and on what basis. */
export async function portalOrder(
  deps: Deps,
  session: PortalSession,
): Promise<Result<PortalOrder, DomainError>> {
  const r = deps.store.read;
  const ctx = await sessionContext(r, session);
  if (!ctx.ok) return ctx;
  const { merchant, order } = ctx.value;
  const now = deps.clock.now();
  const held = await r.cases.heldByOrder(merchant.id, order.id, null);
  const policies = await currentPolicies(r, merchant.id);
  const returnable = new Map(
    order.lines.map((l) => [l.id, Math.max(0, deliveredQuantity(order, l.id, now) - (held.get(l.id) ?? 0))]),
  );
  const open = order.lines.filter((l) => (returnable.get(l.id) ?? 0) > 0);
  const judged =
    open.length === 0
      ? null
      : await evaluate(
          r,
          merchant.id,
          {
            orderExternalId: order.externalId,
            lines: open.map((l) => ({
              orderLineExternalId: l.externalId,
              quantity: returnable.get(l.id) ?? 1,
              reason: "changed_mind" as const,
            })),
          },
          now,
          false,
        );
  const decisions = judged?.ok ? judged.value.decision.lines : [];
  const lines: PortalLine[] = [];
  for (const l of order.lines) {
    const d = decisions.find((x) => x.orderLineExternalId === l.externalId);
    const product = await r.products.get(merchant.id, l.sku);
    const { reasons, photos } = reasonsFor(lineFacts(policies, order, l.sku));
    lines.push({
      externalId: l.externalId,
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      returnable: returnable.get(l.id) ?? 0,
      unitPaid: paidForUnits(order, l.id, 0, 1),
      reasons,
      photosRequiredFor: photos,
      hasVariants: product?.variantGroup != null,
      changeOfMind: d ? explainLine(d, localDateOf(now, d.timeZone)) : null,
    });
  }
  return ok({
    merchant,
    order,
    gift: session.gift,
    lines,
    withdrawalFunction: !session.gift && offersWithdrawalFunction(order.shippingAddress.country),
    cases: await r.cases.list(merchant.id, { orderId: order.id, limit: 50 }),
    paidByBankTransfer: order.tenders.some((t) => BANK_TENDERS.has(t.kind)),
  });
}
