import type { CaseStatus } from "../../domain/case-status.ts";
import type { ExpressAgreement } from "../../domain/refund/store-credit-agreement.ts";
import type { CaseLine, CaseSource, Override, ReturnCase } from "../../domain/return-case.ts";
import type { Resolution, ReturnReason } from "../../domain/return-reasons.ts";
import { type BankSeal, openPortal } from "./bank-seal.ts";
import type { returnCases, returnLines } from "./schema.ts";

/** A case row and its lines as the use cases see them. */
export type CaseRow = typeof returnCases.$inferSelect;
export type LineRow = typeof returnLines.$inferSelect;

function toLine(l: LineRow): CaseLine {
  return {
    id: l.id,
    orderLineId: l.orderLineId,
    orderLineExternalId: l.orderLineExternalId,
    sku: l.sku,
    title: l.title,
    unitPrice: { amount: l.unitPrice, currency: l.currency },
    reason: l.reason as ReturnReason,
    comment: l.comment,
    resolution: l.resolution as Resolution,
    counts: {
      requested: l.requested,
      approved: l.approved,
      rejected: l.rejected,
      shipped: l.shipped,
      received: l.received,
      accepted: l.accepted,
      refused: l.refused,
      lost: l.lost,
      resolved: l.resolved,
      refunded: l.refunded,
    },
  };
}

export function toCase(row: CaseRow, lines: LineRow[], seal: BankSeal): ReturnCase {
  const overrides = (row.overrides as (Omit<Override, "at"> & { at: string })[]).map((o) => ({
    ...o,
    at: new Date(o.at),
  }));
  return {
    id: row.id,
    merchantId: row.merchantId,
    number: row.number,
    orderId: row.orderId,
    orderExternalId: row.orderExternalId,
    customerId: row.customerId,
    vendor: row.vendor,
    groupId: row.groupId,
    currency: row.currency,
    locale: row.locale,
    source: row.source as CaseSource,
    status: row.status as CaseStatus,
    requestedResolution: row.requestedResolution as Resolution,
    returnRequired: row.returnRequired,
    decision: row.decision as Record<string, unknown>,
    overrides,
    expressAgreements: (row.expressAgreements as (Omit<ExpressAgreement, "at"> & { at: string })[]).map(
      (a) => ({ ...a, at: new Date(a.at) }),
    ),
    shipBy: row.shipBy,
    refundDeadline: (row.refundDeadline as Record<string, unknown> | null) ?? null,
    portal: openPortal(seal, row.portal),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    lines: lines.sort((a, b) => a.position - b.position).map(toLine),
  };
}
