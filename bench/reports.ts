import pg from "pg";
import { crossback } from "../test/support/cli.ts";
import { loadChunk, loadProducts } from "./report-data.ts";
import { type BenchServer, postgresReachable, startBenchServer } from "./server-process.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const LINES = Number(process.env.BENCH_REPORT_LINES ?? 10_000_000);
const CHUNK = 250_000;

type Json = Record<string, unknown>;
const pct = (v: number[], q: number) =>
  [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(q * v.length))] ?? 0;
const log = (m: string) => process.stderr.write(`  reports bench: ${m}\n`);

function client(s: BenchServer) {
  return async (method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> => {
    const res = await fetch(s.base + path, {
      method,
      headers: { authorization: s.auth, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
}

const order = (id: string, quantity: number) => ({
  placedAt: "2026-11-01T10:00:00Z",
  currency: "EUR",
  customer: { email: `${id.toLowerCase()}@example.com` },
  shippingAddress: { country: "DE" },
  taxesIncluded: true,
  lines: ["L1", "L2"].map((l) => ({
    externalId: l,
    sku: `SKU-${l}`,
    title: `Item ${l}`,
    quantity,
    unitPrice: "1.00",
  })),
  tenders: [{ kind: "card", provider: "manual", reference: id, amount: `${2 * quantity}.00` }],
  fulfilments: [
    {
      externalId: "F",
      lines: ["L1", "L2"].map((l) => ({ lineExternalId: l, quantity })),
      deliveredAt: "2026-11-02T10:00:00Z",
    },
  ],
});

/** One order, return and refund through the API: the rows every clone copies. */
async function template(s: BenchServer, db: pg.Client) {
  const call = client(s);
  await call("PUT", "/api/v1/policies/default", {
    name: "Bench",
    scope: { countries: ["*"] },
    window: { days: 3650 },
    refundTrigger: "approval",
  });
  if ((await call("PUT", "/api/v1/orders/T-0", order("T-0", 3))).status !== 201)
    throw new Error("template order");
  const c = await call("POST", "/api/v1/returns", {
    orderExternalId: "T-0",
    lines: ["L1", "L2"].map((l) => ({ orderLineExternalId: l, quantity: 1, reason: "defective" })),
    requestedResolution: "refund",
  });
  if ((await call("POST", `/api/v1/returns/${c.body.id}/approve`, {})).status !== 200)
    throw new Error("approve");
  for (let i = 0; i < 100; i++) {
    const r = await db.query("select count(*)::int as n from settlements where status = 'succeeded'");
    if (r.rows[0].n > 0) break;
    await new Promise((ok) => setTimeout(ok, 200));
  }
  const ids = await db.query("select merchant_id, order_id, id from return_cases limit 1");
  return { merchantId: ids.rows[0].merchant_id, orderId: ids.rows[0].order_id, caseId: ids.rows[0].id };
}

/** p50/p95 of the dashboard's report requests over a year of data, 4 clients at once. */
async function reportLatency(s: BenchServer): Promise<string> {
  const urls = [
    ...["product", "category", "market", "vendor", "reason"].map(
      (by) => `/api/v1/reports/return-rates?by=${by}`,
    ),
    ...["product", "reason", "market"].map(
      (by) => `/api/v1/reports/return-rates?by=${by}&from=2025-12-01&to=2026-11-30`,
    ),
    "/api/v1/reports/refunds?from=2025-12-01&to=2026-11-30",
    "/api/v1/reports/processing-times?from=2025-12-01&to=2026-11-30",
    "/api/v1/reports/costs",
    "/api/v1/reports/survey-scores?by=vendor",
    "/api/v1/reports/return-rates?by=category&market=JP&from=2026-02-10&to=2026-09-20",
  ];
  const call = client(s);
  const times: number[] = [];
  let failed = 0;
  const stopAt = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: 4 }, async (_, k) => {
      for (let n = k; performance.now() < stopAt; n++) {
        const t = performance.now();
        if ((await call("GET", urls[n % urls.length] ?? "")).status !== 200) failed++;
        times.push(performance.now() - t);
      }
    }),
  );
  return `report requests (${urls.length} kinds, 90 days to 1 year, 4 clients, ${SECONDS} s): ${times.length} requests, p50 ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms, max ${Math.max(...times).toFixed(0)} ms, ${failed} failed`;
}

/** Return creations by 10 clients while the backlog of uncounted cases is sampled every 250 ms. */
async function lagUnderLoad(s: BenchServer, db: pg.Client): Promise<string> {
  const call = client(s);
  for (let i = 0; i < 10; i++) {
    const r = await call("PUT", `/api/v1/orders/LOAD-${i}`, order(`LOAD-${i}`, 1_000_000));
    if (r.status !== 201 && r.status !== 200)
      throw new Error(`load order: ${r.status} ${JSON.stringify(r.body)}`);
  }
  const lags: number[] = [];
  let created = 0;
  let failure = "";
  const stopAt = performance.now() + SECONDS * 1000;
  const sample = async () => {
    const r = await db.query("select extract(epoch from now() - min(at))::float8 as lag from report_queue");
    lags.push(Number(r.rows[0].lag ?? 0));
  };
  const sampler = (async () => {
    while (performance.now() < stopAt) {
      await sample();
      await new Promise((ok) => setTimeout(ok, 250));
    }
  })();
  await Promise.all(
    Array.from({ length: 10 }, async (_, i) => {
      while (performance.now() < stopAt) {
        const r = await call("POST", "/api/v1/returns", {
          orderExternalId: `LOAD-${i}`,
          lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "arrived_late" }],
          requestedResolution: "refund",
        });
        if (r.status === 201) created++;
        else if (!failure) failure = `${r.status} ${JSON.stringify(r.body).slice(0, 300)}`;
      }
    }),
  );
  await sampler;
  const end = performance.now();
  for (;;) {
    const r = await db.query("select count(*)::int as n from report_queue");
    if (r.rows[0].n === 0 || performance.now() - end > 120_000) break;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return `rollup lag under load (${(created / SECONDS).toFixed(0)} return creations/s, 10 clients): p50 ${pct(lags, 0.5).toFixed(2)} s, p95 ${pct(lags, 0.95).toFixed(2)} s, max ${Math.max(...lags).toFixed(2)} s; caught up ${((performance.now() - end) / 1000).toFixed(2)} s after the load${failure ? ` (first refusal: ${failure})` : ""}`;
}

/**
 * `npm run bench` (BENCH_ONLY=reports): 10 million return lines on PostgreSQL (BENCH_REPORT_LINES).
 * BENCH_REPORT_DB=<name>: measure again on a database an earlier run kept (BENCH_KEEP_DB=1), without
 * loading (the server migrates it first).
 */
export async function benchReports(): Promise<string> {
  if (!(await postgresReachable()))
    return "reports (postgres): skipped — no PostgreSQL at BENCH_DATABASE_URL";
  const reuse = process.env.BENCH_REPORT_DB;
  const s = await startBenchServer("postgres", 1, reuse);
  const db = new pg.Client({ connectionString: s.env.DATABASE_URL });
  await db.connect();
  try {
    if (reuse) {
      const lines = await db.query("select count(*)::int as n from return_lines");
      return `${lines.rows[0].n} return lines already in ${reuse}; ${await reportLatency(s)}; ${await lagUnderLoad(s, db)}`;
    }
    const t = await template(s, db);
    await loadProducts(db, t.merchantId);
    const orders = Math.ceil(LINES / 2);
    const loadStart = performance.now();
    for (let from = 1; from <= orders; from += CHUNK) {
      await loadChunk(db, t, from, Math.min(orders + 1, from + CHUNK));
      log(
        `${Math.min(orders, from + CHUNK - 1) * 2} return lines loaded, ${((performance.now() - loadStart) / 1000).toFixed(0)} s`,
      );
    }
    await db.query("analyze");
    const load = (performance.now() - loadStart) / 1000;
    const rebuildStart = performance.now();
    const rebuilt = await crossback(["reports", "rebuild", "--merchant", "bench"], s.env);
    if (rebuilt.code !== 0) throw new Error(rebuilt.stderr);
    const rebuild = (performance.now() - rebuildStart) / 1000;
    log(rebuilt.stdout.trim());
    await db.query("analyze report_rollup");
    const latency = await reportLatency(s);
    const lag = await lagUnderLoad(s, db);
    return `${orders * 2} return lines (${orders} orders and cases) loaded in ${load.toFixed(0)} s, rollups rebuilt in ${rebuild.toFixed(0)} s; ${latency}; ${lag}`;
  } finally {
    await db.end();
    await s.stop();
  }
}
