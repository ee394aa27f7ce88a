import pg from "pg";
import { drive, percentile, refundBenchServer, returnOf, settledCount } from "./bench-client.ts";
import { loadChunk } from "./report-data.ts";
import { postgresReachable } from "./server-process.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const ORDERS = Number(process.env.BENCH_GROWN_ORDERS ?? 200_000);
const CHUNK = 50_000;

/**
 * Creations and refunds on a store with history: the refund bench's server and orders, plus
 * BENCH_GROWN_ORDERS past orders (each with its line, tender, return, events and refund) cloned in SQL
 * from one refunded return. A read that finds its rows by a column without an index costs in
 * proportion to that history, where an empty database hides it.
 */
export async function benchGrown(): Promise<string> {
  if (!(await postgresReachable())) return "grown database (postgres): skipped — no PostgreSQL";
  const { server, call } = await refundBenchServer("postgres", "approval");
  const db = new pg.Client({ connectionString: server.env.DATABASE_URL });
  await db.connect();
  try {
    if (!(await returnOf(call, 0, true))) throw new Error("template return failed");
    await settledCount(call);
    const ids = await db.query(
      "select c.merchant_id, c.order_id, c.id from return_cases c join orders o on o.id = c.order_id where o.external_id = 'R-0'",
    );
    const row = ids.rows[0];
    const t = { merchantId: row.merchant_id, orderId: row.order_id, caseId: row.id };
    const loadStart = performance.now();
    for (let from = 1; from <= ORDERS; from += CHUNK)
      await loadChunk(db, t, from, Math.min(ORDERS + 1, from + CHUNK));
    await db.query("analyze");
    const load = (performance.now() - loadStart) / 1000;
    const created = await drive(SECONDS, (i) => returnOf(call, i, false));
    const start = performance.now();
    const refunded = await drive(SECONDS, (i) => returnOf(call, i, true));
    const succeeded = await settledCount(call);
    const seconds = (performance.now() - start) / 1000;
    const l = (x: { latencies: number[] }) =>
      `p50 ${percentile(x.latencies, 0.5)} ms, p99 ${percentile(x.latencies, 0.99)} ms`;
    return (
      `${ORDERS} past orders with their returns and refunds (loaded in ${load.toFixed(0)} s), 10 clients: ` +
      `return creations ${(created.done / SECONDS).toFixed(0)}/s (${l(created)}); ` +
      `refunds end to end ${(refunded.done / seconds).toFixed(1)}/s (create+approve ${l(refunded)}, ${succeeded >= 500 ? "≥500" : succeeded} succeeded)`
    );
  } finally {
    await db.end();
    await server.stop();
  }
}
