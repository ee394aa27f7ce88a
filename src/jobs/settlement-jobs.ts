import type { Deps, JobQueue, JobRunner } from "../app/ports/index.ts";
import { executeSettlement } from "../app/settle.ts";
import { type Recovery, recoverSettlements, sweepWhenStale } from "../app/settlement-recovery.ts";
import { expireStoreCredit } from "../app/store-credit.ts";
import { localRuns } from "./local-runs.ts";

export const JOBS = {
  execute: "settlement.execute",
  sweep: "settlement.sweep",
  expireCredit: "store-credit.expire",
} as const;

/** A retryable failure: thrown so pg-boss retries the job with backoff. */
export class RetryLater extends Error {}

/** Settlements paid at once in the process that committed them. */
const LOCAL_SETTLEMENTS = 4;
/** A retryable provider failure in this process becomes the queue's job after the queue's first delay. */
const RETRY_SECONDS = 2;

/**
 * Settlements due now are paid in the process that committed them (local-runs.ts), not as a pg-boss
 * job each: the queue this returns runs `settlement.execute` without a start time here and passes every
 * other job on. The settlement's claim keeps a payment single however many processes try it. A
 * retryable failure becomes the queue's job (retried with backoff); a crash leaves the settlement
 * pending or claimed, and the recovery sweep (every minute, and at start-up) sends it again.
 */
export function settlementsHere(deps: Deps, jobs: JobQueue): { queue: JobQueue; stop(): Promise<void> } {
  const runs = localRuns(
    "settlement",
    LOCAL_SETTLEMENTS,
    async (id) => ((await executeSettlement(deps, id))?.status === "pending" ? RETRY_SECONDS : null),
    (id, after) =>
      jobs.enqueue(
        JOBS.execute,
        { settlementId: id },
        { singletonKey: id, ...(after > 0 ? { startAfterSeconds: after } : {}) },
      ),
  );
  return {
    queue: {
      async enqueue(name, data, opts) {
        const id = data.settlementId;
        if (name === JOBS.execute && !opts?.startAfterSeconds && typeof id === "string") runs.push(id);
        else await jobs.enqueue(name, data, opts);
      },
    },
    stop: () => runs.stop(),
  };
}

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
