import { drainCase, dueCases } from "../app/notify/outbox-relay.ts";
import type { Deps, JobRunner } from "../app/ports/index.ts";
import { RetryLater } from "./settlement-jobs.ts";

export const OUTBOX_JOBS = {
  drain: "outbox.drain",
  sweep: "outbox.sweep",
} as const;

/**
 * The outbox relay on pg-boss: every commit that appends case events queues a drain of those cases;
 * a drain whose consumer failed queues itself again at the consumer's backoff time; a case another
 * relay holds is retried by pg-boss (with backoff) until the lease is free; and a sweep (at start and
 * every minute) finds whatever a crash left undelivered.
 */
export async function registerOutboxJobs(deps: Deps, jobs: JobRunner): Promise<void> {
  await jobs.work(
    OUTBOX_JOBS.drain,
    async (data) => {
      const caseId = String(data.caseId);
      const r = await drainCase(deps, caseId);
      if (r.status === "busy") throw new RetryLater(`outbox: case ${caseId} is held by another relay`);
      if (r.status === "retry") {
        const wait = r.retryAt ? Math.ceil((r.retryAt.getTime() - deps.clock.now().getTime()) / 1000) : 1;
        await jobs.enqueue(OUTBOX_JOBS.drain, { caseId }, { startAfterSeconds: Math.max(1, wait) });
      }
    },
    { concurrency: 2 },
  );
  await jobs.work(OUTBOX_JOBS.sweep, () => outboxSweep(deps, jobs).then(() => undefined));
  await jobs.schedule(OUTBOX_JOBS.sweep, "* * * * *");
  deps.store.onCaseEvents?.((ids) => {
    for (const caseId of ids)
      jobs.enqueue(OUTBOX_JOBS.drain, { caseId }).catch((e: unknown) => {
        // The sweep delivers it anyway; this only makes delivery immediate.
        console.error(`outbox: could not queue case ${caseId}: ${e instanceof Error ? e.message : e}`);
      });
  });
}

/** Queues a drain of every case with undelivered events (no live lease, retry time reached). */
export async function outboxSweep(deps: Deps, jobs: JobRunner): Promise<number> {
  if (!deps.notify) return 0;
  const ids = await dueCases(deps, 500);
  for (const caseId of ids) await jobs.enqueue(OUTBOX_JOBS.drain, { caseId });
  return ids.length;
}
