import type { Deps, JobRunner } from "../app/ports/index.ts";
import { ensureEventPartitions, rollUpReports } from "../app/reports/rollups.ts";

export const REPORT_JOBS = { rollup: "reports.rollup", partitions: "reports.partitions" } as const;

/** How soon after a commit with case events the rollups count it. */
const SOON_MS = 250;
/**
 * Under a steady stream of commits, counts start at most this often. Each count has a fixed cost (one
 * statement over every event partition): under the refund load, counts 250 ms apart took about an
 * eighth of PostgreSQL's time (pg_stat_statements).
 */
const MIN_GAP_MS = 1000;

/**
 * The report rollups follow the events: a commit that appends case events starts a count shortly
 * after (one per process at a time; across processes one writer, the others skip); every minute a
 * scheduled count picks up imported orders and anything missed. Daily, and at start, next months'
 * event partitions are created.
 */
export async function registerReportJobs(deps: Deps, jobs: JobRunner): Promise<() => void> {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let last = 0;
  const count = () => {
    timer = null;
    last = Date.now();
    running = running
      .then(() => rollUpReports(deps))
      .catch((e: unknown) => console.error(`reports: rollup failed: ${e instanceof Error ? e.message : e}`));
  };
  await jobs.work(REPORT_JOBS.rollup, () => rollUpReports(deps).then(() => undefined));
  await jobs.schedule(REPORT_JOBS.rollup, "* * * * *");
  await jobs.work(REPORT_JOBS.partitions, () => ensureEventPartitions(deps).then(() => undefined));
  await jobs.schedule(REPORT_JOBS.partitions, "17 3 * * *");
  await ensureEventPartitions(deps);
  deps.store.onCaseEvents?.(() => {
    timer ??= setTimeout(count, Math.max(SOON_MS, last + MIN_GAP_MS - Date.now()));
  });
  return () => {
    if (timer) clearTimeout(timer);
  };
}
