import { sql } from "drizzle-orm";
import type { Database } from "../../src/adapters/db/database.ts";

const rowsOf = async <T>(database: Database, query: string): Promise<T[]> =>
  ((await database.db.execute(sql.raw(query))) as unknown as { rows: T[] }).rows;

/** Every row of every table of ours (public schema), as text: to prove what is (not) stored anywhere. */
export async function databaseText(database: Database): Promise<string> {
  const tables = await rowsOf<{ name: string }>(
    database,
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await rowsOf<{ t: string }>(database, `select t::text as t from "${name}" t`);
    parts.push(`${name}:\n${rows.map((r) => r.t).join("\n")}`);
  }
  return parts.join("\n");
}
