import { gtinOfScan } from "./gtin.ts";

/** The prefix of the QR code on every return label (the hub scans it too). */
export const LABEL_QR_PREFIX = "CROSSBACK:RETURN:";

/** What a receiving station's scan names: a parcel (label QR), a return (RMA number) or anything else. */
export type ScannedCode =
  | { readonly kind: "parcel"; readonly code: string }
  | { readonly kind: "case_number"; readonly number: string }
  | { readonly kind: "text"; readonly code: string };

/**
 * Reads what a keyboard-wedge scanner typed: control characters and surrounding blanks dropped, a
 * label's QR payload to its parcel code, `R-000123` (any case, any zeros) to an RMA number.
 */
export function parseScan(raw: string): ScannedCode {
  const s = raw.replace(/\p{Cc}/gu, "").trim();
  if (s.toUpperCase().startsWith(LABEL_QR_PREFIX))
    return { kind: "parcel", code: s.slice(LABEL_QR_PREFIX.length) };
  const rma = /^R-?(\d{1,12})$/i.exec(s);
  if (rma?.[1]) return { kind: "case_number", number: `R-${rma[1].padStart(6, "0")}` };
  return { kind: "text", code: s };
}

export interface ScannableLine {
  readonly id: string;
  readonly sku: string;
  /** GTIN-14 of the line's product, if the catalogue has one. */
  readonly gtin: string | null;
}

/** The line an item barcode belongs to: its SKU (ignoring case) or its GTIN; null when none does. */
export function lineOfItemScan<L extends ScannableLine>(lines: readonly L[], scanned: string): L | null {
  const s = scanned.replace(/\p{Cc}/gu, "").trim();
  const bySku = lines.find((l) => l.sku.toLowerCase() === s.toLowerCase());
  if (bySku) return bySku;
  const gtin = gtinOfScan(s);
  return gtin ? (lines.find((l) => l.gtin === gtin) ?? null) : null;
}
