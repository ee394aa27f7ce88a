import type { LineQuantity, ReceiptExceptionInput, ReturnCase } from "../return-case.ts";
import { lineOfItemScan } from "./scan.ts";

/** One kind of item found in a parcel without an RMA: the barcode or SKU read, how many, what it looks like. */
export interface ParkedItem {
  readonly code: string;
  readonly quantity: number;
  readonly description: string | null;
}

export const BLIND_RECEIPT_STATUSES = ["parked", "matched"] as const;
export type BlindReceiptStatus = (typeof BLIND_RECEIPT_STATUSES)[number];

/** The receipt a parked parcel means for the case it is matched to. */
export interface MatchedReceipt {
  readonly lines: readonly LineQuantity[];
  readonly exceptions: readonly ReceiptExceptionInput[];
}

/**
 * What a parked parcel's items mean on a case: items whose SKU or GTIN is a line's are received up to
 * the units still expected, the rest of them are `extra`; items of no line are a `wrong_item`.
 */
export function receiptForMatch(
  c: ReturnCase,
  gtins: ReadonlyMap<string, string>,
  items: readonly ParkedItem[],
  label: string,
): MatchedReceipt {
  const lines = c.lines.map((l) => ({ id: l.id, sku: l.sku, gtin: gtins.get(l.sku) ?? null }));
  const open = new Map(c.lines.map((l) => [l.id, l.counts.approved - l.counts.received - l.counts.lost]));
  const received = new Map<string, number>();
  const exceptions: ReceiptExceptionInput[] = [];
  for (const item of items) {
    const line = lineOfItemScan(lines, item.code);
    const what = item.description ? `${item.code} (${item.description})` : item.code;
    if (!line) {
      exceptions.push({ kind: "wrong_item", quantity: item.quantity, note: `${label}: ${what}` });
      continue;
    }
    const left = open.get(line.id) ?? 0;
    const take = Math.min(left, item.quantity);
    if (take > 0) received.set(line.id, (received.get(line.id) ?? 0) + take);
    open.set(line.id, left - take);
    if (item.quantity > take)
      exceptions.push({
        kind: "extra",
        lineId: line.id,
        quantity: item.quantity - take,
        note: `${label}: ${what}`,
      });
  }
  return { lines: [...received].map(([lineId, quantity]) => ({ lineId, quantity })), exceptions };
}
