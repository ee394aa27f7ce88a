import {
  CLIENTS,
  drive,
  percentile,
  refundBenchServer,
  returnOf,
  settledCount,
  target,
} from "./bench-client.ts";
import { outboxCatchUp } from "./outbox-catch-up.ts";
import { postgresReachable } from "./server-process.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);

/**
 * Refunds executed end to end: clients create a return and approve it (the policy refunds at
 * approval); the refund is calculated in the command's transaction and its settlement executed by the
 * pg-boss worker of the real server process. Counts settlements that reached `succeeded`.
 */
export async function benchRefunds(kind: "pglite" | "postgres", processes = 1): Promise<string> {
  if (kind === "postgres" && !(await postgresReachable()))
    return `refunds executed (${kind}): skipped — no PostgreSQL at BENCH_DATABASE_URL`;
  const { server, call } = await refundBenchServer(kind, "approval", processes);
  try {
    const start = performance.now();
    const { done, latencies } = await drive(SECONDS, (i) => returnOf(call, i, true));
    const succeeded = await settledCount(call);
    const seconds = (performance.now() - start) / 1000;
    const delivered = kind === "postgres" ? await outboxCatchUp(server, done, seconds, "refunds") : "";
    return `refunds executed end to end (${target(kind, processes)}, ${CLIENTS} clients: create + approve, refund via the job queue): ${(done / seconds).toFixed(1)}/s, ${done} issued, ${succeeded >= 500 ? "≥500" : succeeded} succeeded, create+approve p50 ${percentile(latencies, 0.5)} ms, p99 ${percentile(latencies, 0.99)} ms${delivered}`;
  } finally {
    await server.stop();
  }
}
