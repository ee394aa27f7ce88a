import { and, asc, eq, getTableColumns, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { CaseRepo, CaseWithCustomer } from "../../app/ports/index.ts";
import type { CaseStatus } from "../../domain/case-status.ts";
import type { CaseEvent, ReturnCase } from "../../domain/return-case.ts";
import type { BankSeal } from "./bank-seal.ts";
import { fromDriver } from "./built-rows.ts";
import { runBuilt } from "./built-sql.ts";
import { caseInsertRow, caseInsertSql } from "./case-insert.ts";
import { linesJson, linesUpdateSql, linesUpdateTemplate } from "./case-lines-update.ts";
import { caseListOrder, caseListWhere } from "./case-list-filter.ts";
import { type CaseRow, type LineRow, toCase } from "./case-rows.ts";
import { updateCase, updateValues } from "./case-values.ts";
import { nextCounter } from "./counter.ts";
import type { Executor } from "./database.ts";
import { eventTimeBounds } from "./event-bounds.ts";
import { toStoredEvent } from "./event-rows.ts";
import { heldByOrder } from "./held-units.ts";
import { appendTemplate, appendValues } from "./outbox-mark.ts";
import { prepared } from "./prepared.ts";
import { caseEvents, inspections, receipts, returnCases, returnLines } from "./schema.ts";
import { uuidArray } from "./uuid-array.ts";

async function appendEvents(
  db: Executor,
  c: Pick<ReturnCase, "id" | "merchantId">,
  events: readonly CaseEvent[],
  onEvents?: (caseId: string) => void,
): Promise<void> {
  if (events.length === 0) return;
  // The transactional outbox: in the same statement as the events themselves, numbered after the last.
  await runBuilt(db, "case_events_append", () => appendTemplate(), appendValues(c, events, null));
  onEvents?.(c.id);
}

/** A case's lines as one JSON array (keys: the Drizzle field names), so a case reads in one statement. */
const LINES_JSON = sql<LineRow[]>`(select coalesce(json_agg(json_build_object(${sql.raw(
  Object.entries(getTableColumns(returnLines))
    .map(([key, col]) => `'${key}', rl."${col.name}"`)
    .join(", "),
)}) order by rl.position), '[]'::json) from return_lines rl where rl.case_id = return_cases.id)`; // qualified by hand: Drizzle leaves a one-table query's columns bare

/** Cases with their lines, one statement. */
function selectCases(db: Executor) {
  return db.select({ c: returnCases, lines: LINES_JSON }).from(returnCases);
}

const toCases = (rows: { c: CaseRow; lines: LineRow[] }[], seal: BankSeal): ReturnCase[] =>
  rows.map((r) => toCase(r.c, r.lines, seal));

const CASE_COLUMNS = getTableColumns(returnCases);

/** Cases of the merchant by id with their customers, one statement (built once). */
async function casesWithCustomer(
  db: Executor,
  seal: BankSeal,
  merchantId: string,
  ids: readonly string[],
): Promise<Map<string, CaseWithCustomer>> {
  if (ids.length === 0) return new Map();
  // Each case by its key, one at a time (a lateral subquery kept apart by `offset 0`): written as
  // `id = any(ids)` among the merchant's cases, the plan PostgreSQL kept for the statement (made while
  // the table was small) read every case of the merchant, on every round of the outbox relay.
  const rows = (await runBuilt(
    db,
    "cases_with_customer",
    () => sql`select return_cases.*, ${LINES_JSON} as "__lines",
        case when cu.id is null then null else json_build_object('id', cu.id, 'email', cu.email,
          'name', cu.name, 'locale', cu.locale, 'timeZone', cu.time_zone) end as "__customer"
      from unnest(${sql.placeholder("ids")}::uuid[]) as k(id)
      cross join lateral (select * from return_cases where return_cases.id = k.id offset 0) as return_cases
      left join customers cu on cu.id = return_cases.customer_id and cu.merchant_id = return_cases.merchant_id
      where return_cases.merchant_id = ${sql.placeholder("m")}::uuid`,
    { m: merchantId, ids: uuidArray(ids) },
  )) as (Record<string, unknown> & { __lines: LineRow[]; __customer: CaseWithCustomer["customer"] })[];
  return new Map(
    rows.map((row) => {
      const c = fromDriver(CASE_COLUMNS, row) as CaseRow;
      return [c.id, { case: toCase(c, row.__lines, seal), customer: row.__customer }] as const;
    }),
  );
}

/** `onEvents` hears of each case that got events (the store tells the outbox relay after the commit). */
export function caseRepo(db: Executor, seal: BankSeal, onEvents?: (caseId: string) => void): CaseRepo {
  // Cases this handle (a transaction's) locked with lockForEvents: their appends need no lock again.
  const locked = new Set<string>();
  return {
    async load(merchantId, id) {
      const q = prepared(db, "case_with_lines", () =>
        selectCases(db)
          .where(
            and(eq(returnCases.merchantId, sql.placeholder("m")), eq(returnCases.id, sql.placeholder("id"))),
          )
          .prepare("case_with_lines"),
      );
      return toCases(await q.execute({ m: merchantId, id }), seal)[0] ?? null;
    },
    loadWithCustomers: (merchantId, ids) => casesWithCustomer(db, seal, merchantId, ids),
    async insert(c, events) {
      // One statement: the case, its lines, first events, report entry and outbox mark (case-insert.ts).
      const cases = JSON.stringify([caseInsertRow(c, events, seal)]);
      await runBuilt(db, "case_insert", caseInsertSql, { cases });
      onEvents?.(c.id);
    },
    async update(c, expectedVersion, events) {
      const won = await updateCase(db).execute(updateValues(c, expectedVersion, seal));
      if (won.length === 0) return false;
      // The lines, the events and the outbox mark: one statement.
      if (events.length === 0) await db.execute(linesUpdateSql(c.id, c.lines));
      else {
        const values = { ...appendValues(c, events, null), lines: linesJson(c.lines) };
        await runBuilt(db, "case_lines_events", () => appendTemplate([linesUpdateTemplate()]), values);
        onEvents?.(c.id);
      }
      return true;
    },
    async list(merchantId, q) {
      const rows = await selectCases(db)
        .where(caseListWhere(merchantId, q))
        .orderBy(caseListOrder(q))
        .limit(q.limit);
      return toCases(rows, seal);
    },
    async events(merchantId, caseId) {
      const rows = await db
        .select()
        .from(caseEvents)
        .where(
          and(
            eq(caseEvents.merchantId, merchantId),
            eq(caseEvents.caseId, caseId),
            eventTimeBounds(sql`${caseId}::uuid`),
          ),
        )
        .orderBy(asc(caseEvents.seq));
      return rows.map(toStoredEvent);
    },
    heldByOrder: (merchantId, orderId, exceptCaseId) =>
      heldByOrder(db, merchantId, orderId, exceptCaseId ?? null),
    async append(c, events) {
      // Events that do not bump the version: lock the case row so concurrent appenders number in turn.
      // Case locks are FOR NO KEY UPDATE: they exclude each other and writes of the row, but not the
      // foreign-key checks of rows that name the case (FOR KEY SHARE). FOR UPDATE made a relay's release
      // (outbox progress names the case) wait for a case transaction that was itself waiting for the
      // release's outbox mark: a deadlock, which could kill an approval or a settlement's outcome.
      if (!locked.has(c.id))
        await db
          .select({ id: returnCases.id })
          .from(returnCases)
          .where(eq(returnCases.id, c.id))
          .for("no key update");
      await appendEvents(db, c, events, onEvents);
    },
    async lockForEvents(merchantId, id) {
      const q = prepared(db, "case_lock_status", () =>
        db
          .select({ id: returnCases.id, merchantId: returnCases.merchantId, status: returnCases.status })
          .from(returnCases)
          .where(
            and(eq(returnCases.merchantId, sql.placeholder("m")), eq(returnCases.id, sql.placeholder("id"))),
          )
          .for("no key update")
          .prepare("case_lock_status"),
      );
      const [row] = await q.execute({ m: merchantId, id });
      if (!row) return null;
      // Outside a transaction the lock ends with the statement: nothing to remember.
      if (db instanceof PgTransaction) locked.add(row.id);
      return { ...row, status: row.status as CaseStatus };
    },
    nextNumber: (merchantId) => nextCounter(db, merchantId, "return_case"),
    async recordReceipts(rows) {
      if (rows.length > 0) await db.insert(receipts).values([...rows]);
    },
    async recordInspections(rows) {
      if (rows.length > 0) await db.insert(inspections).values([...rows]);
    },
  };
}
