import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { LaneRow } from "../../domain/logistics/lanes.ts";

const FILE = join(import.meta.dirname, "../../../reference/logistics/lanes.json");

/** The reference lane table (reference/logistics/lanes.json), checked row by row. */
export function loadLaneTable(file = FILE): LaneRow[] {
  const doc = JSON.parse(readFileSync(file, "utf8")) as { lanes?: unknown };
  if (!Array.isArray(doc.lanes)) throw new Error(`${file}: no "lanes" array`);
  return doc.lanes.map((row: Record<string, unknown>, i: number) => {
    const ok =
      typeof row.from === "string" &&
      typeof row.to === "string" &&
      Number.isInteger(row.transitDays) &&
      Number.isInteger(row.clearanceDays) &&
      Number.isInteger(row.labelCost) &&
      typeof row.labelCurrency === "string";
    if (!ok)
      throw new Error(
        `${file}: lanes[${i}] needs from, to, transitDays, clearanceDays, labelCost (integer minor units), labelCurrency`,
      );
    return row as unknown as LaneRow;
  });
}
