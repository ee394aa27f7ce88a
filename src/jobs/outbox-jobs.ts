import { drainCase, dueCases } from "../app/notify/outbox-relay.ts";
import type { Deps, JobRunner } from "../app/ports/index.ts";
import { localRuns } from "./local-runs.ts";
import { RetryLater } from "./settlement-jobs.ts";

export const OUTBOX_JOBS = {
  drain: "outbox.drain",
  sweep: "outbox.sweep",
} as const;

/**
 * Cases drained at once in the process that committed their events (local-runs.ts). A drain is a few
 * round trips one after the other (lease, the case, the e-mail, release), bound by their latency more
 * than by CPU. Measured on PostgreSQL, 10 clients on two cores: with 8, the relay kept up better with
 * creations (half of a 10-second load's cases undelivered at its end and 3–4 s to deliver them,
 * against four in five and 8–14 s with 2), but it took the pool from the settlements, and refunds paid
 * end to end fell (70.6 / 87.2 against 90.5 / 107.2/s). Money first: 2.
 */
const LOCAL_DRAINS = 2;

/** Seconds until a consumer's retry time (at least 1; 1 when it has none). */
export function retryAfterSeconds(deps: Deps, retryAt: Date | null): number {
  const wait = retryAt ? Math.ceil((retryAt.getTime() - deps.clock.now().getTime()) / 1000) : 1;
  return Math.max(1, wait);
}

/**
 * The outbox relay: every commit that appends case events drains those cases in the same process
 * (local-runs.ts); what it cannot finish becomes a pg-boss drain job — a case another relay holds
 * is retried by pg-boss (with backoff) until the lease is free, a consumer's failure queues the drain
 * again at the consumer's backoff time — and a sweep (at start and every minute) finds whatever a
 * crash left undelivered. Returns the stop of the local drains.
 */
export async function registerOutboxJobs(deps: Deps, jobs: JobRunner): Promise<() => Promise<void>> {
  await jobs.work(
    OUTBOX_JOBS.drain,
    async (data) => {
      const caseId = String(data.caseId);
      const r = await drainCase(deps, caseId);
      if (r.status === "busy") throw new RetryLater(`outbox: case ${caseId} is held by another relay`);
      if (r.status === "retry")
        await jobs.enqueue(
          OUTBOX_JOBS.drain,
          { caseId },
          { startAfterSeconds: retryAfterSeconds(deps, r.retryAt) },
        );
    },
    { concurrency: 2 },
  );
  await jobs.work(OUTBOX_JOBS.sweep, () => outboxSweep(deps, jobs).then(() => undefined));
  await jobs.schedule(OUTBOX_JOBS.sweep, "* * * * *");
  const local = localRuns(
    "outbox",
    LOCAL_DRAINS,
    async (caseId) => {
      const r = await drainCase(deps, caseId);
      return r.status === "busy" ? 1 : r.status === "retry" ? retryAfterSeconds(deps, r.retryAt) : null;
    },
    (caseId, afterSeconds) =>
      jobs.enqueue(
        OUTBOX_JOBS.drain,
        { caseId },
        afterSeconds > 0 ? { startAfterSeconds: afterSeconds } : {},
      ),
  );
  deps.store.onCaseEvents?.((ids) => {
    for (const caseId of ids) local.push(caseId);
  });
  return () => local.stop();
}

/** Queues a drain of every case with undelivered events (no live lease, retry time reached). */
export async function outboxSweep(deps: Deps, jobs: JobRunner): Promise<number> {
  if (!deps.notify) return 0;
  const ids = await dueCases(deps, 500);
  for (const caseId of ids) await jobs.enqueue(OUTBOX_JOBS.drain, { caseId });
  return ids.length;
}
