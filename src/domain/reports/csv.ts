/** RFC 4180 CSV (CRLF, quoted where needed), safe to open in a spreadsheet. */

export type Cell = string | number | null;

/** A text cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
const FORMULA = /^[=+\-@\t\r]/;

function cell(v: Cell): string {
  if (v === null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  const text = FORMULA.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows]
    .map((r) => r.map(cell).join(","))
    .join("\r\n")
    .concat("\r\n");
}
