import http from "node:http";
import { type BenchServer, startBenchServer } from "./server-process.ts";

export type Json = Record<string, unknown>;
export type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: Json }>;

/** Clients of the refund and return-life benchmarks (one order each, large enough never to run out). */
export const CLIENTS = 10;

/**
 * A JSON client over keep-alive HTTP/1.1 connections (node:http): the load generator shares the two
 * cores with the server and PostgreSQL, and `fetch` cost it about 1.4 ms of CPU a request where this
 * costs about a third of that, left to the server.
 */
export function httpCall(base: string, auth: string): Call {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS * 2 });
  return (method, path, body) =>
    new Promise((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const headers: http.OutgoingHttpHeaders = { authorization: auth };
      if (data !== undefined) {
        headers["content-type"] = "application/json";
        headers["content-length"] = Buffer.byteLength(data);
      }
      const req = http.request(`${base}${path}`, { method, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          try {
            resolve({
              status: res.statusCode ?? 0,
              body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as Json,
            });
          } catch (e) {
            reject(e);
          }
        });
      });
      req.on("error", reject);
      req.end(data);
    });
}

/**
 * A bench server with a catch-all policy refunding at `trigger`, and one order per client
 * (`R-0`…), paid by card through the manual gateway.
 */
export async function refundBenchServer(
  kind: "pglite" | "postgres",
  trigger: "approval" | "inspection",
  processes = 1,
): Promise<{ server: BenchServer; call: Call }> {
  const server = await startBenchServer(kind, processes);
  const call = httpCall(server.base, server.auth);
  await call("PUT", "/api/v1/policies/default", {
    name: "Bench",
    scope: { countries: ["*"] },
    window: { days: 3650 },
    refundTrigger: trigger,
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
  return { server, call };
}

/** One return of the client's order (`R-i`); with `approve`, approved (the policy refunds at approval). */
export async function returnOf(call: Call, i: number, approve: boolean): Promise<boolean> {
  const c = await call("POST", "/api/v1/returns", {
    orderExternalId: `R-${i}`,
    lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
    requestedResolution: "refund",
  });
  if (c.status !== 201) return false;
  return !approve || (await call("POST", `/api/v1/returns/${c.body.id}/approve`, {})).status === 200;
}

/** Waits until the worker has no pending or processing settlement; answers the succeeded count (up to 500). */
export async function settledCount(call: Call): Promise<number> {
  for (;;) {
    const pending = await call("GET", "/api/v1/settlements?status=pending&limit=1");
    const processing = await call("GET", "/api/v1/settlements?status=processing&limit=1");
    // Counted after the checks: a settlement finishing between the reads was once counted as missing.
    if ((pending.body.items as Json[]).length === 0 && (processing.body.items as Json[]).length === 0)
      return ((await call("GET", "/api/v1/settlements?status=succeeded&limit=500")).body.items as Json[])
        .length;
    await new Promise((res) => setTimeout(res, 200));
  }
}

/** Runs `flow` in a loop on every client for `seconds`; answers how many succeeded and their latencies. */
export async function drive(
  seconds: number,
  flow: (client: number) => Promise<boolean>,
): Promise<{ done: number; latencies: number[] }> {
  const latencies: number[] = [];
  let done = 0;
  const stopAt = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, i) => {
      while (performance.now() < stopAt) {
        const t = performance.now();
        if (await flow(i)) done++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { done, latencies };
}

/** How a figure names where it ran: "postgres", or "postgres, 2 processes". */
export const target = (kind: string, processes: number): string =>
  processes > 1 ? `${kind}, ${processes} processes` : kind;

export const percentile = (sorted: readonly number[], x: number): number =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * x))] ?? 0);
