import { getTableColumns, getTableName, type SQL, sql, type Table } from "drizzle-orm";

const columnNames = new WeakMap<Table, Map<string, string>>();

function namesOf(table: Table): Map<string, string> {
  let names = columnNames.get(table);
  if (!names) {
    names = new Map(Object.entries(getTableColumns(table)).map(([key, col]) => [key, col.name]));
    columnNames.set(table, names);
  }
  return names;
}

/**
 * `insert into <table> (<columns>) select … from jsonb_populate_recordset(…, $1)`: the rows travel as
 * ONE JSON parameter, keyed by the Drizzle field names of the first row. The text depends only on the
 * columns, so PostgreSQL keeps it as one prepared statement however many rows there are, and Node
 * skips Drizzle's per-value query building (a case insert built that way was about a tenth of the
 * server's CPU under the return-creation load). Values are what JSON makes of them: Dates as ISO
 * strings, objects for jsonb columns, integers; every row gives every column.
 */
export function jsonRowsInsertSql(table: Table, rows: readonly Record<string, unknown>[]): SQL {
  const first = rows[0];
  if (!first) throw new Error(`no rows to insert into ${getTableName(table)}`);
  const names = namesOf(table);
  const keys = Object.keys(first);
  const json = rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const name = names.get(k);
      if (name === undefined) throw new Error(`${getTableName(table)} has no field ${k}`);
      out[name] = row[k] === undefined ? null : row[k];
    }
    return out;
  });
  const cols = keys.map((k) => `"${names.get(k)}"`).join(", ");
  const t = `"${getTableName(table)}"`;
  return sql`insert into ${sql.raw(t)} (${sql.raw(cols)}) select ${sql.raw(cols)}
    from jsonb_populate_recordset(null::${sql.raw(t)}, ${JSON.stringify(json)}::jsonb)`;
}
