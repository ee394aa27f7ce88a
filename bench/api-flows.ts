import {
  CLIENTS,
  drive,
  type Json,
  percentile,
  refundBenchServer,
  settledCount,
  target,
} from "./bench-client.ts";
import { outboxCatchUp } from "./outbox-catch-up.ts";
import { postgresReachable } from "./server-process.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);

/**
 * The whole life of a return through the API: create → approve → ship → receive → inspect (the
 * policy refunds at inspection; the worker settles it) → resolve. Flows per second count flows whose
 * every step answered 200/201, over the time until the worker settled the last refund.
 */
export async function benchFlows(kind: "pglite" | "postgres", processes = 1): Promise<string> {
  if (kind === "postgres" && !(await postgresReachable()))
    return `return lives (${kind}): skipped — no PostgreSQL at BENCH_DATABASE_URL`;
  const { server, call } = await refundBenchServer(kind, "inspection", processes);
  try {
    const start = performance.now();
    const { done, latencies } = await drive(SECONDS, async (i) => {
      const c = await call("POST", "/api/v1/returns", {
        orderExternalId: `R-${i}`,
        lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
        requestedResolution: "refund",
      });
      if (c.status !== 201) return false;
      const lineId = String((c.body.lines as Json[])[0]?.id);
      const line = { lineId, quantity: 1 };
      const steps: [string, unknown][] = [
        ["approve", {}],
        ["ship", { carrier: "DHL", trackingNumber: `B${i}-${c.body.number}` }],
        ["receive", { lines: [line] }],
        ["inspect", { lines: [{ ...line, outcome: "accepted", condition: "like_new" }] }],
        ["resolve", {}],
      ];
      for (const [command, body] of steps)
        if ((await call("POST", `/api/v1/returns/${c.body.id}/${command}`, body)).status !== 200)
          return false;
      return true;
    });
    const succeeded = await settledCount(call);
    const seconds = (performance.now() - start) / 1000;
    const delivered = kind === "postgres" ? await outboxCatchUp(server, done, seconds, "flows") : "";
    return `return lives end to end (${target(kind, processes)}, ${CLIENTS} clients: create, approve, ship, receive, inspect with refund, resolve; settled by the job queue): ${(done / seconds).toFixed(1)} flows/s, ${done} flows, ${succeeded >= 500 ? "≥500" : succeeded} refunds succeeded, flow p50 ${percentile(latencies, 0.5)} ms, p99 ${percentile(latencies, 0.99)} ms${delivered}`;
  } finally {
    await server.stop();
  }
}
