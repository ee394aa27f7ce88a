import { type Column, getTableColumns, getTableName, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { runBuilt } from "./built-sql.ts";
import type { Executor } from "./database.ts";

/*
 * Row writes whose statement text is built once per process (built-sql.ts) for each set of columns
 * they write, where Drizzle's builder took about a millisecond per call on the settlement path.
 * Values pass through each column's own driver mapping (JSON, dates, bigint), and returned rows
 * through its mapping back, so they read as Drizzle's `select` reads them.
 */

const placeholder = (key: string, col: Column): SQL =>
  sql`${sql.placeholder(key)}::${sql.raw(col.getSQLType())}`;

function driverValues(columns: Record<string, Column>, values: Record<string, unknown>) {
  const keys = Object.keys(values).filter((k) => values[k] !== undefined);
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const col = columns[k];
    if (!col) throw new Error(`no column "${k}"`);
    out[k] = values[k] === null ? null : col.mapToDriverValue(values[k]);
  }
  return { keys, out };
}

/** Inserts one row of `table` (the columns it gives; the others take their defaults). */
export async function insertRow<T extends PgTable>(
  db: Executor,
  table: T,
  row: T["$inferInsert"],
): Promise<void> {
  const columns = getTableColumns(table);
  const { keys, out } = driverValues(columns, row);
  await runBuilt(
    db,
    `insert:${getTableName(table)}:${keys.join(",")}`,
    () => {
      const names = keys.map((k) => sql.identifier((columns[k] as Column).name));
      const values = keys.map((k) => placeholder(k, columns[k] as Column));
      return sql`insert into ${table} (${sql.join(names, sql`, `)}) values (${sql.join(values, sql`, `)})`;
    },
    out,
  );
}

/**
 * Sets the columns `set` gives on the rows of `table` that `where` selects (`where` builds its
 * condition from placeholders named in `whereValues`), answering the changed rows. `name` names
 * the statement per caller; the set of columns is added to it.
 */
export async function updateRows<T extends PgTable>(
  db: Executor,
  name: string,
  table: T,
  set: Partial<T["$inferInsert"]>,
  where: () => SQL,
  whereValues: Record<string, unknown>,
): Promise<T["$inferSelect"][]> {
  const columns = getTableColumns(table);
  const { keys, out } = driverValues(columns, set);
  const rows = await runBuilt(
    db,
    `update:${name}:${keys.join(",")}`,
    () => {
      const sets = keys.map(
        (k) =>
          sql`${sql.identifier((columns[k] as Column).name)} = ${placeholder(`set_${k}`, columns[k] as Column)}`,
      );
      return sql`update ${table} set ${sql.join(sets, sql`, `)} where ${where()} returning *`;
    },
    { ...Object.fromEntries(keys.map((k) => [`set_${k}`, out[k]])), ...whereValues },
  );
  return rows.map((r) => fromDriver(columns, r as Record<string, unknown>) as T["$inferSelect"]);
}

/** A row as the driver gave it (column names), as Drizzle maps it (field keys, column types). */
export function fromDriver(
  columns: Record<string, Column>,
  raw: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, col] of Object.entries(columns)) {
    const v = raw[col.name];
    out[key] = v === null || v === undefined ? null : col.mapFromDriverValue(v);
  }
  return out;
}
