import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { CaseLine, LineCounters } from "../../domain/return-case.ts";
import { returnLines } from "./schema.ts";

const COUNTERS: readonly (keyof LineCounters)[] = [
  "requested",
  "approved",
  "rejected",
  "shipped",
  "received",
  "accepted",
  "refused",
  "lost",
  "resolved",
  "refunded",
];
const columns = getTableColumns(returnLines);
const SET = COUNTERS.map((k) => `"${columns[k].name}" = v."${k}"`).join(", ");
const TYPES = COUNTERS.map((k) => `"${k}" int`).join(", ");

/** Every line's counters and resolution as one statement (the lines as one JSON array, joined by id). */
export function linesUpdateSql(caseId: string, lines: readonly CaseLine[]): SQL {
  return linesUpdate(caseId, linesJson(lines));
}

/** The lines' update with placeholders `caseId` and `lines` (`linesJson`), for a statement built once. */
export const linesUpdateTemplate = (): SQL =>
  linesUpdate(sql.placeholder("caseId"), sql.placeholder("lines"));

export const linesJson = (lines: readonly CaseLine[]): string =>
  JSON.stringify(lines.map((l) => ({ id: l.id, resolution: l.resolution, ...l.counts })));

function linesUpdate(caseId: unknown, rows: unknown): SQL {
  return sql`update return_lines set resolution = v.resolution, ${sql.raw(SET)}
    from jsonb_to_recordset(${rows}::jsonb) as v(id uuid, resolution text, ${sql.raw(TYPES)})
    where return_lines.case_id = ${caseId}::uuid and return_lines.id = v.id`;
}
