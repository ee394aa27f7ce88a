/**
 * Item barcodes on the station (it must work offline, so it matches without the server): a line's SKU,
 * ignoring case, or its GTIN (EAN-8, UPC-A, EAN-13, GTIN-14 or a GS1 element string with AI 01).
 */
import type { ReceivingLine } from "./types.ts";

function checkDigitOk(code: string): boolean {
  let sum = 0;
  for (let i = 1; i < code.length; i++) {
    const d = code.charCodeAt(code.length - 1 - i) - 48;
    sum += i % 2 === 1 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10 === code.charCodeAt(code.length - 1) - 48;
}

/** The scanned code as GTIN-14, or null. */
export function gtin14(scanned: string): string | null {
  const s = scanned.replace(/^\][A-Za-z]\d/, "");
  const ai = /^\(01\)(\d{14})/.exec(s) ?? /^01(\d{14})/.exec(s);
  const code = /^\d+$/.test(s) ? s : (ai?.[1] ?? "");
  if (![8, 12, 13, 14].includes(code.length) || !checkDigitOk(code)) return null;
  return code.padStart(14, "0");
}

/** Scanner input without control characters or surrounding blanks. */
export const cleanScan = (raw: string): string => raw.replace(/\p{Cc}/gu, "").trim();

/** Whether a scan names a return rather than an item: a label QR code or an RMA number. */
export const namesReturn = (code: string): boolean =>
  /^CROSSBACK:RETURN:/i.test(code) || /^R-?\d{1,12}$/i.test(code);

export function lineOfScan<L extends Pick<ReceivingLine, "sku" | "gtin">>(
  lines: readonly L[],
  scanned: string,
): L | null {
  const s = cleanScan(scanned);
  const bySku = lines.find((l) => l.sku.toLowerCase() === s.toLowerCase());
  if (bySku) return bySku;
  const g = gtin14(s);
  return g ? (lines.find((l) => l.gtin === g) ?? null) : null;
}
