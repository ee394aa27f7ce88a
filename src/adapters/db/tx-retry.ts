/**
 * SQLSTATEs after which PostgreSQL has rolled the whole transaction back and trying it again is the
 * documented remedy: a deadlock (40P01) and a serialization failure (40001).
 */
const CONFLICTS = new Set(["40P01", "40001"]);

/** How many times a transaction is tried in all before its conflict goes up. */
export const TX_ATTEMPTS = 4;

/** The SQLSTATE of a driver error, also when Drizzle wrapped it (DrizzleQueryError's `cause`). */
export function sqlState(e: unknown): string | undefined {
  for (let x: unknown = e, depth = 0; x && typeof x === "object" && depth < 4; depth++) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    x = (x as { cause?: unknown }).cause;
  }
  return undefined;
}

export const isConflict = (e: unknown): boolean => CONFLICTS.has(sqlState(e) ?? "");

/**
 * Runs `attempt` (one whole transaction) and runs it again, after a short random pause, when the
 * database rolled it back for a deadlock or a serialization failure: the other transaction of the
 * cycle goes on, and the retry finds what it committed. Safe because a transaction's body only talks
 * to the database (no provider call inside a transaction) and starts afresh on every try. Any other
 * error, and the last conflict, go up unchanged.
 */
export async function retryingConflicts<T>(
  attempt: (n: number) => Promise<T>,
  attempts = TX_ATTEMPTS,
  pause: (n: number) => Promise<void> = (n) =>
    new Promise((res) => setTimeout(res, 5 + Math.random() * 20 * n)),
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (e) {
      if (n >= attempts || !isConflict(e)) throw e;
      await pause(n);
    }
  }
}
