import type { Deps } from "../app/ports/index.ts";
import { rebuildReports, reportBacklog, rollUpReports } from "../app/reports/rollups.ts";

/**
 * `crossback reports status|rollup|rebuild [--merchant <slug>]`: what the report rollups have not
 * counted yet, count it now, or recount from scratch (after a bulk load).
 */
export async function reportsCommand(deps: Deps, args: string[], merchant?: string): Promise<number> {
  const [sub] = args;
  if (sub === "status") {
    const b = await reportBacklog(deps);
    console.log(
      `not counted yet: ${b.cases} cases, ${b.orders} orders; oldest change ${b.lagSeconds.toFixed(1)} s ago`,
    );
    return 0;
  }
  if (sub === "rollup") {
    const r = await rollUpReports(deps);
    console.log(
      r.busy ? "another process is counting; try again" : `counted ${r.orders} orders, ${r.cases} cases`,
    );
    return r.busy ? 1 : 0;
  }
  if (sub === "rebuild") {
    let merchantId: string | null = null;
    if (merchant) {
      const m = await deps.store.read.merchants.bySlug(merchant);
      if (!m) {
        console.error(`no merchant "${merchant}"`);
        return 1;
      }
      merchantId = m.id;
    }
    const started = Date.now();
    const rows = await rebuildReports(deps, merchantId);
    console.log(`rebuilt ${merchant ?? "every merchant"}: ${rows} rollup rows in ${Date.now() - started} ms`);
    return 0;
  }
  console.error("usage: crossback reports status | rollup | rebuild [--merchant <slug>]");
  return 2;
}
