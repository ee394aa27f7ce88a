import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { fieldCipher, keyringFromEnv } from "../../src/adapters/crypto/field-cipher.ts";
import { migrateDatabase, openDatabase } from "../../src/adapters/db/database.ts";
import { dbStore } from "../../src/adapters/db/store.ts";
import { pdfDocuments } from "../../src/adapters/documents/pdf-documents.ts";
import { localPhotoStorage } from "../../src/adapters/storage/local-photo-storage.ts";
import { systemClock, uuidv7Source } from "../../src/adapters/system.ts";
import { createApiKey, createMerchant } from "../../src/app/merchants.ts";
import type { Deps } from "../../src/app/ports/index.ts";
import { logisticsDeps } from "../../src/cli/carriers.ts";
import type { DbKind } from "./databases.ts";

/**
 * Environment for a child `crossback` process: its own PGlite directory, or its own PostgreSQL
 * database, both already migrated from the run's snapshot or template (a child's first start then
 * spends no initdb and no migrations: it finds them applied).
 */
export async function cliEnvironment(
  kind: DbKind,
): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "crossback-cli-"));
    const loadDataDir = new Blob([readFileSync(inject("pgliteSnapshot"))]);
    await (await PGlite.create({ dataDir: join(dir, "pgdata"), loadDataDir })).close();
    return {
      env: {
        CROSSBACK_DATA_DIR: dir,
        DATABASE_URL: "",
        CROSSBACK_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const url = process.env.TEST_DATABASE_URL;
  const template = inject("pgTemplate");
  if (!url || !template) throw new Error("needs TEST_DATABASE_URL");
  const name = `cb_cli_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await admin(`create database ${name} template ${template}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: u.toString(), CROSSBACK_ENCRYPTION_KEY: randomBytes(32).toString("base64") },
    cleanup: () => admin(`drop database if exists ${name} with (force)`),
  };
}

/**
 * Creates a merchant and an API key in the database a child `crossback` will use, through the real
 * use cases in this process (one database open instead of two `crossback` runs: the CLI test covers
 * the commands themselves). Returns the Authorization header value.
 */
export async function merchantAndKeyFor(env: Record<string, string>, slug: string): Promise<string> {
  const database = env.DATABASE_URL
    ? await openDatabase({ url: env.DATABASE_URL })
    : await openDatabase({ dataDir: env.CROSSBACK_DATA_DIR ?? "" });
  const uploads = mkdtempSync(join(tmpdir(), "crossback-uploads-"));
  try {
    await migrateDatabase(database);
    const ring = keyringFromEnv(env);
    if (!ring) throw new Error("the CLI environment has no CROSSBACK_ENCRYPTION_KEY");
    const secrets = fieldCipher(ring);
    const deps: Deps = {
      store: dbStore(database, secrets),
      clock: systemClock,
      ids: uuidv7Source(systemClock),
      gateways: new Map(),
      photos: localPhotoStorage(uploads),
      logistics: logisticsDeps(systemClock, new Map()),
      secrets,
      documents: pdfDocuments,
    };
    const m = await createMerchant(deps, { slug, name: slug });
    if (!m.ok) throw new Error(JSON.stringify(m.error));
    const k = await createApiKey(deps, slug, "test");
    if (!k.ok) throw new Error(JSON.stringify(k.error));
    return `Bearer ${k.value.key}`;
  } finally {
    await database.close();
    rmSync(uploads, { recursive: true, force: true });
  }
}
