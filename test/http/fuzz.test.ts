import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { adyenGateway } from "../../src/adapters/payments/adyen-gateway.ts";
import { stripeGateway } from "../../src/adapters/payments/stripe-gateway.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { type FuzzRequest, type FuzzRoute, requestsFor, routesOf } from "../support/fuzz-requests.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { lookUp, shopper } from "../support/portal.ts";

/** Requests per route and database (FUZZ_RUNS raises it for a longer hunt). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
/** Written on refusal by design: failed portal look-ups and staff sign-ins are counted (brute-force protection). */
const COUNTED_ON_REFUSAL = new Set(["portal_lookups", "staff_logins"]);

type Row = Record<string, unknown>;

describeEachDb("fuzzing every route: no 5xx, and a refusal changes no row", (kind) => {
  let h: Harness;
  let auth: string;
  let cookie: string;
  let routes: FuzzRoute[];
  let tables: string[];
  const known: Record<string, string[]> = {};
  let tried = 0;
  const statuses = new Map<number, number>();

  const rows = async (query: string): Promise<Row[]> =>
    ((await h.database.db.execute(sql.raw(query))) as unknown as { rows: Row[] }).rows;

  /**
   * Per table, the row count and the newest row version's transaction id (xmin): an insert or an
   * update writes a row version with a newer xmin, a delete lowers the count. Much cheaper than
   * digesting every row after each of the ~2,000 requests. Recounted only when a transaction id was
   * handed out since the last count: without one nothing can have been written (a read-only
   * transaction gets none), so most refusals cost one small query instead of a scan of every table.
   */
  let counted = { xid: "", digest: "" };
  const fingerprint = async (): Promise<string> => {
    const [next] = await rows("select pg_snapshot_xmax(pg_current_snapshot())::text as x");
    const xid = String(next?.x);
    if (xid === counted.xid) return counted.digest;
    const parts = tables.map(
      (t) => `select '${t}' as t, count(*) || '/' || coalesce(max(xmin::text::bigint), 0) as d from "${t}" x`,
    );
    // Ordered: PostgreSQL may run the union as a parallel append, whose row order varies.
    const r = await rows(`${parts.join(" union all ")} order by t`);
    counted = { xid, digest: r.map((x) => `${x.t}:${x.d}`).join(",") };
    return counted.digest;
  };

  beforeAll(async () => {
    const dead = { host: "127.0.0.1", port: 9, protocol: "http" as const, timeoutMs: 500 };
    const stripe = stripeGateway({ apiKey: "sk_test_x", webhookSecret: "whsec_x", ...dead });
    const adyen = adyenGateway({
      apiKey: "x",
      merchantAccount: "Acme",
      hmacKey: "00".repeat(32),
      endpoint: "http://127.0.0.1:9",
      timeoutMs: 500,
    });
    h = await startHarness(kind, { gateways: [stripe, adyen], webhooks: [stripe.webhooks, adyen.webhooks] });
    auth = (await merchantWithKey(h.deps, "acme")).auth;
    await merchantWithKey(h.deps, "globex");
    expect((await call(h.app, auth, "PUT", "/api/v1/orders/ORD-1", orderJson())).status).toBe(201);
    const created = await call(h.app, auth, "POST", "/api/v1/returns", {
      orderExternalId: "ORD-1",
      lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
      requestedResolution: "refund",
    });
    expect(created.status).toBe(201);
    const c = created.body;
    const lineIds = (c.lines as Json[]).map((l) => String(l.id));
    known.id = [String(c.id), String((c.customer as Json | undefined)?.id ?? c.id)];
    known.externalId = ["ORD-1"];
    known.slug = ["acme"];
    known.line = ["L1", "L2"];
    known.lineId = lineIds;
    const who = shopper("198.51.100.9");
    expect((await lookUp(h.app, who, "acme", { orderNumber: "ORD-1", email: "ana@example.de" })).status).toBe(
      200,
    );
    cookie = who.cookie ?? "";
    const doc = await h.app.inject({ method: "GET", url: "/api/openapi.json" });
    routes = [
      ...routesOf(doc.json()),
      ...["stripe", "adyen"].map((p) => ({
        method: "POST" as const,
        path: `/api/webhooks/${p}`,
        params: [],
        body: null,
      })),
    ];
    const t = await rows(
      "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
    );
    tables = t.map((x) => String(x.table_name)).filter((n) => !COUNTED_ON_REFUSAL.has(n));
  });

  afterAll(async () => {
    const byStatus = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    console.log(
      `fuzz [${kind}]: ${tried} requests over ${routes?.length ?? 0} routes (${byStatus.join(", ")})`,
    );
    await h?.close();
  });

  const send = (req: FuzzRequest, method: FuzzRoute["method"]) =>
    h.app.inject({
      method,
      url: req.url,
      remoteAddress: `203.0.113.${(tried % 200) + 1}`,
      headers: {
        authorization: auth,
        cookie,
        ...(req.payload === null ? {} : { "content-type": req.contentType }),
      },
      ...(req.payload === null ? {} : { payload: req.payload }),
    });

  it("answers every generated request below 500 and leaves the data alone when it refuses", async () => {
    const failures: string[] = [];
    let before = await fingerprint();
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(requestsFor(route, known), async (req) => {
          const res = await send(req, route.method);
          tried++;
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          const where = `${route.method} ${req.url.slice(0, 200)} ${String(req.payload).slice(0, 400)}`;
          const after = await fingerprint();
          if (res.statusCode >= 500) failures.push(`${where} → ${res.statusCode} ${res.body.slice(0, 300)}`);
          else if (res.statusCode >= 400 && after !== before)
            failures.push(`${where} → ${res.statusCode} changed ${changed(before, after)}`);

          before = after;
        }),
        { numRuns: RUNS },
      );
    }
    expect(failures).toEqual([]);
    expect(tried).toBeGreaterThanOrEqual(routes.length * RUNS);
    // A hang guard sized for thousands of requests on a loaded machine (tests never assert on time).
  }, 1_200_000);
});

/** The tables whose digest differs. */
function changed(before: string, after: string): string {
  const a = new Set(after.split(","));
  return before
    .split(",")
    .filter((x) => !a.has(x))
    .map((x) => x.split(":")[0])
    .join(", ");
}
