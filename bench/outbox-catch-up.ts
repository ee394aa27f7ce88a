import pg from "pg";
import type { BenchServer } from "./server-process.ts";

/**
 * Every case's events go to the shopper's e-mail (and webhooks) through the outbox after the answer:
 * how many cases still had undelivered events when the load stopped, how long the relay took to
 * deliver them, and the rate counting that time (what the service keeps up with): `done` `unit` in
 * `seconds` of load. PostgreSQL only: the benchmark reads `outbox_cases` itself (PGlite's database is
 * the server's own).
 */
export async function outboxCatchUp(
  server: BenchServer,
  done: number,
  seconds: number,
  unit: string,
): Promise<string> {
  const c = new pg.Client({ connectionString: server.env.DATABASE_URL });
  await c.connect();
  try {
    const undelivered = async () =>
      Number(
        (await c.query("select count(*) as n from outbox_cases where settled_seq < last_seq")).rows[0]?.n,
      );
    const start = performance.now();
    const atEnd = await undelivered();
    while ((await undelivered()) > 0) {
      if (performance.now() - start > 300_000) return "; outbox not delivered after 300 s";
      await new Promise((res) => setTimeout(res, 100));
    }
    const after = (performance.now() - start) / 1000;
    return (
      `; outbox: ${atEnd} cases undelivered at the end, delivered ${after.toFixed(1)} s later ` +
      `(${(done / (seconds + after)).toFixed(unit === "creations" ? 0 : 1)} ${unit}/s with their notifications delivered)`
    );
  } finally {
    await c.end();
  }
}
