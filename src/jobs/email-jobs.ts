import { sendShipByReminders } from "../app/notify/ship-by-reminders.ts";
import type { Deps, JobRunner } from "../app/ports/index.ts";

export const SHIP_BY_REMINDER_JOB = "email.ship-by-reminders";

/** Every hour: the reminder e-mail to shoppers whose ship-by date is near and whose parcel has not left. */
export async function registerEmailJobs(deps: Deps, jobs: JobRunner): Promise<void> {
  if (!deps.notify) return;
  await jobs.work(SHIP_BY_REMINDER_JOB, () => sendShipByReminders(deps).then(() => undefined));
  await jobs.schedule(SHIP_BY_REMINDER_JOB, "17 * * * *");
}
