import { drainCase } from "../app/notify/outbox-relay.ts";
import type { Deps } from "../app/ports/index.ts";

/** Most cases waiting here; beyond it a wake-up goes through the job queue instead. */
const MAX_WAITING = 1000;

/** Seconds until a consumer's retry time (at least 1; 1 when it has none). */
export function retryAfterSeconds(deps: Deps, retryAt: Date | null): number {
  const wait = retryAt ? Math.ceil((retryAt.getTime() - deps.clock.now().getTime()) / 1000) : 1;
  return Math.max(1, wait);
}

export interface LocalDrains {
  /** Drain this case soon, in this process. */
  push(caseId: string): void;
  /** Takes no more and waits for the drains in flight. */
  stop(): Promise<void>;
}

/**
 * Drains the cases this process has just committed events for, here and at most `concurrency` at a
 * time, instead of a job per commit (pg-boss inserts, fetches and completes each one). What cannot be
 * finished here is handed to the queue by `requeue`: a case another relay holds, a consumer's retry (at
 * its backoff time), a failure, or a case beyond MAX_WAITING. A crash loses only wake-ups: the outbox
 * sweep finds every case with undelivered events.
 */
export function localDrains(
  deps: Deps,
  concurrency: number,
  requeue: (caseId: string, afterSeconds: number) => Promise<void>,
): LocalDrains {
  const waiting = new Set<string>();
  const active = new Set<string>();
  let stopped = false;
  let idle: (() => void) | null = null;
  const handOver = (caseId: string, afterSeconds: number) =>
    requeue(caseId, afterSeconds).catch((e: unknown) => {
      // The sweep delivers it anyway; the queue only makes it sooner.
      console.error(`outbox: could not queue case ${caseId}: ${e instanceof Error ? e.message : e}`);
    });
  const drain = async (caseId: string) => {
    try {
      const r = await drainCase(deps, caseId);
      const wait = r.status === "busy" ? 1 : r.status === "retry" ? retryAfterSeconds(deps, r.retryAt) : null;
      if (wait !== null) await handOver(caseId, wait);
    } catch (e) {
      console.error(`outbox: drain of case ${caseId} failed: ${e instanceof Error ? e.message : e}`);
      await handOver(caseId, 1);
    }
  };
  const next = () => {
    for (const caseId of waiting) {
      if (stopped || active.size >= concurrency) break;
      if (active.has(caseId)) continue;
      waiting.delete(caseId);
      active.add(caseId);
      void drain(caseId).finally(() => {
        active.delete(caseId);
        if (active.size === 0 && idle) idle();
        next();
      });
    }
  };
  return {
    push(caseId) {
      if (stopped) return;
      if (waiting.size >= MAX_WAITING && !waiting.has(caseId)) void handOver(caseId, 0);
      else waiting.add(caseId);
      next();
    },
    async stop() {
      stopped = true;
      waiting.clear();
      if (active.size > 0) await new Promise<void>((done) => (idle = done));
    },
  };
}
