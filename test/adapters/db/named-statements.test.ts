import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/adapters/db/database.ts";
import { NAMED_TEXT_CAP, withName } from "../../../src/adapters/db/named-statements.ts";
import { freshDatabase } from "../../support/databases.ts";

type Rows = { rows: Record<string, unknown>[] };

describe("named statements: which queries get a name", () => {
  it("names parameterised texts, one name per text, and leaves the rest as they are", () => {
    const a = withName({ text: "select $1::int" }, [1]) as { name?: string };
    const again = withName({ text: "select $1::int", rowMode: "array" }, [2]) as Record<string, unknown>;
    expect(a.name).toMatch(/^cb_[\w-]{20}$/);
    expect(again).toEqual({ text: "select $1::int", rowMode: "array", name: a.name });
    expect((withName({ text: "select $1::text" }, ["x"]) as { name?: string }).name).not.toBe(a.name);
    // No parameters: the simple protocol (BEGIN, migrations, several statements in one text).
    const plain = { text: "select 1; select 2" };
    expect(withName(plain, [])).toBe(plain);
    expect(withName(plain, undefined)).toBe(plain);
    // A name given by the caller (Drizzle's .prepare) and plain strings pass through.
    const named = { text: "select $1::int", name: "mine" };
    expect(withName(named, [1])).toBe(named);
    expect(withName("select 1", undefined)).toBe("select 1");
    // query(text, values), as pg-boss calls it.
    expect(withName("select $1::int", [1])).toEqual({ text: "select $1::int", name: a.name });
    expect(withName("select 1", [])).toBe("select 1");
    // Parameters inside the config count too.
    expect(
      (withName({ text: "select $1::bigint", values: [1] }, undefined) as { name?: string }).name,
    ).toMatch(/^cb_/);
  });
});

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)(
  `named statements on PostgreSQL${url ? "" : " — skipped: set TEST_DATABASE_URL to run on PostgreSQL"}`,
  () => {
    const prepared = async (named: boolean) => {
      const { database: fresh, drop } = await freshDatabase("postgres");
      const database = await openDatabase({ url: fresh.location, poolSize: 1, namedStatements: named });
      try {
        return await database.db.transaction(async (tx) => {
          const got = (await tx.execute(sql`select ${41}::int + 1 as answer`)) as unknown as Rows;
          expect(got.rows).toEqual([{ answer: 42 }]);
          const statements = (await tx.execute(
            sql.raw("select name, statement from pg_prepared_statements order by name"),
          )) as unknown as Rows;
          return statements.rows.map((r) => [String(r.name).slice(0, 3), r.statement]);
        });
      } finally {
        await database.close();
        await drop();
      }
    };

    it("prepares a parameterised query once on its connection, under its name", async () => {
      expect(await prepared(true)).toEqual([["cb_", "select $1::int + 1 as answer"]]);
    });

    it("prepares nothing when switched off (CROSSBACK_NAMED_STATEMENTS=0)", async () => {
      expect(await prepared(false)).toEqual([]);
    });
  },
);

// Last: it fills this process's names up to the cap.
describe("named statements: the cap", () => {
  it("stops naming new texts at the cap and keeps the names it gave", () => {
    const first = (withName({ text: "select $1 as first" }, [1]) as { name?: string }).name;
    for (let i = 0; i < NAMED_TEXT_CAP; i++) withName({ text: `select $1 as c${i}` }, [i]);
    const late = { text: "select $1 as late" };
    expect(withName(late, [1])).toBe(late);
    expect((withName({ text: "select $1 as first" }, [1]) as { name?: string }).name).toBe(first);
  });
});
