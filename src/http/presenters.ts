import type { Product, Settlement, StoredEvent } from "../app/ports/index.ts";
import { allowedCommands, FINISHED_STATUSES } from "../domain/case-status.ts";
import { formatMoney, type Money } from "../domain/money.ts";
import type { Order } from "../domain/order.ts";
import type { ReturnCase } from "../domain/return-case.ts";
import { faultOf } from "../domain/return-reasons.ts";
import { isEngineDecision, presentDecision } from "./present-decision.ts";
import { presentSettlementFull } from "./present-money.ts";

/** Turns domain values into the public JSON: money as decimal strings, times as ISO 8601. */

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const amount = (m: Money): string => formatMoney(m);

/** met: everything due is refunded; overdue: past the last local day; approaching: within 3 days of it. */
export function refundDeadlineStatus(c: ReturnCase, now: Date): "met" | "open" | "approaching" | "overdue" {
  const dueBy = String(c.refundDeadline?.dueBy ?? "");
  const owed = c.lines.some(
    (l) => l.counts.refunded < Math.max(l.counts.approved, l.counts.requested - l.counts.rejected),
  );
  if (!owed || FINISHED_STATUSES.includes(c.status)) return "met";
  const today = now.toISOString().slice(0, 10);
  if (today > dueBy) return "overdue";
  const soon = new Date(now.getTime() + 3 * 86_400_000).toISOString().slice(0, 10);
  return soon >= dueBy ? "approaching" : "open";
}

export function presentCase(c: ReturnCase, settlements?: readonly Settlement[], now?: Date) {
  return {
    id: c.id,
    number: c.number,
    status: c.status,
    version: c.version,
    allowedCommands: allowedCommands(c.status),
    orderExternalId: c.orderExternalId,
    customerId: c.customerId,
    vendor: c.vendor,
    /** Shared by the cases a return of several vendors' goods was split into (null: not split). */
    groupId: c.groupId ?? null,
    currency: c.currency,
    locale: c.locale,
    source: c.source,
    requestedResolution: c.requestedResolution,
    returnRequired: c.returnRequired,
    shipBy: iso(c.shipBy),
    refundDeadline: c.refundDeadline
      ? { ...c.refundDeadline, status: refundDeadlineStatus(c, now ?? new Date()) }
      : null,
    /** Units refunded before inspection that inspection then refused: the merchant decides (recover or write off). */
    refundedButRefused: c.lines
      .filter(
        (l) =>
          l.counts.refused > 0 &&
          l.counts.refunded >
            l.counts.accepted + l.counts.lost + (l.counts.approved - l.counts.received - l.counts.lost),
      )
      .map((l) => ({ lineId: l.id, sku: l.sku, refused: l.counts.refused, refunded: l.counts.refunded })),
    decision: isEngineDecision(c.decision) ? presentDecision(c.decision) : c.decision,
    overrides: c.overrides.map((o) => ({ ...o, at: o.at.toISOString() })),
    expressAgreements: c.expressAgreements.map((a) => ({ ...a, at: a.at.toISOString() })),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    lines: c.lines.map((l) => ({
      id: l.id,
      orderLineExternalId: l.orderLineExternalId,
      sku: l.sku,
      title: l.title,
      unitPrice: amount(l.unitPrice),
      reason: l.reason,
      fault: faultOf(l.reason),
      comment: l.comment,
      resolution: l.resolution,
      quantities: l.counts,
    })),
    ...(settlements ? { settlements: settlements.map(presentSettlementFull) } : {}),
  };
}

export function presentEvent(e: StoredEvent) {
  return {
    id: e.id,
    seq: e.seq,
    type: e.type,
    at: e.at.toISOString(),
    actor: e.actor,
    reason: e.reason,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    data: e.data,
  };
}

export function presentProduct(p: Product) {
  const { id, updatedAt, prices, ...rest } = p;
  return {
    id,
    ...rest,
    prices: Object.fromEntries(
      Object.entries(prices).map(([currency, minor]) => [currency, amount({ amount: minor, currency })]),
    ),
    updatedAt: updatedAt.toISOString(),
  };
}

export function presentOrder(o: Order) {
  return {
    id: o.id,
    externalId: o.externalId,
    customerId: o.customerId,
    placedAt: o.placedAt.toISOString(),
    currency: o.currency,
    taxesIncluded: o.taxesIncluded,
    shippingAddress: o.shippingAddress,
    returnTermsDisclosed: o.returnTermsDisclosed,
    lines: o.lines.map((l) => ({
      id: l.id,
      externalId: l.externalId,
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      unitPrice: amount(l.unitPrice),
      tax: amount(l.tax),
      discount: amount(l.discount),
      startsAt: iso(l.startsAt ?? null),
    })),
    shipping: {
      amount: amount(o.shipping.amount),
      tax: amount(o.shipping.tax),
      method: o.shipping.method,
      cheapestStandardAmount: o.shipping.cheapestStandardAmount
        ? amount(o.shipping.cheapestStandardAmount)
        : null,
    },
    duties: o.duties
      ? { amount: amount(o.duties.amount), paidBy: o.duties.paidBy, incoterm: o.duties.incoterm }
      : null,
    tenders: o.tenders.map((t) => ({ ...t, amount: amount(t.amount), capturedAt: iso(t.capturedAt) })),
    fulfilments: o.fulfilments.map((f) => ({
      id: f.id,
      externalId: f.externalId,
      lines: f.lines.map((fl) => ({
        lineExternalId: o.lines.find((l) => l.id === fl.orderLineId)?.externalId ?? fl.orderLineId,
        quantity: fl.quantity,
      })),
      shippedAt: iso(f.shippedAt),
      deliveredAt: iso(f.deliveredAt),
      carrier: f.carrier,
      trackingNumber: f.trackingNumber,
    })),
  };
}
