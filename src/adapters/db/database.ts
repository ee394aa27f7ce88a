import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock.ts";
import { nameStatements } from "./named-statements.ts";
import { namedPglite } from "./pglite-named.ts";
/**
 * Drizzle without its relational query API (`db.query.…`, unused here): given the schema, Drizzle
 * builds a query builder for each of its tables in every transaction it opens (1 % of the server's
 * CPU on refunds, in `PgDatabase`'s constructor).
 */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle; repositories accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Executor = Db | Tx;

export interface Database {
  readonly db: Db;
  readonly kind: "pglite" | "postgres";
  /** Where the data lives, for messages: a directory, "memory", or the server address. */
  readonly location: string;
  /** The raw PGlite instance, when embedded (snapshots, pg-boss). */
  readonly pglite: PGlite | null;
  readonly pool: pg.Pool | null;
  /** PostgreSQL queries run as named prepared statements (named-statements.ts); other pools follow.
   * PGlite's always do (pglite-named.ts). */
  readonly namedStatements: boolean;
  /** PostgreSQL only: the URL (for clients with their own pool, such as pg-boss). */
  readonly connectionString: string | null;
  /** Runs `stop` when the database is closed, before its connections end (listeners, watchers). */
  onClose(stop: () => Promise<void>): void;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | {
      readonly url: string;
      readonly poolSize?: number;
      /** Named prepared statements (default on); off behind a pooler that cannot keep them. */
      readonly namedStatements?: boolean;
    }
  | { readonly dataDir: string }
  | { readonly memory: true; readonly snapshot?: Blob };

const MIGRATIONS = join(fileURLToPath(new URL(".", import.meta.url)), "migrations");

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if ("url" in opts) return openPostgres(opts.url, opts.poolSize ?? 10, opts.namedStatements ?? true);
  if ("dataDir" in opts) {
    const release = lockDataDir(opts.dataDir, `crossback pid ${process.pid}`);
    try {
      const client = await PGlite.create(join(opts.dataDir, "pgdata"));
      return embedded(client, opts.dataDir, release);
    } catch (e) {
      release();
      throw e;
    }
  }
  const client = await PGlite.create(opts.snapshot ? { loadDataDir: opts.snapshot } : {});
  return embedded(client, "memory", () => {});
}

/** Stops registered with `onClose`, run once, in reverse order, before the database closes. */
function closers(): { add(stop: () => Promise<void>): void; run(): Promise<void> } {
  const stops: (() => Promise<void>)[] = [];
  return {
    add: (stop) => {
      stops.push(stop);
    },
    async run() {
      for (const stop of stops.splice(0).reverse()) await stop();
    },
  };
}

function embedded(client: PGlite, location: string, release: () => void): Database {
  // Drizzle calls only `query` and `transaction` on its client; namedPglite runs them as named statements.
  const db = drizzlePglite(namedPglite(client) as unknown as PGlite) as unknown as Db;
  const stops = closers();
  return {
    db,
    kind: "pglite",
    location,
    pglite: client,
    pool: null,
    namedStatements: false,
    connectionString: null,
    onClose: stops.add,
    async close() {
      try {
        await stops.run();
        await client.close();
      } finally {
        release();
      }
    },
  };
}

async function openPostgres(url: string, max: number, prepare: boolean): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on("error", () => {}); // idle-client errors (server restart) surface on the next query instead
  if (prepare) pool.on("connect", nameStatements);
  const db = drizzlePg(pool) as unknown as Db;
  const stops = closers();
  const safe = new URL(url);
  safe.password = "";
  return {
    db,
    kind: "postgres",
    location: safe.toString(),
    pglite: null,
    pool,
    namedStatements: prepare,
    connectionString: url,
    onClose: stops.add,
    async close() {
      await stops.run();
      await pool.end();
    },
  };
}

/** Applies committed migrations. On PostgreSQL an advisory lock keeps concurrent starters from racing. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.pglite) {
    await migratePglite(drizzlePglite(database.pglite), { migrationsFolder: MIGRATIONS });
    return;
  }
  if (!database.pool) throw new Error("no pool");
  const client = await database.pool.connect();
  try {
    await client.query("select pg_advisory_lock(7351001)");
    await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS });
  } finally {
    await client.query("select pg_advisory_unlock(7351001)").catch(() => {});
    client.release();
  }
}
