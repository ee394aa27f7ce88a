import { sql } from "drizzle-orm";
import { bigint, boolean, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../../src/adapters/db/database.ts";
import { jsonRowsInsertSql } from "../../../src/adapters/db/json-rows.ts";
import { describeEachDb, freshDatabase } from "../../support/databases.ts";

const sample = pgTable("json_rows_sample", {
  id: uuid("id").primaryKey(),
  amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
  count: integer("qty").notNull(),
  note: text("note"),
  flag: boolean("flag").notNull(),
  doc: jsonb("doc"),
  at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
});

/** Rows inserted as one JSON parameter read back as Drizzle wrote them. */
describeEachDb("rows inserted as JSON", (kind) => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await freshDatabase(kind));
    await database.db.execute(
      sql.raw(`create table json_rows_sample (id uuid primary key, amount_minor bigint not null,
        qty int not null, note text, flag boolean not null, doc jsonb, at timestamptz not null)`),
    );
  });
  afterAll(() => drop());

  it("inserts any number of rows, every type as Drizzle reads it back", async () => {
    const rows = [
      {
        id: "019d0000-0000-7000-8000-000000000001",
        amountMinor: 9_007_199_254_740_991,
        count: -3,
        note: 'l\'été "quoted" — ✓',
        flag: true,
        doc: { nested: [1, { a: null }], text: "x" },
        at: new Date("2026-12-07T03:04:05.678Z"),
      },
      {
        id: "019d0000-0000-7000-8000-000000000002",
        amountMinor: 0,
        count: 0,
        note: null,
        flag: false,
        doc: null,
        at: new Date("1999-01-01T00:00:00.000Z"),
      },
    ];
    await database.db.execute(jsonRowsInsertSql(sample, rows));
    expect(await database.db.select().from(sample).orderBy(sample.id)).toEqual(rows);
  });

  it("refuses a field the table does not have, and no rows", () => {
    expect(() => jsonRowsInsertSql(sample, [{ id: "x", colour: "red" }])).toThrow(
      "json_rows_sample has no field colour",
    );
    expect(() => jsonRowsInsertSql(sample, [])).toThrow("no rows to insert into json_rows_sample");
  });
});
