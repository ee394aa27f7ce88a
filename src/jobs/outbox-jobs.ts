import { type DrainOutcome, drainCase, drainCases, dueCases } from "../app/notify/outbox-relay.ts";
import type { Deps, JobRunner } from "../app/ports/index.ts";
import { localBatchRuns } from "./local-runs.ts";
import { RetryLater } from "./settlement-jobs.ts";

export const OUTBOX_JOBS = {
  drain: "outbox.drain",
  sweep: "outbox.sweep",
} as const;

/**
 * Relay rounds at once in the process that committed the cases' events (local-runs.ts), each of up to
 * `LOCAL_BATCH` cases: a round is a few round trips one after the other (lease, the cases, the
 * e-mails, release) whatever its size. Measured on PostgreSQL, 10 clients on two cores, one case a
 * round: with 8 lanes instead of 2 the relay kept up better with creations, but took the pool from the
 * settlements and refunds paid end to end fell (70.6 / 87.2 against 90.5 / 107.2/s). Money first: 2
 * lanes, and rounds that grow with the backlog instead.
 */
const LOCAL_DRAINS = 2;
const LOCAL_BATCH = 50;
/** Most cases a sweep hands over (a backlog after an outage: a few thousand a minute at least). */

/** Seconds until a consumer's retry time (at least 1; 1 when it has none). */
export function retryAfterSeconds(deps: Deps, retryAt: Date | null): number {
  const wait = retryAt ? Math.ceil((retryAt.getTime() - deps.clock.now().getTime()) / 1000) : 1;
  return Math.max(1, wait);
}

/**
 * The outbox relay: every commit that appends case events drains those cases in the same process
 * (local-runs.ts); what it cannot finish becomes a pg-boss drain job — a case another relay holds
 * is retried by pg-boss (with backoff) until the lease is free, a consumer's failure queues the drain
 * again at the consumer's backoff time — and a sweep (at start and every minute) hands whatever a
 * crash (or a consumer's backoff) left undelivered to the local drains, where it goes in rounds of many.
 */
export async function registerOutboxJobs(deps: Deps, jobs: JobRunner): Promise<OutboxRelay> {
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
  const local = localBatchRuns(
    "outbox",
    { lanes: LOCAL_DRAINS, batch: LOCAL_BATCH },
    async (caseIds) => {
      const waits = new Map<string, number | null>();
      for (const [caseId, r] of await drainCases(deps, caseIds))
        waits.set(caseId, localWait(deps, caseId, r));
      return waits;
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
  const sweep = () => outboxSweep(deps, (caseId) => local.push(caseId));
  await jobs.work(OUTBOX_JOBS.sweep, () => sweep().then(() => undefined));
  await jobs.schedule(OUTBOX_JOBS.sweep, "* * * * *");
  return { stop: () => local.stop(), sweep };
}

export interface OutboxRelay {
  /** Hands what waits to the queue and waits for the rounds in flight. */
  stop(): Promise<void>;
  /** `outboxSweep` into this process's drains: how many cases it found. */
  sweep(): Promise<number>;
}

/** When the queue should take a case over after a local round (null: not needed). */
function localWait(deps: Deps, caseId: string, r: DrainOutcome): number | null {
  if (r.status === "failed") {
    const e = r.error;
    console.error(`outbox: ${caseId} failed: ${e instanceof Error ? e.message : e}`);
    return 1;
  }
  return r.status === "busy" ? 1 : r.status === "retry" ? retryAfterSeconds(deps, r.retryAt) : null;
}

/** Hands `drain` every case with undelivered events (no live lease, retry time reached), up to `SWEPT`. */
async function outboxSweep(deps: Deps, drain: (caseId: string) => void): Promise<number> {
  if (!deps.notify) return 0;
  const ids = await dueCases(deps, SWEPT);
  for (const caseId of ids) drain(caseId);
  return ids.length;
}

const SWEPT = 2_000;
