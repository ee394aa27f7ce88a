import { parseScan } from "../../domain/receiving/scan.ts";
import type { ReturnCase } from "../../domain/return-case.ts";
import type { Deps, Repos } from "../ports/index.ts";

/** How a scan found its return(s): the label's QR code or parcel code, the RMA, tracking or order number. */
export type MatchedBy = "parcel" | "case_number" | "tracking" | "order" | "none";

export interface ReceivingLookup {
  readonly matchedBy: MatchedBy;
  readonly cases: readonly ReturnCase[];
  /** Per SKU of those cases, its GTIN-14 (item barcodes are matched by SKU or GTIN). */
  readonly gtins: ReadonlyMap<string, string>;
}

async function caseIds(r: Repos, merchantId: string, raw: string): Promise<[MatchedBy, string[]]> {
  const scan = parseScan(raw);
  if (scan.kind === "case_number") {
    const id = await r.receiving.caseIdByNumber(merchantId, scan.number);
    if (id) return ["case_number", [id]];
  }
  const code = scan.kind === "parcel" ? scan.code : scan.kind === "text" ? scan.code : scan.number;
  const parcel = await r.shipments.byCode(merchantId, code);
  if (parcel) return ["parcel", [parcel.caseId]];
  const tracked = await r.shipments.byTracking(code, merchantId);
  if (tracked.length > 0) return ["tracking", [...new Set(tracked.map((s) => s.caseId))]];
  const order = await r.orders.get(merchantId, code);
  if (order) return ["order", await r.receiving.caseIdsByOrder(merchantId, order.id)];
  return ["none", []];
}

/**
 * What a receiving station shows for a scanned RMA label, QR code, RMA, tracking or order number: the
 * merchant's cases it names with their expected lines. Nothing found is an answer too (`none`): the
 * parcel can be parked as a blind receipt.
 */
export async function lookupForReceiving(
  deps: Deps,
  merchantId: string,
  raw: string,
): Promise<ReceivingLookup> {
  const r = deps.store.read;
  const [matchedBy, ids] = await caseIds(r, merchantId, raw);
  const cases = (await Promise.all(ids.map((id) => r.cases.load(merchantId, id)))).filter(
    (c): c is ReturnCase => c !== null,
  );
  const gtins = await r.receiving.gtins(merchantId, [
    ...new Set(cases.flatMap((c) => c.lines.map((l) => l.sku))),
  ]);
  return { matchedBy: cases.length > 0 ? matchedBy : "none", cases, gtins };
}
