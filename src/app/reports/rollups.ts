import type { Deps } from "../ports/index.ts";

/**
 * Keeping the report rollups current (issue 12 point 7). Changes are counted in batches, one writer at
 * a time across every process (the others skip), each batch in its own transaction.
 */

export const ROLLUP_BATCH = 500;

/** Counts pending changes, at most `rounds` batches; how many orders and cases were counted. */
export async function rollUpReports(
  deps: Deps,
  rounds = Number.POSITIVE_INFINITY,
): Promise<{ orders: number; cases: number; busy: boolean }> {
  const total = { orders: 0, cases: 0, busy: false };
  for (let i = 0; i < rounds; i++) {
    const r = await deps.store.transaction((repos) => repos.reports.rollUp(ROLLUP_BATCH));
    if (!r) return { ...total, busy: true };
    total.orders += r.orders;
    total.cases += r.cases;
    if (r.orders < ROLLUP_BATCH && r.cases < ROLLUP_BATCH) break;
  }
  return total;
}

/** Recounts a merchant (or all) from scratch: after a bulk load, or to check the increments. */
export async function rebuildReports(deps: Deps, merchantId: string | null): Promise<number> {
  const rows = await deps.store.transaction((repos) => repos.reports.rebuild(merchantId));
  await deps.store.read.reports.tidyAfterRebuild();
  return rows;
}

/** What the rollups have not counted yet (the lag the bench reports). */
export function reportBacklog(deps: Deps) {
  return deps.store.read.reports.backlog(deps.clock.now());
}

/** The case-event partitions of this month and the next three exist (called at start and daily). */
export function ensureEventPartitions(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  return deps.store.read.reports.ensurePartitions(month, 4);
}
