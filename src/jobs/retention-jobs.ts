import type { Deps, JobRunner } from "../app/ports/index.ts";
import { purgeExpired } from "../app/retention.ts";

export const RETENTION_JOB = "retention.purge";

/** Hourly: idempotency keys and webhook events older than their retention are deleted. */
export async function registerRetentionJobs(deps: Deps, jobs: JobRunner): Promise<void> {
  await jobs.work(RETENTION_JOB, () => purgeExpired(deps).then(() => undefined));
  await jobs.schedule(RETENTION_JOB, "41 * * * *");
}
