import { and, eq, sql } from "drizzle-orm";
import type { ReturnCase } from "../../domain/return-case.ts";
import { type BankSeal, sealPortal } from "./bank-seal.ts";
import type { Executor } from "./database.ts";
import { prepared } from "./prepared.ts";
import { returnCases } from "./schema.ts";

/** A case's columns that change after it is opened, as stored. */
export function caseValues(c: ReturnCase, seal: BankSeal) {
  return {
    status: c.status,
    returnRequired: c.returnRequired,
    overrides: c.overrides.map((o) => ({ ...o, at: o.at.toISOString() })),
    expressAgreements: c.expressAgreements.map((a) => ({ ...a, at: a.at.toISOString() })),
    shipBy: c.shipBy,
    portal: sealPortal(seal, c.portal),
    version: c.version,
    updatedAt: c.updatedAt,
  };
}

/** A jsonb column's parameter: the value as JSON text, null as SQL null. */
export const json = (v: unknown) => (v === null ? null : JSON.stringify(v));

/** A case's row written if its version is still `expectedVersion` (built once per process, prepared.ts). */
export const updateCase = (db: Executor) =>
  prepared(db, "case_update", () => {
    const p = (name: string, cast = "") => sql`${sql.placeholder(name)}${sql.raw(cast)}`;
    return db
      .update(returnCases)
      .set({
        status: p("status"),
        returnRequired: p("returnRequired"),
        overrides: p("overrides", "::jsonb"),
        expressAgreements: p("expressAgreements", "::jsonb"),
        shipBy: p("shipBy", "::timestamptz"),
        portal: p("portal", "::jsonb"),
        version: p("version", "::int"),
        updatedAt: p("updatedAt", "::timestamptz"),
      })
      .where(
        and(eq(returnCases.id, sql.placeholder("id")), eq(returnCases.version, sql.placeholder("expected"))),
      )
      .returning({ id: returnCases.id })
      .prepare("case_update");
  });

/** The placeholders' values of `updateCase`: the case's columns as `caseValues` writes them. */
export function updateValues(c: ReturnCase, expected: number, seal: BankSeal) {
  const v = caseValues(c, seal);
  return {
    ...v,
    overrides: json(v.overrides),
    expressAgreements: json(v.expressAgreements),
    portal: json(v.portal),
    id: c.id,
    expected,
  };
}
