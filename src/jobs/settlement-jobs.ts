import type { Deps, JobRunner } from "../app/ports/index.ts";
import { executeSettlement } from "../app/settle.ts";
import { type Recovery, recoverSettlements, sweepWhenStale } from "../app/settlement-recovery.ts";
import { expireStoreCredit } from "../app/store-credit.ts";

export const JOBS = {
  execute: "settlement.execute",
  sweep: "settlement.sweep",
  expireCredit: "store-credit.expire",
} as const;

/** A retryable failure: thrown so pg-boss retries the job with backoff. */
export class RetryLater extends Error {}

/**
 * Background work: execute settlements (retried with backoff while the provider fails retryably),
 * recover what a crash left behind and surface what needs a person (every minute), expire store
 * credit (hourly).
 */
export async function registerSettlementJobs(
  deps: Deps,
  jobs: JobRunner,
  opts: { concurrency?: number } = {},
): Promise<void> {
  await jobs.work(
    JOBS.execute,
    async (data) => {
      const s = await executeSettlement(deps, String(data.settlementId));
      if (s?.status === "pending") throw new RetryLater(`settlement ${s.id}: ${s.failureReason ?? "retry"}`);
    },
    // Each settlement claims itself, so a batch's settlements can run side by side.
    { concurrency: opts.concurrency ?? 2, parallel: 4 },
  );
  await jobs.work(JOBS.sweep, async () => {
    await sweep(deps, jobs);
  });
  await jobs.work(JOBS.expireCredit, async () => {
    await expireStoreCredit(deps);
  });
  await jobs.schedule(JOBS.sweep, "* * * * *");
  await jobs.schedule(JOBS.expireCredit, "17 * * * *");
}

/** The recovery sweep with the queue: re-sent provider calls become jobs. */
export function sweep(deps: Deps, jobs: JobRunner): Promise<Recovery> {
  return recoverSettlements({ ...deps, jobs });
}

/** The sweep at start-up: the recovery sweep, then one more queued for a claim not yet stale. */
export async function startupSweep(deps: Deps, jobs: JobRunner): Promise<Recovery> {
  const done = await sweep(deps, jobs);
  await sweepWhenStale({ ...deps, jobs });
  return done;
}
