/**
 * Most keys waiting here; beyond it a key goes to the job queue instead (a guard on memory: a key is a
 * uuid, 20,000 of them about 2 MB). With 1,000, a 10-second burst of ~330 creations/s on PostgreSQL
 * sent two thousand cases to pg-boss (an insert each during the load, then its workers' fetches): the
 * relay needed 15–16 s after the load, and creations ran at 319–330/s; with 20,000, 5–7 s and 383–416/s.
 */
const MAX_WAITING = 20_000;

/**
 * One run of a key in this process: null when done, else the seconds after which the queue's job
 * should take it over (a lease another process holds, a retry at its backoff time).
 */
export type LocalRun = (key: string) => Promise<number | null>;

/** One run of several keys at once: each key's answer as a `LocalRun`'s (a key left out is done). */
export type LocalBatchRun = (keys: readonly string[]) => Promise<ReadonlyMap<string, number | null>>;

export interface LocalRuns {
  /** Run this key soon, in this process (once, however often it is pushed while it waits). */
  push(key: string): void;
  /** Hands what waits, and what is pushed from now on, to the queue; waits for the runs in flight. */
  stop(): Promise<void>;
}

export interface LocalRunOptions {
  /** Runs at once. */
  readonly lanes: number;
  /** Most keys one run takes (what waits when a lane comes free, up to this). */
  readonly batch: number;
  readonly maxWaiting?: number;
}

/**
 * Runs the keys this process has just committed work for (cases with new events, settlements to pay)
 * here, at most `concurrency` at a time, instead of a job per commit (pg-boss inserts, fetches and
 * completes each one, and its workers poll). What cannot be finished here is handed to the queue by
 * `requeue`: what `run` asks to be retried later, a failure, or a key beyond `maxWaiting`. A crash loses
 * only wake-ups: the sweeps find every case with undelivered events and every settlement still to pay.
 */
export function localRuns(
  label: string,
  concurrency: number,
  run: LocalRun,
  requeue: (key: string, afterSeconds: number) => Promise<void>,
  maxWaiting = MAX_WAITING,
): LocalRuns {
  const one: LocalBatchRun = async ([key]) =>
    key === undefined ? new Map() : new Map([[key, await run(key)]]);
  return localBatchRuns(label, { lanes: concurrency, batch: 1, maxWaiting }, one, requeue);
}

/**
 * `localRuns` whose run takes every key waiting when a lane comes free, up to `batch`: one key at a
 * time while the load is light (no added latency), many per run when keys arrive faster than runs end,
 * so that a run's few statements serve all of them. A failed run hands all of its keys to the queue.
 */
export function localBatchRuns(
  label: string,
  options: LocalRunOptions,
  run: LocalBatchRun,
  requeue: (key: string, afterSeconds: number) => Promise<void>,
): LocalRuns {
  const maxWaiting = options.maxWaiting ?? MAX_WAITING;
  const waiting = new Set<string>();
  const active = new Set<string>();
  let lanes = 0;
  let stopped = false;
  let idle: (() => void) | null = null;
  const handOver = (key: string, afterSeconds: number) =>
    requeue(key, afterSeconds).catch((e: unknown) => {
      // The sweep finds it anyway; the queue only makes it sooner.
      console.error(`${label}: could not queue ${key}: ${e instanceof Error ? e.message : e}`);
    });
  const once = async (keys: readonly string[]) => {
    try {
      const waits = await run(keys);
      for (const key of keys) {
        const wait = waits.get(key) ?? null;
        if (wait !== null) await handOver(key, wait);
      }
    } catch (e) {
      console.error(`${label}: ${keys.join(", ")} failed: ${e instanceof Error ? e.message : e}`);
      for (const key of keys) await handOver(key, 1);
    }
  };
  const take = (): string[] => {
    const keys: string[] = [];
    for (const key of waiting) {
      if (keys.length >= options.batch) break;
      if (active.has(key)) continue;
      waiting.delete(key);
      active.add(key);
      keys.push(key);
    }
    return keys;
  };
  const next = () => {
    while (!stopped && lanes < options.lanes) {
      const keys = take();
      if (keys.length === 0) return;
      lanes++;
      void once(keys).finally(() => {
        lanes--;
        for (const key of keys) active.delete(key);
        if (lanes === 0 && idle) idle();
        next();
      });
    }
  };
  return {
    push(key) {
      if (stopped || (waiting.size >= maxWaiting && !waiting.has(key))) void handOver(key, 0);
      else waiting.add(key);
      next();
    },
    async stop() {
      stopped = true;
      const left = [...waiting];
      waiting.clear();
      await Promise.all(left.map((key) => handOver(key, 0)));
      if (lanes > 0) await new Promise<void>((done) => (idle = done));
    },
  };
}
