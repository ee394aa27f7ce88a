import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { insertRow, updateRows } from "../../../src/adapters/db/built-rows.ts";
import type { Database } from "../../../src/adapters/db/database.ts";
import { merchants, settlements } from "../../../src/adapters/db/schema.ts";
import { describeEachDb, freshDatabase } from "../../support/databases.ts";

/**
 * Row writes built once per set of columns read back as Drizzle's own select reads them: JSON,
 * timestamps, defaults for the columns not given, and only the rows the condition selects.
 */
describeEachDb("rows written through statements built once", (kind) => {
  let database: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ database, drop } = await freshDatabase(kind));
  });
  afterAll(() => drop());

  const read = async (id: string) =>
    (await database.db.select().from(merchants).where(eq(merchants.id, id)))[0];

  it("inserts what it is given, the other columns taking their defaults", async () => {
    const id = randomUUID();
    const createdAt = new Date("2026-12-01T10:11:12.345Z");
    const settings = { tenderOrder: ["gift_card", "card"], note: 'ä "quoted" \\ ok', n: 12 };
    await insertRow(database.db, merchants, { id, slug: `s-${id}`, name: "Acme", settings, createdAt });
    expect(await read(id)).toEqual({
      id,
      slug: `s-${id}`,
      name: "Acme",
      defaultLocale: "en",
      settlementCurrency: "EUR",
      settings,
      createdAt,
    });
  });

  it("updates the rows its condition selects and answers them as a select reads them", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    for (const id of [a, b])
      await insertRow(database.db, merchants, { id, slug: `s-${id}`, name: "Before", createdAt: new Date() });
    const where = () => eq(merchants.id, sql.placeholder("id"));
    const rows = await updateRows(
      database.db,
      "test_merchant",
      merchants,
      { name: "After", settings: { fx: null } },
      where,
      { id: a },
    );
    expect(rows).toEqual([await read(a)]);
    expect(rows[0]).toMatchObject({ name: "After", settings: { fx: null } });
    expect((await read(b))?.name).toBe("Before");
    const none = await updateRows(database.db, "test_merchant", merchants, { name: "X" }, where, {
      id: randomUUID(),
    });
    expect(none).toEqual([]);
  });

  it("refuses a field the table does not have, naming it", async () => {
    const bad = { id: randomUUID(), nope: 1 } as unknown as typeof settlements.$inferInsert;
    await expect(insertRow(database.db, settlements, bad)).rejects.toThrow('no column "nope"');
  });
});
