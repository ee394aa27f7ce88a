import { postgresReachable, startBenchServer } from "./server-process.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CLIENTS = 10;

type Json = Record<string, unknown>;

/**
 * Refunds executed end to end: clients create a return and approve it (the policy refunds at
 * approval); the refund is calculated in the command's transaction and its settlement executed by the
 * pg-boss worker of the real server process. Counts settlements that reached `succeeded`.
 */
export async function benchRefunds(kind: "pglite" | "postgres"): Promise<string> {
  if (kind === "postgres" && !(await postgresReachable()))
    return `refunds executed (${kind}): skipped — no PostgreSQL at BENCH_DATABASE_URL`;
  const s = await startBenchServer(kind);
  const call = async (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Json }> => {
    const res = await fetch(s.base + path, {
      method,
      headers: { authorization: s.auth, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  try {
    await call("PUT", "/api/v1/policies/default", {
      name: "Bench",
      scope: { countries: ["*"] },
      window: { days: 3650 },
      refundTrigger: "approval",
    });
    const q = 1_000_000;
    for (let i = 0; i < CLIENTS; i++) {
      const r = await call("PUT", `/api/v1/orders/R-${i}`, {
        placedAt: "2026-01-01T10:00:00Z",
        currency: "EUR",
        customer: { email: `r${i}@example.com` },
        shippingAddress: { country: "DE" },
        taxesIncluded: true,
        lines: [{ externalId: "L1", sku: "S", title: "Item", quantity: q, unitPrice: "1.00" }],
        tenders: [{ kind: "card", provider: "manual", reference: `t${i}`, amount: "1000000.00" }],
        fulfilments: [
          {
            externalId: "F",
            lines: [{ lineExternalId: "L1", quantity: q }],
            deliveredAt: "2026-01-02T10:00:00Z",
          },
        ],
      });
      if (r.status !== 201) throw new Error(JSON.stringify(r.body));
    }
    const latencies: number[] = [];
    let issued = 0;
    const start = performance.now();
    const stopAt = start + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, i) => {
        while (performance.now() < stopAt) {
          const t = performance.now();
          const c = await call("POST", "/api/v1/returns", {
            orderExternalId: `R-${i}`,
            lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
            requestedResolution: "refund",
          });
          const a = await call("POST", `/api/v1/returns/${c.body.id}/approve`, {});
          if (a.status === 200) issued++;
          latencies.push(performance.now() - t);
        }
      }),
    );
    // Wait for the worker to finish what was issued.
    let succeeded = 0;
    for (;;) {
      const r = await call("GET", "/api/v1/settlements?status=succeeded&limit=500");
      const pending = await call("GET", "/api/v1/settlements?status=pending&limit=1");
      const processing = await call("GET", "/api/v1/settlements?status=processing&limit=1");
      succeeded = (r.body.items as Json[]).length;
      if ((pending.body.items as Json[]).length === 0 && (processing.body.items as Json[]).length === 0)
        break;
      await new Promise((res) => setTimeout(res, 200));
    }
    const seconds = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    const p = (x: number) =>
      Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * x))] ?? 0);
    return `refunds executed end to end (${kind}, ${CLIENTS} clients: create + approve, refund via the job queue): ${(issued / seconds).toFixed(1)}/s, ${issued} issued, ${succeeded >= 500 ? "≥500" : succeeded} succeeded, create+approve p50 ${p(0.5)} ms, p99 ${p(0.99)} ms`;
  } finally {
    await s.stop();
  }
}
