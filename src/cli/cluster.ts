import cluster from "node:cluster";
import type { Config } from "./config.ts";

/** Set in the environment of the processes `serve --processes N` starts. */
export const CLUSTER_WORKER_ENV = "CROSSBACK_CLUSTER_WORKER";

export function parseProcesses(value: string | undefined): number | string {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    return `--processes must be a whole number from 1 to 64, got "${value}"`;
  return n;
}

/**
 * `crossback serve --processes N`: the primary applies migrations and the one-time set-up (demo seed,
 * web build) through `prepare`, then starts N server processes (node:cluster) sharing the port. Each is
 * an ordinary `crossback serve` on the same PostgreSQL database: idempotency keys, settlements and jobs
 * are coordinated by the database, never by this process. A process that dies is replaced.
 */
export async function servePrimary(
  processes: number,
  config: Config,
  prepare: () => Promise<void>,
): Promise<number> {
  if (!config.databaseUrl) {
    console.error(
      "--processes needs PostgreSQL (set DATABASE_URL): the embedded database serves one process only",
    );
    return 2;
  }
  await prepare();
  let stopping = false;
  const start = () => cluster.fork({ [CLUSTER_WORKER_ENV]: "1" });
  for (let i = 0; i < processes; i++) start();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`server process ${worker.process.pid} exited (${signal ?? code}); starting another`);
    start();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping ${processes} server processes`);
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  console.log(`Crossback primary ${process.pid}: ${processes} server processes on PostgreSQL`);
  return -1;
}

export const isClusterWorker = (): boolean => cluster.isWorker;
