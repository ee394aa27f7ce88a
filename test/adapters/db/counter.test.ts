import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { nextCounter } from "../../../src/adapters/db/counter.ts";
import type { Database } from "../../../src/adapters/db/database.ts";
import { describeEachDb } from "../../support/databases.ts";
import { type Harness, merchantWithKey, startHarness } from "../../support/harness.ts";

type Rows = { rows: Record<string, unknown>[] };

/**
 * Case numbers come from a merchant's counter row. Taken on their own (outside a transaction) they
 * commit without waiting for the disk, which must not leak into the connection's later transactions.
 */
describeEachDb("merchant counters", (kind) => {
  let h: Harness;
  let database: Database;
  let merchantId = "";
  beforeAll(async () => {
    h = await startHarness(kind);
    database = h.database;
    ({ merchantId } = await merchantWithKey(h.deps, "counter"));
  });
  afterAll(() => h.close());

  const show = async () =>
    ((await database.db.execute(sql`show synchronous_commit`)) as unknown as Rows).rows[0]
      ?.synchronous_commit;

  it("numbers 1, 2, 3 … per merchant and name, on their own and in a transaction", async () => {
    expect(await nextCounter(database.db, merchantId, "a")).toBe(1);
    expect(await nextCounter(database.db, merchantId, "a")).toBe(2);
    expect(await nextCounter(database.db, merchantId, "b")).toBe(1);
    expect(await database.db.transaction((tx) => nextCounter(tx, merchantId, "a"))).toBe(3);
    expect(await nextCounter(database.db, merchantId, "a")).toBe(4);
  });

  it("a number taken in a transaction that rolls back is taken again", async () => {
    const rolled = await database.db
      .transaction(async (tx) => {
        await nextCounter(tx, merchantId, "c");
        throw new Error("roll back");
      })
      .catch((e: Error) => e.message);
    expect(rolled).toBe("roll back");
    expect(await nextCounter(database.db, merchantId, "c")).toBe(1);
  });

  it("parallel numbers taken on their own are distinct and without gaps", async () => {
    const got = await Promise.all(
      Array.from({ length: 30 }, () => nextCounter(database.db, merchantId, "d")),
    );
    expect([...got].sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it("the connection's transactions after a number still wait for the disk", async () => {
    expect(await show()).toBe("on");
    await nextCounter(database.db, merchantId, "e");
    expect(await show()).toBe("on");
    expect(
      await database.db.transaction(async (tx) => {
        await nextCounter(tx, merchantId, "e");
        return ((await tx.execute(sql`show synchronous_commit`)) as unknown as Rows).rows[0]
          ?.synchronous_commit;
      }),
    ).toBe("on");
  });
});
