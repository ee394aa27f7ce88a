import autocannon from "autocannon";
import { target } from "./bench-client.ts";
import { outboxCatchUp } from "./outbox-catch-up.ts";
import { type BenchServer, postgresReachable, startBenchServer } from "./server-process.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = 10;

const ORDERS = 200;

async function putPolicy(s: BenchServer): Promise<void> {
  const res = await fetch(`${s.base}/api/v1/policies/default`, {
    method: "PUT",
    headers: { authorization: s.auth, "content-type": "application/json" },
    body: JSON.stringify({
      name: "Bench",
      scope: { countries: ["*"] },
      window: { days: 3650, from: "delivery" },
    }),
  });
  if (res.status !== 201) throw new Error(`policy failed: ${res.status} ${await res.text()}`);
}

async function putBulkOrder(s: BenchServer, n: number): Promise<void> {
  const quantity = 1_000_000;
  const res = await fetch(`${s.base}/api/v1/orders/BULK-${n}`, {
    method: "PUT",
    headers: { authorization: s.auth, "content-type": "application/json" },
    body: JSON.stringify({
      placedAt: "2026-01-01T10:00:00Z",
      currency: "EUR",
      customer: { email: `bench${n}@example.com`, locale: "de-DE", timeZone: "Europe/Berlin" },
      shippingAddress: { country: "DE" },
      taxesIncluded: true,
      lines: [{ externalId: "L1", sku: "SKU", title: "Item", quantity, unitPrice: "1.00" }],
      fulfilments: [
        {
          externalId: "F1",
          lines: [{ lineExternalId: "L1", quantity }],
          deliveredAt: "2026-01-03T10:00:00Z",
        },
      ],
    }),
  });
  if (res.status !== 201) throw new Error(`order upsert failed: ${res.status} ${await res.text()}`);
}

/** Drives one POST endpoint of a real server process with 10 connections, bodies rotating over the orders. */
async function drive(
  kind: "pglite" | "postgres",
  label: string,
  path: string,
  body: (n: number) => unknown,
  processes = 1,
): Promise<string> {
  if (kind === "postgres" && !(await postgresReachable()))
    return `${label} (${kind}): skipped — no PostgreSQL at BENCH_DATABASE_URL`;
  const server = await startBenchServer(kind, processes);
  try {
    await putPolicy(server);
    for (let n = 0; n < ORDERS; n++) await putBulkOrder(server, n);
    let next = 0;
    const nextBody = () => JSON.stringify(body(next++ % ORDERS));
    const result = await autocannon({
      url: `${server.base}${path}`,
      method: "POST",
      connections: CONNECTIONS,
      duration: SECONDS,
      headers: { authorization: server.auth, "content-type": "application/json" },
      body: nextBody(),
      setupClient: (client) => {
        client.setBody(nextBody());
        client.on("response", () => client.setBody(nextBody()));
      },
    });
    const ok = result["2xx"];
    const delivered =
      kind === "postgres" && path === "/api/v1/returns"
        ? await outboxCatchUp(server, ok, SECONDS, "creations")
        : "";
    return (
      `${label} via HTTP (${target(kind, processes)}, ${CONNECTIONS} connections, ${SECONDS} s): ${(ok / SECONDS).toFixed(0)}/s, ` +
      `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${ok} ok, ${result.non2xx} non-2xx, ${result.errors} errors${delivered}`
    );
  } finally {
    await server.stop();
  }
}

const line = { orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" };

/** POST /api/v1/returns: return-case creations per second. */
export function benchReturnCreation(kind: "pglite" | "postgres", processes = 1): Promise<string> {
  return drive(
    kind,
    "return creations",
    "/api/v1/returns",
    (n) => ({
      orderExternalId: `BULK-${n}`,
      lines: [line],
      requestedResolution: "refund",
    }),
    processes,
  );
}

/** POST /api/v1/returns/preview: eligibility previews per second (reads only). */
export function benchPreview(kind: "pglite" | "postgres", processes = 1): Promise<string> {
  return drive(
    kind,
    "return previews",
    "/api/v1/returns/preview",
    (n) => ({
      orderExternalId: `BULK-${n}`,
      lines: [line],
    }),
    processes,
  );
}
