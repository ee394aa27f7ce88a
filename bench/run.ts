import { benchFlows } from "./api-flows.ts";
import { benchGrown } from "./api-grown.ts";
import { benchPreview, benchReturnCreation } from "./api-load.ts";
import { benchRefunds } from "./api-refunds.ts";
import { benchLabelPurchases, benchRoutingDecisions } from "./logistics.ts";
import { benchLineDecisions } from "./policy-decisions.ts";
import { benchPortalWeb } from "./portal-web.ts";
import { benchRefundCalculations } from "./refund-calculations.ts";
import { benchReports } from "./reports.ts";

/** `npm run bench`: every benchmark, one figure line each. BENCH_ONLY=names (or parts of names) filters, BENCH_SECONDS shortens. */
const BENCHMARKS: Record<string, () => Promise<string>> = {
  "policy-decisions": async () => benchLineDecisions(),
  "refund-calculations": async () => benchRefundCalculations(),
  "routing-decisions": async () => benchRoutingDecisions(),
  "label-purchases": () => benchLabelPurchases(),
  "api-returns-pglite": () => benchReturnCreation("pglite"),
  "api-returns-postgres": () => benchReturnCreation("postgres"),
  "api-preview-pglite": () => benchPreview("pglite"),
  "api-preview-postgres": () => benchPreview("postgres"),
  "api-refunds-pglite": () => benchRefunds("pglite"),
  "api-refunds-postgres": () => benchRefunds("postgres"),
  "api-flows-pglite": () => benchFlows("pglite"),
  "api-flows-postgres": () => benchFlows("postgres"),
  // The same on `crossback serve --processes 2` (node:cluster, one port), PostgreSQL only.
  "api-returns-postgres-2p": () => benchReturnCreation("postgres", 2),
  "api-preview-postgres-2p": () => benchPreview("postgres", 2),
  "api-refunds-postgres-2p": () => benchRefunds("postgres", 2),
  "api-flows-postgres-2p": () => benchFlows("postgres", 2),
  // Creations and refunds on a database that already holds BENCH_GROWN_ORDERS orders with returns.
  "api-grown-postgres": () => benchGrown(),
  "portal-web": () => benchPortalWeb(),
  "reports-postgres": () => benchReports(),
};

/** A full name selects that benchmark alone; a part of a name selects every benchmark containing it. */
function selected(name: string, only: readonly string[]): boolean {
  if (only.some((o) => o in BENCHMARKS)) return only.includes(name);
  return only.some((o) => name.includes(o));
}

export async function runBenchmarks(): Promise<number> {
  const only = process.env.BENCH_ONLY?.split(",");
  console.log(`Crossback benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  for (const [name, run] of Object.entries(BENCHMARKS)) {
    if (only && !selected(name, only)) continue;
    console.log(`${name}: ${await run()}`);
  }
  return 0;
}
