import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabase, openDatabase } from "../../src/adapters/db/database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    pgTemplate: string | null;
  }
}

/**
 * Migrates once per test run: a PGlite data-directory snapshot (each test file loads it in ~1 s
 * instead of an initdb) and, with TEST_DATABASE_URL, a PostgreSQL template database.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), "crossback-test-"));
  const db = await openDatabase({ memory: true });
  await migrateDatabase(db);
  const dump = await db.pglite?.dumpDataDir("none");
  await db.close();
  if (!dump) throw new Error("no PGlite dump");
  const file = join(dir, "migrated.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteSnapshot", file);

  const url = process.env.TEST_DATABASE_URL;
  let template: string | null = null;
  if (url) {
    template = `cb_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${template}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${template}`;
    const tdb = await openDatabase({ url: u.toString(), poolSize: 1 });
    await migrateDatabase(tdb);
    await tdb.close();
  }
  project.provide("pgTemplate", template);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (url && template) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${template}`);
      await admin.end();
    }
  };
}
