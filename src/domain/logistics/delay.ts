import type { LaneEstimate } from "./lanes.ts";

const DAY_MS = 86_400_000;

/**
 * When a parcel is late: the lane's transit + clearance days after the first carrier scan (or after
 * the label, before any scan), plus `graceDays`. Null while it is not late (or already delivered).
 */
export function delay(
  lane: Pick<LaneEstimate, "transitDays" | "clearanceDays">,
  since: Date,
  now: Date,
  graceDays = 1,
): { dueBy: Date; daysLate: number } | null {
  const dueBy = new Date(since.getTime() + (lane.transitDays + lane.clearanceDays + graceDays) * DAY_MS);
  if (now.getTime() <= dueBy.getTime()) return null;
  return { dueBy, daysLate: Math.floor((now.getTime() - dueBy.getTime()) / DAY_MS) + 1 };
}
