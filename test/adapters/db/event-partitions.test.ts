import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { agentReturn } from "../../support/agent-return.ts";
import { describeEachDb } from "../../support/databases.ts";
import { call, orderJson } from "../../support/fixtures.ts";
import { GENEROUS_POLICY, type Harness, merchantWithKey, startHarness } from "../../support/harness.ts";

type Rows = { rows: Record<string, unknown>[] };

const MIGRATION = readFileSync(
  new URL("../../../src/adapters/db/migrations/0031_drop_empty_event_months.sql", import.meta.url),
  "utf8",
);

/**
 * Migration 0031 drops the monthly partitions of case_events that hold no event, before last month
 * and from four months ahead on; a month with an event keeps its partition, whenever it is.
 */
describeEachDb("empty months of case events", (kind) => {
  let h: Harness;
  let merchantId = "";
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await h.database.db.execute(q)) as unknown as Rows).rows;
  const months = async () =>
    (
      await rows(sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
        join pg_class p on p.oid = i.inhparent where p.relname = 'case_events' order by 1`)
    ).map((r) => String(r.name));
  const month = (d: Date) => `case_events_${d.toISOString().slice(0, 7).replace("-", "_")}`;

  beforeAll(async () => {
    // Months January to June 2026 (empty but March: a case of March 2026) and January 2028.
    h = await startHarness(kind);
    await h.deps.store.read.reports.ensurePartitions(new Date("2026-01-01T00:00:00Z"), 6);
    await h.deps.store.read.reports.ensurePartitions(new Date("2028-01-01T00:00:00Z"), 1);
    const m = await merchantWithKey(h.deps, "months", { policy: GENEROUS_POLICY });
    merchantId = m.merchantId;
    expect((await call(h.app, m.auth, "PUT", "/api/v1/orders/ORD-1", orderJson())).status).toBe(201);
    await agentReturn(h.deps, merchantId, "ORD-1");
  });
  afterAll(() => h.close());

  it("drops the empty months outside last month to three months ahead, and keeps every event", async () => {
    const before = await months();
    expect(before).toEqual(
      expect.arrayContaining(["case_events_2026_02", "case_events_2026_03", "case_events_2028_01"]),
    );
    const [events] = await rows(sql`select count(*)::int as n from case_events`);
    const [march] = await rows(sql`select count(*)::int as n from case_events_2026_03`);
    expect(Number(march?.n)).toBeGreaterThan(0);

    await h.database.db.transaction(async (tx) => {
      for (const statement of MIGRATION.split("--> statement-breakpoint"))
        await tx.execute(sql.raw(statement));
    });

    const after = await months();
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const fourAhead = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 4, 1));
    const expected = before.filter((name) => {
      if (name === "case_events_default" || name === "case_events_2026_03") return true;
      return name >= month(lastMonth) && name < month(fourAhead);
    });
    expect(after).toEqual(expected);
    expect(after).not.toContain("case_events_2026_02");
    expect(after).not.toContain("case_events_2028_01");
    expect(await rows(sql`select count(*)::int as n from case_events`)).toEqual([events]);
  });
});
