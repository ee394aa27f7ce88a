import pg from "pg";

/**
 * Two extra sessions on a PostgreSQL test database, for tests that make the service's own transaction
 * a deadlock victim: `other` takes the locks that close the cycle, `watcher` observes.
 */
export interface DeadlockSessions {
  readonly other: pg.Client;
  readonly watcher: pg.Client;
  /** The database's deadlock count (pg_stat_database). */
  deadlocks(): Promise<number>;
  /** Waits until some backend waits for the session `pid`. */
  blockedBy(pid: number): Promise<void>;
  /** Waits until the count passes `before` (the session reports its statistics within a second or so). */
  deadlockAfter(before: number): Promise<number>;
  end(): Promise<void>;
}

export async function deadlockSessions(location: string): Promise<DeadlockSessions> {
  const other = new pg.Client({ connectionString: location });
  const watcher = new pg.Client({ connectionString: location });
  await other.connect();
  await watcher.connect();
  const pause = () => new Promise((r) => setTimeout(r, 10));
  const deadlocks = async () =>
    Number(
      (await watcher.query("select deadlocks from pg_stat_database where datname = current_database()"))
        .rows[0]?.deadlocks,
    );
  return {
    other,
    watcher,
    deadlocks,
    async blockedBy(pid) {
      for (let i = 0; i < 500; i++) {
        const w = await watcher.query(
          "select 1 from pg_stat_activity where $1 = any(pg_blocking_pids(pid))",
          [pid],
        );
        if (w.rows.length > 0) return;
        await pause();
      }
      throw new Error(`no session ever waited for session ${pid}`);
    },
    async deadlockAfter(before) {
      for (let i = 0; i < 500 && (await deadlocks()) === before; i++) await pause();
      return deadlocks();
    },
    async end() {
      await other.end();
      await watcher.end();
    },
  };
}
