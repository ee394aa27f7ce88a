import type { Executor } from "./database.ts";

const built = new WeakMap<Executor, Map<string, unknown>>();

/**
 * A hot query built once per database handle (Drizzle's `.prepare(name)` with `sql.placeholder`s) and
 * run as a named prepared statement: Node skips building the SQL, PostgreSQL skips parsing and, after a
 * few runs, planning. Measured on the return-decision read: planning 2.1 ms against 0.6 ms execution;
 * drizzle-built 1.9 ms a call, named prepared 0.37 ms. The pool's handle lives as long as the process;
 * a transaction's handle builds its queries once per transaction (PostgreSQL still reuses the
 * statement its connection prepared). `name` must be unique per query text.
 */
export function prepared<Q>(db: Executor, name: string, build: () => Q): Q {
  let queries = built.get(db);
  if (!queries) {
    queries = new Map();
    built.set(db, queries);
  }
  const found = queries.get(name);
  if (found) return found as Q;
  const q = build();
  queries.set(name, q);
  return q;
}
