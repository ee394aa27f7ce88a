import type { ReceivingLookup } from "../app/receiving/lookup.ts";
import type { BlindReceipt } from "../app/receiving/records.ts";
import { allowedCommands } from "../domain/case-status.ts";
import type { ReturnCase } from "../domain/return-case.ts";

/** A case as the receiving station needs it: each line's SKU, GTIN and the units still expected. */
export function presentReceivingCase(c: ReturnCase, gtins: ReadonlyMap<string, string>) {
  return {
    id: c.id,
    number: c.number,
    status: c.status,
    version: c.version,
    orderExternalId: c.orderExternalId,
    vendor: c.vendor,
    allowedCommands: allowedCommands(c.status),
    lines: c.lines.map((l) => ({
      id: l.id,
      sku: l.sku,
      gtin: gtins.get(l.sku) ?? null,
      title: l.title,
      reason: l.reason,
      approved: l.counts.approved,
      received: l.counts.received,
      lost: l.counts.lost,
      accepted: l.counts.accepted,
      refused: l.counts.refused,
      /** Units still expected in a parcel. */
      expected: Math.max(0, l.counts.approved - l.counts.received - l.counts.lost),
      /** Units received and not yet graded. */
      toInspect: Math.max(0, l.counts.received - l.counts.accepted - l.counts.refused),
    })),
  };
}

export function presentLookup(code: string, l: ReceivingLookup) {
  return { code, matchedBy: l.matchedBy, cases: l.cases.map((c) => presentReceivingCase(c, l.gtins)) };
}

export function presentBlindReceipt(b: BlindReceipt, location: string | null) {
  return {
    id: b.id,
    number: b.number,
    status: b.status,
    location,
    scannedCode: b.scannedCode,
    items: b.items.map((i) => ({ code: i.code, quantity: i.quantity, description: i.description })),
    note: b.note,
    caseId: b.caseId,
    parkedAt: b.parkedAt.toISOString(),
    parkedBy: { kind: b.parkedBy.kind, id: b.parkedBy.id, name: b.parkedBy.name ?? null },
    matchedAt: b.matchedAt?.toISOString() ?? null,
    matchedBy: b.matchedBy
      ? { kind: b.matchedBy.kind, id: b.matchedBy.id, name: b.matchedBy.name ?? null }
      : null,
  };
}
