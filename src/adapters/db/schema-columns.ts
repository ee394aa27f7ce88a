import { bigint, timestamp } from "drizzle-orm/pg-core";

/** `timestamptz`, read as a Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
/** Money in integer minor units (bigint, read as a safe JS number). */
export const minor = (name: string) => bigint(name, { mode: "number" });
