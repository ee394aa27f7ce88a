/**
 * Ids as one PostgreSQL array literal (`{a,b,c}`), bound as a single parameter and cast `::uuid[]` by
 * the statement: its text stays the same however many ids there are. Uuids need no quoting.
 */
export const uuidArray = (ids: readonly string[]): string => `{${ids.join(",")}}`;
