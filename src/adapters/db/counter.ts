import { sql } from "drizzle-orm";
import type { Executor } from "./database.ts";
import { counters } from "./schema.ts";

/** The next value of a merchant's named sequence (1, 2, …), taken in the caller's transaction. */
export async function nextCounter(db: Executor, merchantId: string, name: string): Promise<number> {
  const [row] = await db
    .insert(counters)
    .values({ merchantId, name, value: 1 })
    .onConflictDoUpdate({
      target: [counters.merchantId, counters.name],
      set: { value: sql`${counters.value} + 1` },
    })
    .returning({ value: counters.value });
  if (!row) throw new Error("counter not advanced");
  return row.value;
}
