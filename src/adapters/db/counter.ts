import { sql } from "drizzle-orm";
import type { Executor } from "./database.ts";
import { prepared } from "./prepared.ts";
import { counters } from "./schema.ts";

/** The next value of a merchant's named sequence (1, 2, …), taken in the caller's transaction. */
export async function nextCounter(db: Executor, merchantId: string, name: string): Promise<number> {
  const q = prepared(db, "counter_next", () =>
    db
      .insert(counters)
      .values({ merchantId: sql.placeholder("m"), name: sql.placeholder("n"), value: 1 })
      .onConflictDoUpdate({
        target: [counters.merchantId, counters.name],
        set: { value: sql`${counters.value} + 1` },
      })
      .returning({ value: counters.value })
      .prepare("counter_next"),
  );
  const [row] = await q.execute({ m: merchantId, n: name });
  if (!row) throw new Error("counter not advanced");
  return row.value;
}
