import { shipByReminder } from "../../domain/notify/email/email-plan.ts";
import type { Deps } from "../ports/index.ts";
import { sendCaseEmail } from "./email-send.ts";

export const REMINDER_KEY = "reminder:";
export const DEFAULT_REMINDER_DAYS = 3;

/**
 * The reminder before the ship-by date (a scheduled job): cases still waiting for the shopper's
 * parcel whose ship-by date is at most `reminderDaysBefore` days away get one reminder each (the
 * message key `reminder:<case id>` is recorded before sending, so a second run sends nothing again).
 */
export async function sendShipByReminders(deps: Deps, limit = 200): Promise<{ due: number; failed: number }> {
  const now = deps.clock.now();
  const days = deps.notify?.reminderDaysBefore ?? DEFAULT_REMINDER_DAYS;
  const until = new Date(now.getTime() + days * 86_400_000);
  const due = await deps.store.read.emailMessages.awaitingShipment(now, until, REMINDER_KEY, limit);
  let failed = 0;
  for (const { merchantId, caseId } of due) {
    const merchant = await deps.store.read.merchants.byId(merchantId);
    const c = await deps.store.read.cases.load(merchantId, caseId);
    if (!merchant || !c?.shipBy) continue;
    const r = await sendCaseEmail(deps, merchant, c, shipByReminder(c.shipBy, now), `${REMINDER_KEY}${c.id}`);
    if (!r.ok) failed++;
  }
  return { due: due.length, failed };
}
