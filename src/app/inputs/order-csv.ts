/**
 * CSV order import format: one row per order line; order-level columns repeat on every row of the
 * order (or stay empty after the first). A row with `tender_kind` adds one tender to its order; a row
 * with `fulfilment_id` puts `fulfilled_quantity` (default: the line's quantity) of its line into that
 * fulfilment. Money columns are decimal strings in the order's currency, as in the API.
 */

export interface CsvRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

type Path = readonly PropertyKey[];

export interface CsvOrder {
  readonly externalId: string;
  readonly body: Record<string, unknown>;
  lineOf(path: Path): number;
  columnOf(path: Path): string | null;
}

export interface CsvError {
  readonly orderId: string;
  readonly line: number;
  readonly path: string | null;
  readonly message: string;
}

/** Order-level columns and where each lands in the API body. */
const ORDER_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  placed_at: ["placedAt"],
  currency: ["currency"],
  customer_email: ["customer", "email"],
  customer_name: ["customer", "name"],
  customer_locale: ["customer", "locale"],
  customer_time_zone: ["customer", "timeZone"],
  ship_country: ["shippingAddress", "country"],
  ship_region: ["shippingAddress", "region"],
  ship_postal_code: ["shippingAddress", "postalCode"],
  ship_city: ["shippingAddress", "city"],
  ship_line1: ["shippingAddress", "line1"],
  taxes_included: ["taxesIncluded"],
  return_terms_disclosed: ["returnTermsDisclosed"],
  shipping_amount: ["shipping", "amount"],
  shipping_tax: ["shipping", "tax"],
  shipping_method: ["shipping", "method"],
  cheapest_standard_shipping: ["shipping", "cheapestStandardAmount"],
  duties_amount: ["duties", "amount"],
  duties_paid_by: ["duties", "paidBy"],
  duties_incoterm: ["duties", "incoterm"],
};
const LINE_COLUMNS = {
  line_id: "externalId",
  sku: "sku",
  title: "title",
  quantity: "quantity",
  unit_price: "unitPrice",
  line_tax: "tax",
  line_discount: "discount",
} as const;
const TENDER_COLUMNS = {
  tender_kind: "kind",
  tender_provider: "provider",
  tender_reference: "reference",
  tender_amount: "amount",
  tender_captured_at: "capturedAt",
} as const;
const FULFILMENT_COLUMNS = {
  shipped_at: "shippedAt",
  delivered_at: "deliveredAt",
  carrier: "carrier",
  tracking_number: "trackingNumber",
} as const;

export const REQUIRED_COLUMNS = [
  "order_id",
  "placed_at",
  "currency",
  "customer_email",
  "ship_country",
  "taxes_included",
  "line_id",
  "sku",
  "title",
  "quantity",
  "unit_price",
];

const BOOLEAN = (v: string): boolean | string =>
  /^(true|yes|1)$/i.test(v) ? true : /^(false|no|0)$/i.test(v) ? false : v;
const INTEGER = (v: string): number | string => (/^-?\d+$/.test(v) ? Number(v) : v);
const convert = (column: string, v: string): unknown =>
  column === "taxes_included" || column === "return_terms_disclosed"
    ? BOOLEAN(v)
    : column === "quantity" || column === "fulfilled_quantity"
      ? INTEGER(v)
      : v;

function set(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let t = target;
  for (const key of path.slice(0, -1)) {
    t[key] ??= {};
    t = t[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (last) t[last] = value;
}

function pick(row: CsvRow, columns: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [col, field] of Object.entries(columns))
    if (row.values[col]) out[field] = convert(col, row.values[col] ?? "");
  return out;
}

export function groupOrders(rows: readonly CsvRow[]): { orders: CsvOrder[]; errors: CsvError[] } {
  const errors: CsvError[] = [];
  const header = rows[0] ? Object.keys(rows[0].values) : [];
  const missing = REQUIRED_COLUMNS.filter((c) => rows.length > 0 && !header.includes(c));
  if (missing.length > 0)
    return {
      orders: [],
      errors: [{ orderId: "", line: 1, path: null, message: `missing column(s): ${missing.join(", ")}` }],
    };

  const byId = new Map<string, CsvRow[]>();
  for (const row of rows) {
    const id = row.values.order_id ?? "";
    if (!id) {
      errors.push({ orderId: "", line: row.line, path: "order_id", message: "is required" });
      continue;
    }
    byId.set(id, [...(byId.get(id) ?? []), row]);
  }
  const orders = [...byId].map(([externalId, group]) => buildOrder(externalId, group, errors));
  return { orders, errors };
}

function buildOrder(externalId: string, group: CsvRow[], errors: CsvError[]): CsvOrder {
  const first = group[0] as CsvRow;
  const body: Record<string, unknown> = {};
  for (const [col, path] of Object.entries(ORDER_COLUMNS)) {
    for (const row of group) {
      const v = row.values[col];
      if (!v) continue;
      const seen = first.values[col];
      if (seen && v !== seen)
        errors.push({
          orderId: externalId,
          line: row.line,
          path: col,
          message: `differs from line ${first.line} ("${seen}") for the same order`,
        });
      else if (!seen && row !== first)
        errors.push({
          orderId: externalId,
          line: row.line,
          path: col,
          message: `set here but not on the order's first row (line ${first.line})`,
        });
    }
    if (first.values[col]) set(body, path, convert(col, first.values[col] ?? ""));
  }
  const tenderRows = group.filter((r) => r.values.tender_kind);
  const fulfilments = new Map<string, { rows: CsvRow[]; value: Record<string, unknown> }>();
  for (const row of group) {
    const fid = row.values.fulfilment_id;
    if (!fid) continue;
    const f = fulfilments.get(fid) ?? {
      rows: [],
      value: { externalId: fid, ...pick(row, FULFILMENT_COLUMNS), lines: [] },
    };
    (f.value.lines as unknown[]).push({
      lineExternalId: row.values.line_id,
      quantity: convert("fulfilled_quantity", row.values.fulfilled_quantity || row.values.quantity || ""),
    });
    f.rows.push(row);
    fulfilments.set(fid, f);
  }
  body.lines = group.map((r) => pick(r, LINE_COLUMNS));
  body.tenders = tenderRows.map((r) => pick(r, TENDER_COLUMNS));
  body.fulfilments = [...fulfilments.values()].map((f) => f.value);
  const fulfilmentRows = [...fulfilments.values()].map((f) => f.rows);

  const lineOf = (path: Path): number => {
    const [head, index] = path;
    const i = typeof index === "number" ? index : Number(index);
    if (head === "lines") return group[i]?.line ?? first.line;
    if (head === "tenders") return tenderRows[i]?.line ?? first.line;
    if (head === "fulfilments") return fulfilmentRows[i]?.[0]?.line ?? first.line;
    return first.line;
  };
  const columnOf = (path: Path): string | null => {
    const [head, , field] = path;
    const find = (table: Readonly<Record<string, string>>) =>
      Object.entries(table).find(([, f]) => f === field)?.[0] ?? null;
    if (head === "lines") return find(LINE_COLUMNS);
    if (head === "tenders") return find(TENDER_COLUMNS);
    if (head === "fulfilments") return field === "lines" ? "fulfilment_id" : find(FULFILMENT_COLUMNS);
    const key = path.map(String).join(".");
    return (
      Object.entries(ORDER_COLUMNS).find(([, p]) => p.join(".") === key)?.[0] ??
      (path.length > 0 ? key : null)
    );
  };
  return { externalId, body, lineOf, columnOf };
}
