import pg from "pg";
import PgBoss from "pg-boss";
import type { JobRunner } from "../../app/ports/index.ts";
import type { Database } from "../db/database.ts";
import { nameStatements } from "../db/named-statements.ts";
import { namedPglite } from "../db/pglite-named.ts";

export type { JobRunner };

/**
 * pg-boss over our database. On PostgreSQL it uses its own pool; on PGlite every statement goes to the
 * one embedded session (statements without parameters through exec(), and a failed statement inside a
 * transaction is rolled back so the session is usable again) — see stack-notes.md.
 */
export async function startJobQueue(
  database: Database,
  opts: { pollingIntervalSeconds?: number } = {},
): Promise<JobRunner> {
  const pglite = database.pglite;
  const common = {
    schema: "pgboss",
    pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 0.5,
    supervise: true,
    schedule: true,
    migrate: true,
  };
  let boss: PgBoss;
  let closePool = async () => {};
  if (pglite) {
    const named = namedPglite(pglite);
    const db = {
      async executeSql(text: string, values: unknown[]) {
        try {
          if (!values || values.length === 0) {
            const results = await pglite.exec(text);
            return { rows: results.at(-1)?.rows ?? [] };
          }
          const r = await named.query(text, values);
          return { rows: r.rows };
        } catch (e) {
          await pglite.exec("ROLLBACK").catch(() => {});
          throw e;
        }
      },
    };
    boss = new PgBoss({ ...common, db });
  } else {
    if (!database.connectionString) throw new Error("PostgreSQL database without a connection string");
    // Its own pool, with named statements and generic plans: pgboss.job has a partition per queue, so
    // PostgreSQL kept planning the fetch afresh (0.4 ms of planning for 0.03 ms of execution per poll,
    // pg_stat_statements); a generic plan prunes the partitions when it runs.
    const pool = new pg.Pool({
      connectionString: database.connectionString,
      max: 4,
      application_name: "pgboss",
      ...(database.namedStatements ? { options: "-c plan_cache_mode=force_generic_plan" } : {}),
    });
    pool.on("error", () => {});
    if (database.namedStatements) pool.on("connect", nameStatements);
    closePool = () => pool.end();
    boss = new PgBoss({
      ...common,
      db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
    });
  }
  boss.on("error", (e: Error) => console.error(`job queue: ${e.message}`));
  await boss.start();
  const queues = new Set<string>();
  const ensure = async (name: string) => {
    if (queues.has(name)) return;
    await createQueueOnce(boss, name);
    queues.add(name);
  };
  return {
    async enqueue(name, data, o = {}) {
      await ensure(name);
      await boss.send(name, data, {
        ...(o.singletonKey ? { singletonKey: o.singletonKey } : {}),
        ...(o.startAfterSeconds ? { startAfter: o.startAfterSeconds } : {}),
      });
    },
    async work(name, handler, o = {}) {
      await ensure(name);
      // pg-boss 10 waits a polling interval between fetches: take jobs in batches, settle each on its
      // own (one job's failure retries only that job), `parallel` of a batch at a time, and run
      // several such workers for concurrency.
      const run = async (job: { id: string; data: Record<string, unknown> }) => {
        try {
          await handler(job.data);
        } catch (e) {
          await boss.fail(name, job.id, { message: e instanceof Error ? e.message : String(e) });
        }
      };
      for (let i = 0; i < (o.concurrency ?? 1); i++) {
        await boss.work<Record<string, unknown>>(
          name,
          { batchSize: 25, pollingIntervalSeconds: common.pollingIntervalSeconds },
          (jobs) => inParallel(jobs, o.parallel ?? 1, run),
        );
      }
    },
    async schedule(name, cron) {
      await ensure(name);
      await boss.schedule(name, cron);
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
      await closePool();
    },
  };
}

/**
 * Creates a queue unless it exists. pg-boss attaches a partition per queue; processes starting together
 * (serve --processes N, several workers) can deadlock on the job table while doing so. The function is
 * idempotent (ON CONFLICT DO NOTHING), so a deadlocked attempt is retried after a short random pause.
 */
async function createQueueOnce(boss: PgBoss, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name, {
        name,
        retryLimit: 12,
        retryDelay: 2,
        retryBackoff: true,
        expireInSeconds: 300,
      });
      return;
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (attempt >= 8 || (code !== "40P01" && code !== "23505")) throw e;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200 * attempt));
    }
  }
}

/** Runs `each` over `items`, at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, each: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await each(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
