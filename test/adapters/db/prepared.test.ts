import { randomUUID } from "node:crypto";
import { eq, sql, TransactionRollbackError } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database, Executor } from "../../../src/adapters/db/database.ts";
import { prepared } from "../../../src/adapters/db/prepared.ts";
import { merchants } from "../../../src/adapters/db/schema.ts";
import { describeEachDb, freshDatabase } from "../../support/databases.ts";

const bySlug = (db: Executor) =>
  prepared(db, "test_merchant_by_slug", () =>
    db
      .select({ name: merchants.name })
      .from(merchants)
      .where(eq(merchants.slug, sql.placeholder("slug")))
      .prepare("test_merchant_by_slug"),
  );

/**
 * A query prepared once per process runs on the connection of whichever handle asks: a later
 * transaction sees its own uncommitted rows through it (on the pool or another transaction's
 * connection it would not, and PGlite would wait for the open transaction for ever).
 */
describeEachDb("prepared queries across transactions", (kind) => {
  let database: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ database, drop } = await freshDatabase(kind));
  });
  afterAll(() => drop());

  const insert = (tx: Executor, slug: string) =>
    tx.execute(
      sql`insert into merchants (id, slug, name) values (${randomUUID()}, ${slug}, ${`Name ${slug}`})`,
    );

  it("runs in each transaction on that transaction's connection", async () => {
    await database.db.transaction(async (tx) => {
      await insert(tx, "first");
      expect(await bySlug(tx).execute({ slug: "first" })).toEqual([{ name: "Name first" }]);
    });
    // Rolled back: what they inserted is seen only on their own connection.
    for (const slug of ["second", "third"]) {
      let rows: unknown = null;
      await database.db
        .transaction(async (tx) => {
          await insert(tx, slug);
          rows = await bySlug(tx).execute({ slug });
          tx.rollback();
        })
        .catch((e: unknown) => {
          if (!(e instanceof TransactionRollbackError)) throw e;
        });
      expect(rows).toEqual([{ name: `Name ${slug}` }]);
    }
    await database.db.transaction(async (tx) => {
      await insert(tx, "fourth");
      expect(await bySlug(tx).execute({ slug: "fourth" })).toEqual([{ name: "Name fourth" }]);
    });
    expect(await bySlug(database.db).execute({ slug: "second" })).toEqual([]);
    expect(await bySlug(database.db).execute({ slug: "fourth" })).toEqual([{ name: "Name fourth" }]);
  });
});
