/** Background jobs (pg-boss). Enqueued after the business transaction commits; handlers are idempotent. */
export interface JobQueue {
  enqueue(
    name: string,
    data: Record<string, unknown>,
    opts?: { singletonKey?: string; startAfterSeconds?: number },
  ): Promise<void>;
}

/** The job queue as job handlers see it: their handlers and schedules (pg-boss in adapters/jobs). */
export interface JobRunner extends JobQueue {
  /** Runs `handler` for jobs of `name`; a throw makes pg-boss retry with backoff. */
  work(
    name: string,
    handler: (data: Record<string, unknown>) => Promise<void>,
    /** `concurrency` fetching workers; `parallel` jobs of each fetched batch at once (default 1). */
    opts?: { concurrency?: number; parallel?: number },
  ): Promise<void>;
  /** Cron-style schedule (pg-boss `schedule`), e.g. every minute. */
  schedule(name: string, cron: string): Promise<void>;
  stop(): Promise<void>;
}
