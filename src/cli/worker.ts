import type { Database } from "../adapters/db/database.ts";
import { startJobQueue } from "../adapters/jobs/job-queue.ts";
import type { Deps } from "../app/ports/index.ts";
import { registerEmailJobs } from "../jobs/email-jobs.ts";
import { logisticsSweep, registerLogisticsJobs } from "../jobs/logistics-jobs.ts";
import { registerOutboxJobs } from "../jobs/outbox-jobs.ts";
import { registerReportJobs } from "../jobs/report-jobs.ts";
import { registerRetentionJobs } from "../jobs/retention-jobs.ts";
import { registerSettlementJobs, settlementsHere, startupSweep } from "../jobs/settlement-jobs.ts";

/** Wiring of the background jobs: the queue, its workers, and a first sweep of what a crash left behind. */
export async function withJobs(
  deps: Deps,
  database: Database,
): Promise<{ deps: Deps; stop: () => Promise<void> }> {
  const jobs = await startJobQueue(database);
  // Settlements committed here are paid here first; their pg-boss jobs are for retries and recovery.
  const queued: Deps = { ...deps, jobs };
  const here = settlementsHere(queued, jobs);
  const withQueue: Deps = { ...deps, jobs: here.queue };
  await registerSettlementJobs(queued, jobs);
  await registerLogisticsJobs(withQueue, jobs);
  const outbox = await registerOutboxJobs(withQueue, jobs);
  await registerRetentionJobs(withQueue, jobs);
  await registerEmailJobs(withQueue, jobs);
  const stopReports = await registerReportJobs(withQueue, jobs);
  await startupSweep(withQueue, jobs);
  await logisticsSweep(withQueue, jobs);
  await outbox.sweep();
  return {
    deps: withQueue,
    stop: async () => {
      stopReports();
      await here.stop();
      await outbox.stop();
      await jobs.stop();
    },
  };
}

/** `crossback worker`: background jobs without the HTTP API (scale-out on PostgreSQL). */
export async function workerCommand(base: Deps, database: Database): Promise<number> {
  if (database.kind === "pglite") {
    console.error(
      "The embedded database serves one process: `crossback serve` already runs the jobs. Use DATABASE_URL for separate workers.",
    );
    return 1;
  }
  const { stop } = await withJobs(base, database);
  console.log(
    "Crossback worker running (settlements, store-credit expiry, logistics, outbox, e-mail reminders).",
  );
  const quit = async () => {
    await stop();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void quit());
  process.on("SIGTERM", () => void quit());
  return -1;
}
