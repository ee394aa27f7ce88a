import { parse } from "csv-parse/sync";
import { describe, type FieldIssue } from "../domain/errors.ts";
import type { OrderDraft } from "../domain/order-draft.ts";
import { type CsvOrder, type CsvRow, groupOrders } from "./inputs/order-csv.ts";
import { orderBody, toOrderDraft } from "./inputs/order-input.ts";
import { writeOrder } from "./orders.ts";
import type { Deps } from "./ports/index.ts";

export interface ImportError {
  readonly line: number;
  readonly path: string | null;
  readonly message: string;
}

export interface ImportReport {
  readonly rows: number;
  readonly orders: number;
  readonly skippedOrders: number;
  readonly imported: boolean;
  readonly errors: ImportError[];
}

/** What one import may hold: a file of at most `maxBytes` (UTF-8) and `maxRows` data rows. */
export interface CsvLimits {
  readonly maxBytes: number;
  readonly maxRows: number;
}

export const CSV_LIMITS: CsvLimits = { maxBytes: 10 * 1024 * 1024, maxRows: 50_000 };

class Rollback extends Error {}

const refused = (path: string, message: string): ImportReport => ({
  rows: 0,
  orders: 0,
  skippedOrders: 0,
  imported: false,
  errors: [{ line: 0, path, message }],
});

/**
 * Imports orders from CSV (one row per order line; see docs in order-csv.ts). All or nothing:
 * any bad row imports nothing, unless `skipInvalid`, which imports every valid order.
 */
export async function importOrdersCsv(
  deps: Deps,
  merchantId: string,
  text: string,
  opts: { skipInvalid: boolean; limits?: CsvLimits },
): Promise<ImportReport> {
  const limits = opts.limits ?? CSV_LIMITS;
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > limits.maxBytes)
    return refused("file", `is ${bytes} bytes; an import takes at most ${limits.maxBytes} (split the file)`);
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      to: limits.maxRows + 1,
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      bom: true,
      trim: true,
    });
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 1;
    return {
      rows: 0,
      orders: 0,
      skippedOrders: 0,
      imported: false,
      errors: [{ line, path: null, message: (e as Error).message }],
    };
  }
  if (records.length > limits.maxRows)
    return refused(
      "rows",
      `more than ${limits.maxRows} rows; an import takes at most ${limits.maxRows} (split the file)`,
    );
  const rows: CsvRow[] = records.map((r, i) => ({ line: i + 2, values: r }));
  const { orders, errors } = groupOrders(rows);
  const bad = new Set<string>(errors.map((e) => e.orderId));
  const all: ImportError[] = errors.map((e) => ({ line: e.line, path: e.path, message: e.message }));
  const valid: { o: CsvOrder; draft: OrderDraft }[] = [];
  for (const o of orders) {
    if (bad.has(o.externalId)) continue;
    const parsed = orderBody.safeParse(o.body);
    if (!parsed.success) {
      bad.add(o.externalId);
      for (const issue of parsed.error.issues)
        all.push({ line: o.lineOf(issue.path), path: o.columnOf(issue.path), message: issue.message });
      continue;
    }
    valid.push({ o, draft: toOrderDraft(o.externalId, parsed.data) });
  }
  if (all.length > 0 && !opts.skipInvalid) return report(rows.length, 0, bad.size, false, all);

  let written = 0;
  const checked = { bad: [...bad], all: [...all] };
  try {
    await deps.store.transaction(async (r) => {
      // A try the store runs again (a deadlock) starts from what the checks before it found.
      written = 0;
      bad.clear();
      for (const id of checked.bad) bad.add(id);
      all.splice(0, all.length, ...checked.all);
      for (const { o, draft } of valid) {
        // writeOrder decides before it writes: a refused order leaves nothing behind.
        const res = await writeOrder(deps, r, merchantId, draft);
        if (res.ok) {
          written++;
          continue;
        }
        bad.add(o.externalId);
        const issues: FieldIssue[] =
          res.error.code === "invalid_input"
            ? [...res.error.issues]
            : [{ path: "", message: describe(res.error) }];
        for (const i of issues) {
          const path = i.path.split(/[.[\]]/).filter(Boolean);
          all.push({ line: o.lineOf(path), path: o.columnOf(path), message: i.message });
        }
        if (!opts.skipInvalid) throw new Rollback();
      }
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    return report(rows.length, 0, bad.size, false, all);
  }
  return report(rows.length, written, bad.size, true, all);
}

function report(
  rows: number,
  orders: number,
  skippedOrders: number,
  imported: boolean,
  errors: ImportError[],
): ImportReport {
  return { rows, orders, skippedOrders, imported, errors: errors.sort((a, b) => a.line - b.line) };
}
