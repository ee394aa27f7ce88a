import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { crossback, killHard, type Server, serve } from "../test/support/cli.ts";

/** A real `crossback serve` child process on a fresh database, with a merchant and API key. */
export interface BenchServer {
  readonly base: string;
  readonly auth: string;
  /** The server's environment (DATABASE_URL on PostgreSQL), for CLI runs and direct SQL. */
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

/** The benchmarks measure the service, not its rate limiter (600 requests a minute per key by default). */
const UNLIMITED = { CROSSBACK_RATE_LIMIT_PER_IP: "0", CROSSBACK_RATE_LIMIT_PER_KEY: "0" };

export function postgresUrl(): string {
  return (
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres"
  );
}

export async function postgresReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: postgresUrl(), connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: postgresUrl() });
  await c.connect();
  await c.query(sql);
  await c.end();
}

/**
 * `processes` > 1: `crossback serve --processes N` (node:cluster, PostgreSQL only). `existing`: a
 * PostgreSQL database kept by an earlier run (BENCH_KEEP_DB=1), used as it is and kept.
 */
export async function startBenchServer(
  kind: "pglite" | "postgres",
  processes = 1,
  existing?: string,
): Promise<BenchServer> {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  if (existing) {
    const u = new URL(postgresUrl());
    u.pathname = `/${existing}`;
    env = { DATABASE_URL: u.toString(), ...UNLIMITED };
    cleanup = async () => {};
  } else if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "crossback-bench-"));
    env = { CROSSBACK_DATA_DIR: dir, DATABASE_URL: "", ...UNLIMITED };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `cb_bench_${process.pid}`;
    await admin(`drop database if exists ${name} with (force)`);
    await admin(`create database ${name}`);
    const u = new URL(postgresUrl());
    u.pathname = `/${name}`;
    env = { DATABASE_URL: u.toString(), ...UNLIMITED };
    // BENCH_KEEP_DB=1 keeps it for a look afterwards (psql, EXPLAIN).
    cleanup = async () => {
      if (process.env.BENCH_KEEP_DB === "1") console.error(`kept database ${name}`);
      else await admin(`drop database if exists ${name} with (force)`);
    };
  }
  if (!existing) {
    const m = await crossback(["merchants", "create", "bench", "--name", "Bench"], env);
    if (m.code !== 0) throw new Error(m.stderr);
  }
  const k = await crossback(["api-key", "create", "--merchant", "bench"], env);
  const auth = `Bearer ${k.stdout.trim().split("\n").at(-1)}`;
  const server: Server =
    processes > 1
      ? await serve(env, ["serve", "--processes", String(processes)], processes)
      : await serve(env);
  return {
    base: server.base,
    auth,
    env,
    async stop() {
      await killHard(server);
      await cleanup();
    },
  };
}
