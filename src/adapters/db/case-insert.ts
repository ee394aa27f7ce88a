import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { CaseEvent, ReturnCase } from "../../domain/return-case.ts";
import type { BankSeal } from "./bank-seal.ts";
import { json, updateValues } from "./case-values.ts";
import type { Executor } from "./database.ts";
import { appendTemplate, appendValues } from "./outbox-mark.ts";
import { returnCases, returnLines } from "./schema.ts";

const p = (name: string, cast = "") => sql`${sql.placeholder(name)}${sql.raw(cast)}`;

/** Every column of a line but its case's, named and typed as the table has them (jsonb_to_recordset). */
const lineColumns = Object.entries(getTableColumns(returnLines)).filter(([key]) => key !== "caseId");
const LINE_NAMES = lineColumns.map(([, col]) => `"${col.name}"`).join(", ");
const LINE_FIELDS = lineColumns.map(([key, col]) => `"${key}" ${col.getSQLType()}`).join(", ");
const LINE_VALUES = lineColumns.map(([key]) => `l."${key}"`).join(", ");

/**
 * A new case, its lines, its first events (numbered from 1) and its outbox mark: one statement whose
 * text is built once per process (built-sql.ts), whatever the number of lines and events (both travel
 * as JSON). Drizzle built this insert on every creation: 5 % of the server's CPU per creation.
 */
export function caseInsertTemplate(db: Executor): SQL {
  const caseInsert = db
    .insert(returnCases)
    .values({
      id: p("id", "::uuid"),
      merchantId: p("merchantId", "::uuid"),
      number: p("number"),
      orderId: p("orderId", "::uuid"),
      orderExternalId: p("orderExternalId"),
      customerId: p("customerId", "::uuid"),
      vendor: p("vendor", "::text"),
      groupId: p("groupId", "::uuid"),
      currency: p("currency"),
      locale: p("locale"),
      source: p("source"),
      status: p("status"),
      requestedResolution: p("requestedResolution"),
      returnRequired: p("returnRequired", "::boolean"),
      decision: p("decision", "::jsonb"),
      overrides: p("overrides", "::jsonb"),
      expressAgreements: p("expressAgreements", "::jsonb"),
      shipBy: p("shipBy", "::timestamptz"),
      refundDeadline: p("refundDeadline", "::jsonb"),
      portal: p("portal", "::jsonb"),
      version: p("version", "::int"),
      createdAt: p("createdAt", "::timestamptz"),
      updatedAt: p("updatedAt", "::timestamptz"),
    })
    .getSQL();
  const linesInsert = sql`insert into return_lines (case_id, ${sql.raw(LINE_NAMES)})
    select ${p("id", "::uuid")}, ${sql.raw(LINE_VALUES)}
    from jsonb_to_recordset(${p("lines", "::jsonb")}) as l(${sql.raw(LINE_FIELDS)})`;
  return appendTemplate([caseInsert, linesInsert]);
}

/** The values of `caseInsertTemplate` for the case `c` and its first events. */
export function caseInsertValues(c: ReturnCase, events: readonly CaseEvent[], seal: BankSeal) {
  const { expected: _, ...row } = updateValues(c, c.version, seal);
  return {
    ...row,
    ...appendValues(c, events, 0),
    number: c.number,
    orderId: c.orderId,
    orderExternalId: c.orderExternalId,
    customerId: c.customerId,
    vendor: c.vendor,
    groupId: c.groupId ?? null,
    currency: c.currency,
    locale: c.locale,
    source: c.source,
    requestedResolution: c.requestedResolution,
    decision: json(c.decision),
    refundDeadline: json(c.refundDeadline ?? null),
    createdAt: c.createdAt,
    lines: JSON.stringify(
      c.lines.map((l, position) => ({
        id: l.id,
        orderLineId: l.orderLineId,
        position,
        orderLineExternalId: l.orderLineExternalId,
        sku: l.sku,
        title: l.title,
        unitPrice: l.unitPrice.amount,
        currency: l.unitPrice.currency,
        reason: l.reason,
        comment: l.comment,
        resolution: l.resolution,
        ...l.counts,
      })),
    ),
  };
}
