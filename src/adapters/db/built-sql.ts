import { fillPlaceholders, type SQL } from "drizzle-orm";
import type { Executor } from "./database.ts";

interface Query {
  readonly sql: string;
  readonly params: unknown[];
}
/** What a Drizzle handle runs on: its dialect (SQL text) and its session's client (pool, connection, PGlite). */
interface Handle {
  readonly dialect: { sqlToQuery(s: SQL): Query };
  readonly session: {
    readonly client: { query(text: string, params: unknown[]): Promise<{ rows: unknown[] }> };
  };
}

const built = new Map<string, Query>();

/**
 * A raw statement (a `sql` template with `sql.placeholder`s) turned into its text once per process, then
 * run with each call's values on the handle's client (the pool, a transaction's connection), where
 * PostgreSQL keeps it prepared under its text (named-statements.ts). For writes and reads of plain
 * columns: rows come as the driver gives them, without Drizzle's mapping. Same text on PGlite and
 * PostgreSQL (one dialect). `name` must be unique per template.
 */
export async function runBuilt(
  db: Executor,
  name: string,
  template: () => SQL,
  values: Record<string, unknown>,
): Promise<unknown[]> {
  const h = db as unknown as Handle;
  let q = built.get(name);
  if (!q) {
    q = h.dialect.sqlToQuery(template());
    built.set(name, q);
  }
  return (await h.session.client.query(q.sql, fillPlaceholders(q.params, values))).rows;
}
