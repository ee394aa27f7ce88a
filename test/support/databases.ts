import { readFileSync } from "node:fs";
import pg from "pg";
import { describe, inject } from "vitest";
import { type Database, openDatabase } from "../../src/adapters/db/database.ts";

export type DbKind = "pglite" | "postgres";

const url = process.env.TEST_DATABASE_URL;

/**
 * Runs a suite once on PGlite and once on PostgreSQL. Without TEST_DATABASE_URL the PostgreSQL run
 * is reported as skipped (visibly, by name); CI always sets it.
 */
export function describeEachDb(name: string, suite: (kind: DbKind) => void): void {
  describe(`${name} [pglite]`, () => suite("pglite"));
  describe.skipIf(!url)(
    `${name} [postgres]${url ? "" : " — skipped: set TEST_DATABASE_URL to run on PostgreSQL"}`,
    () => suite("postgres"),
  );
}

/** A fresh, migrated database of that kind; `drop` removes it. */
export async function freshDatabase(
  kind: DbKind,
): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === "pglite") {
    const snapshot = new Blob([readFileSync(inject("pgliteSnapshot"))]);
    const database = await openDatabase({ memory: true, snapshot });
    return { database, drop: () => database.close() };
  }
  const template = inject("pgTemplate");
  if (!url || !template) throw new Error("PostgreSQL tests need TEST_DATABASE_URL");
  const name = `cb_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(`create database ${name} template ${template}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString() });
  return {
    database,
    drop: async () => {
      await database.close();
      await adminQuery(`drop database if exists ${name}`);
    },
  };
}

export function postgresUrlFor(database: Database): string {
  if (!url) throw new Error("no TEST_DATABASE_URL");
  return database.location;
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
