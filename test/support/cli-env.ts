import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { DbKind } from "./databases.ts";

/** Environment for a child `crossback` process: its own PGlite directory, or its own PostgreSQL database. */
export async function cliEnvironment(
  kind: DbKind,
): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "crossback-cli-"));
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
  if (!url) throw new Error("needs TEST_DATABASE_URL");
  const name = `cb_cli_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await admin(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: u.toString(), CROSSBACK_ENCRYPTION_KEY: randomBytes(32).toString("base64") },
    cleanup: () => admin(`drop database if exists ${name} with (force)`),
  };
}
