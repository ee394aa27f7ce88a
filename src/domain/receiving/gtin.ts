/**
 * GTINs (GS1 item barcodes: EAN-8, UPC-A, EAN-13, GTIN-14). A scanner reads any of these lengths for
 * the same item, so they are compared as GTIN-14 (zeros in front).
 */

const GTIN_LENGTHS = [8, 12, 13, 14];

/** The GS1 mod-10 check digit of the digits before it. */
function checkDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const d = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Whether `code` is a GTIN of a valid length whose check digit is right. */
export function isGtin(code: string): boolean {
  if (!/^\d+$/.test(code) || !GTIN_LENGTHS.includes(code.length)) return false;
  return checkDigit(code.slice(0, -1)) === code.charCodeAt(code.length - 1) - 48;
}

/** The GTIN-14 of a GTIN, or null when `code` is none. */
export function gtin14(code: string): string | null {
  return isGtin(code) ? code.padStart(14, "0") : null;
}

/**
 * The GTIN an item barcode carries: a plain GTIN, or the GS1 application identifier (01) of a GS1-128
 * or GS1 DataMatrix element string ("(01)04012345000016(21)…" or "0104012345000016…").
 */
export function gtinOfScan(scanned: string): string | null {
  const s = scanned.replace(/^\][A-Za-z]\d/, "");
  const plain = gtin14(s);
  if (plain) return plain;
  const ai = /^\(01\)(\d{14})/.exec(s) ?? /^01(\d{14})/.exec(s);
  return ai?.[1] ? gtin14(ai[1]) : null;
}
