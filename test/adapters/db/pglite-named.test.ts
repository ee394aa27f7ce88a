import { PGlite, types } from "@electric-sql/pglite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { namedPglite } from "../../../src/adapters/db/pglite-named.ts";

/** PGlite's statements that namedPglite prepared (PGlite's own query leaves none behind). */
async function statements(pg: PGlite): Promise<string[]> {
  const r = await pg.query<{ name: string }>("select name from pg_prepared_statements order by name");
  return r.rows.map((row) => row.name);
}

const ITEMS = `create table items (
  id int primary key, label text not null, price bigint, seen timestamptz, tags text[], data jsonb, ok boolean
)`;

describe("PGlite queries as named statements", () => {
  let pg: PGlite;
  beforeEach(async () => {
    pg = await PGlite.create();
    await pg.exec(ITEMS);
  });
  afterEach(() => pg.close());

  it("returns what PGlite's own query returns, for every row mode, type and option", async () => {
    const named = namedPglite(pg);
    const insert = "insert into items values ($1, $2, $3, $4, $5, $6, $7)";
    const rows = [
      [1, "one", 9007199254740991n, new Date("2026-12-07T10:00:00Z"), ["a", "b"], { k: [1, 2] }, true],
      [2, "two", null, null, [], null, false],
    ];
    for (const row of rows) {
      const a = await named.query(insert, row);
      expect(a.affectedRows).toBe(1);
    }
    const select = "select * from items where id = any($1) order by id";
    const drizzleLike = { rowMode: "array" as const, parsers: { [types.TIMESTAMPTZ]: (v: string) => v } };
    // Each call's own parsers, laid over PGlite's once per parsers object (the same object again, then
    // another one for the same statement, then the first again).
    const upper = { rowMode: "object" as const, parsers: { [types.TEXT]: (v: string) => v.toUpperCase() } };
    for (const options of [undefined, drizzleLike, drizzleLike, upper, drizzleLike, undefined]) {
      const ours = await named.query(select, [[1, 2]], options);
      const theirs = await pg.query(select, [[1, 2]], options);
      expect(ours.rows).toEqual(theirs.rows);
      expect(ours.fields).toEqual(theirs.fields);
      expect(ours.rows).toHaveLength(2);
    }
    const update = await named.query("update items set ok = $1 where id > $2", [true, 0]);
    expect(update.affectedRows).toBe(2);
    expect((await named.query("select count(*)::int as n from items where ok", [])).rows).toEqual([{ n: 2 }]);
  });

  it("parses a text once, however often it runs", async () => {
    const named = namedPglite(pg);
    for (let i = 0; i < 7; i++)
      await named.query("insert into items (id, label) values ($1, $2)", [i, `n${i}`]);
    expect(await statements(pg)).toHaveLength(1);
    const found = await named.query<{ label: string }>("select label from items where id = $1", [3]);
    expect(found.rows).toEqual([{ label: "n3" }]);
    expect(await statements(pg)).toHaveLength(2);
    // Another client of the same database shares the statements.
    await namedPglite(pg).query("select label from items where id = $1", [4]);
    expect(await statements(pg)).toHaveLength(2);
  });

  it("runs texts past the cap through PGlite's own query, with the same results", async () => {
    const named = namedPglite(pg, 1);
    await named.query("insert into items (id, label) values ($1, $2)", [1, "one"]);
    const past = await named.query<{ label: string }>("select label from items where id = $1", [1]);
    expect(past.rows).toEqual([{ label: "one" }]);
    expect(await statements(pg)).toHaveLength(1);
  });

  it("keeps a transaction's work together, and a failed statement names its text and code", async () => {
    const named = namedPglite(pg);
    const insert = "insert into items (id, label) values ($1, $2)";
    await named.transaction(async (tx) => {
      await tx.query(insert, [1, "kept"]);
      expect((await tx.query("select label from items where id = $1", [1])).rows).toEqual([
        { label: "kept" },
      ]);
    });
    const failure = await named
      .transaction(async (tx) => {
        await tx.query(insert, [2, "rolled back"]);
        await tx.query(insert, [1, "duplicate"]);
      })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: "23505", query: insert, params: [1, "duplicate"] });
    const left = await named.query<{ id: number }>("select id from items where id = any($1) order by id", [
      [1, 2],
    ]);
    expect(left.rows).toEqual([{ id: 1 }]);
    // The session is usable again, inside and outside a transaction.
    await named.transaction((tx) => tx.query(insert, [3, "after"]));
    expect((await named.query("select count(*)::int as n from items", [])).rows).toEqual([{ n: 2 }]);
  });

  it("makes a query outside a transaction wait for the open transaction, as PGlite's does", async () => {
    const named = namedPglite(pg);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = () => {};
    const inserted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const open = named.transaction(async (tx) => {
      await tx.query("insert into items (id, label) values ($1, $2)", [1, "inside"]);
      started();
      await held;
    });
    await inserted;
    let answered = false;
    const outside = named
      .query<{ n: number }>("select count(*)::int as n from items where id = $1", [1])
      .finally(() => {
        answered = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    release();
    await open;
    expect((await outside).rows).toEqual([{ n: 1 }]);
  });

  it("refuses a closed transaction, and prepares again a statement whose rows changed shape", async () => {
    const named = namedPglite(pg);
    let kept: Parameters<Parameters<typeof named.transaction>[0]>[0] | undefined;
    await named.transaction(async (tx) => {
      kept = tx;
    });
    expect(() => kept?.query("select 1", [])).toThrow("Transaction is closed");
    await named.query("insert into items (id, label) values ($1, $2)", [1, "one"]);
    const all = "select * from items where id = $1";
    expect(Object.keys((await named.query<object>(all, [1])).rows[0] ?? {})).toHaveLength(7);
    await pg.exec("alter table items add column extra text default 'x'");
    await expect(named.query(all, [1])).rejects.toThrow(/cached plan must not change result type/);
    const again = await named.query<{ extra: string }>(all, [1]);
    expect(again.rows[0]?.extra).toBe("x");
  });
});
