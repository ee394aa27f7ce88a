import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCaseCommand } from "../../src/app/case-commands.ts";
import { seedDemo } from "../../src/app/demo/seed-demo.ts";
import { answerSurvey, surveyUrlFor } from "../../src/app/notify/survey.ts";
import {
  CATCH_UP_LIMIT,
  costReport,
  processingTimeReport,
  refundReport,
  reportScope,
  returnRateReport,
  surveyScoreReport,
} from "../../src/app/reports/dashboard.ts";
import type { ReportScope } from "../../src/app/reports/report-records.ts";
import {
  ensureEventPartitions,
  rebuildReports,
  reportBacklog,
  rollUpReports,
} from "../../src/app/reports/rollups.ts";
import { RATE_DIMENSIONS } from "../../src/domain/reports/report-figures.ts";
import { describeEachDb } from "../support/databases.ts";
import { type Harness, startHarness } from "../support/harness.ts";
import { loadTables, percentileCont, recount } from "../support/report-recount.ts";

type Row = Record<string, unknown>;

/** Issue 12 point 7: rollups kept from events, checked against a brute-force recount of the demo data. */
describeEachDb("report rollups", (kind) => {
  let h: Harness;
  let merchantId = "";
  const query = async (q: string) =>
    ((await h.database.db.execute(sql.raw(q))) as unknown as { rows: Row[] }).rows;
  const rollupRows = () =>
    query(`select kind, by, grain, day::text, key, market, vendor, currency, bucket, n1, n2, n3, n4
      from report_rollup where n1 <> 0 or n2 <> 0 or n3 <> 0 or n4 <> 0 order by 1, 2, 3, 4, 5, 6, 7, 8, 9`);

  beforeAll(async () => {
    h = await startHarness(kind, { now: "2026-03-16T09:30:00Z" });
    // The months of the demo's history, as a database live since then has them (migration 0031 drops
    // the empty months a new database does not need).
    await h.deps.store.read.reports.ensurePartitions(new Date("2025-11-01T00:00:00Z"), 8);
    await seedDemo(h.deps);
    merchantId = (await h.deps.store.read.merchants.bySlug("demo"))?.id ?? "";
    // Survey answers for a few cases, scores 1–5 (an answer appends no event: it marks the case).
    const cases = (await query("select id from return_cases order by created_at limit 12")).map((r) =>
      String(r.id),
    );
    for (const [i, id] of cases.entries()) {
      const token = (await surveyUrlFor(h.deps, merchantId, id)).split("/survey/")[1] ?? "";
      const r = await answerSurvey(h.deps, token, { score: (i % 5) + 1 });
      expect(r.ok).toBe(true);
    }
  }, 600_000);
  afterAll(async () => {
    await h?.close();
  });

  const scopes = (): [string, ReportScope][] => {
    const all = reportScope(merchantId, { from: "2025-01-01", to: "2026-03-16" }, null);
    return [
      ["everything", all],
      ["mid-month to mid-month", reportScope(merchantId, { from: "2025-12-10", to: "2026-02-20" }, null)],
      ["one market", { ...all, market: "DE" }],
      ["a few days", reportScope(merchantId, { from: "2026-03-02", to: "2026-03-09" }, null)],
    ];
  };

  it("serves the rollups as they are when many changes wait, with their age; counts a few first", async () => {
    // The demo was just seeded: more changes wait than a request counts (the rollup job's work).
    const waiting = await reportBacklog(h.deps);
    expect(waiting.cases + waiting.orders).toBeGreaterThan(CATCH_UP_LIMIT);
    const rows = await rollupRows();
    const [oldest] = await query(`select least(
      (select min(at) from report_queue),
      (select min(updated_at) from orders where rolled_hash is distinct from content_hash)) as at`);
    const stale = await returnRateReport(h.deps, scopes()[0]?.[1] as ReportScope, "market");
    expect(stale.returnedUnits).toBe(0); // nothing of the demo is counted yet
    expect(await rollupRows()).toEqual(rows);
    expect(stale.asOf).toBe(new Date(String(oldest?.at)).toISOString());
    expect(await reportBacklog(h.deps)).toMatchObject({ cases: waiting.cases, orders: waiting.orders });

    await rollUpReports(h.deps);
    const all = scopes()[0]?.[1] as ReportScope;
    const counted = await returnRateReport(h.deps, all, "market");
    expect(counted.asOf).toBe(h.clock.now().toISOString());
    const [open] = await query(`select c.id, sum(l.qty_requested - l.qty_rejected)::int as units
      from return_cases c join orders o on o.id = c.order_id join return_lines l on l.case_id = c.id
      where c.status = 'requested' and o.placed_at >= '2025-01-01' and o.placed_at < '2026-03-17'
      group by c.id order by c.id limit 1`);
    expect(Number(open?.units)).toBeGreaterThan(0);
    const cancelled = await runCaseCommand(
      h.deps,
      merchantId,
      String(open?.id),
      { type: "cancel" },
      { actor: { kind: "staff", id: "test" }, reason: "shopper changed their mind" },
    );
    expect(cancelled.ok).toBe(true);
    expect((await reportBacklog(h.deps)).cases).toBe(1);
    const fresh = await returnRateReport(h.deps, all, "market");
    expect(fresh.asOf).toBe(h.clock.now().toISOString());
    expect(await reportBacklog(h.deps)).toMatchObject({ cases: 0, orders: 0 });
    expect(counted.returnedUnits - fresh.returnedUnits).toBe(Number(open?.units));
  }, 300_000);

  it("answers every figure as a brute-force recount of the tables does", async () => {
    await rollUpReports(h.deps); // what the rollup job does after the seeding
    const t = await loadTables(h.database);
    expect(t.cases.length).toBeGreaterThan(30);
    for (const [name, s] of scopes()) {
      const want = recount(t, s);
      if (name === "everything") {
        // The data set exercises every figure.
        expect(want.returned("reason").size).toBeGreaterThan(2);
        expect(want.refunds.size).toBeGreaterThan(1);
        expect(want.steps.get("total")?.length).toBeGreaterThan(3);
        expect(want.surveys.length).toBe(12);
        // Label costs: the demo's parcels are carrier-less QR drop-offs (none); test/http/logistics.test.ts checks them.
      }
      for (const by of RATE_DIMENSIONS) {
        const got = await returnRateReport(h.deps, s, by);
        const returned = want.returned(by);
        for (const row of got.rows)
          expect([name, by, row.key, row.returnedUnits]).toEqual([
            name,
            by,
            row.key,
            returned.get(row.key) ?? 0,
          ]);
        expect([name, by, got.returnedUnits]).toEqual([
          name,
          by,
          [...returned.values()].reduce((a, b) => a + b, 0),
        ]);
        if (by !== "reason") {
          const ordered = want.ordered(by);
          expect([name, by, got.rows.length]).toEqual([
            name,
            by,
            new Set([...ordered.keys(), ...returned.keys()]).size,
          ]);
          for (const row of got.rows)
            expect([name, by, row.key, row.orderedUnits]).toEqual([
              name,
              by,
              row.key,
              ordered.get(row.key) ?? 0,
            ]);
        }
      }
      const refunds = (await refundReport(h.deps, s)).totals;
      expect([name, refunds.length]).toEqual([name, want.refunds.size]);
      for (const r of refunds)
        expect([name, r.refundedMinor, r.refundedCount, r.inProgressMinor, r.inProgressCount]).toEqual([
          name,
          ...Object.values(want.refunds.get(`${r.currency}/${r.method}`) ?? {}),
        ]);
      const costs = (await costReport(h.deps, s)).totals;
      expect([name, costs.length]).toEqual([name, want.costs.size]);
      for (const c of costs)
        expect([name, c.costMinor, c.labels]).toEqual([
          name,
          ...Object.values(want.costs.get(`${c.currency}/${c.carrier ?? ""}`) ?? {}),
        ]);
      for (const st of (await processingTimeReport(h.deps, s)).steps) {
        const secs = want.steps.get(st.step) ?? [];
        expect([name, st.step, st.cases]).toEqual([name, st.step, secs.length]);
        if (!secs.length) continue;
        // Histogram buckets are 5 % wide: the documented precision of p50 and p90.
        for (const [q, got] of [
          [0.5, st.p50Seconds],
          [0.9, st.p90Seconds],
        ] as const) {
          const exact = percentileCont(secs, q);
          expect(Math.abs((got ?? -1) - exact), `${name} ${st.step} p${q * 100}`).toBeLessThanOrEqual(
            exact * 0.05 + 1,
          );
        }
      }
      const survey = await surveyScoreReport(h.deps, s, "market");
      expect([name, survey.rows.reduce((n, r) => n + r.answers, 0)]).toEqual([name, want.surveys.length]);
      const scores = [1, 2, 3, 4, 5].map((k) => want.surveys.filter((x) => Number(x.score) === k).length);
      expect([
        name,
        survey.rows.reduce((acc, r) => acc.map((n, i) => n + (r.scores[i] ?? 0)), [0, 0, 0, 0, 0]),
      ]).toEqual([name, scores]);
    }
  }, 300_000);

  it("counts only the difference of a change, idempotently, and equals a rebuild from scratch", async () => {
    await rollUpReports(h.deps);
    const before = await rollupRows();
    expect(await rollUpReports(h.deps)).toEqual({ orders: 0, cases: 0, busy: false });
    expect(await rollupRows()).toEqual(before);
    const open = await query(
      `select id from return_cases where status in ('requested', 'approved') order by id limit 3`,
    );
    for (const c of open) {
      const r = await runCaseCommand(
        h.deps,
        merchantId,
        String(c.id),
        { type: "cancel" },
        {
          actor: { kind: "staff", id: "test" },
          reason: "shopper changed their mind",
        },
      );
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    expect((await reportBacklog(h.deps)).cases).toBe(open.length);
    expect((await rollUpReports(h.deps)).cases).toBe(open.length);
    const incremental = await rollupRows();
    expect(incremental).not.toEqual(before);
    await rebuildReports(h.deps, merchantId);
    expect(await rollupRows()).toEqual(incremental);
    expect(await reportBacklog(h.deps)).toMatchObject({ cases: 0, orders: 0 });
  }, 300_000);

  // PGlite has one connection: its transactions run one after the other by design.
  if (kind === "postgres")
    it("lets a writer append to a case while a count of that case is in progress (no lock to wait for)", async () => {
      await rollUpReports(h.deps);
      const [open] = await query(
        `select id from return_cases where status = 'requested' order by id limit 1`,
      );
      const caseId = String(open?.id);
      await h.deps.store.transaction((r) => r.reports.recount(merchantId, caseId, h.clock.now()));
      let release = () => {};
      const held = new Promise<void>((ok) => {
        release = ok;
      });
      let took: { orders: number; cases: number } | null = null;
      let counting = () => {};
      const started = new Promise<void>((ok) => {
        counting = ok;
      });
      const count = h.deps.store.transaction(async (r) => {
        took = await r.reports.rollUp(500);
        counting();
        await held;
      });
      await started;
      expect(took).toEqual({ orders: 0, cases: 1 });
      // Had the count locked a row the append writes, this would wait for it forever (and time out).
      const cancelled = await runCaseCommand(
        h.deps,
        merchantId,
        caseId,
        { type: "cancel" },
        { actor: { kind: "staff", id: "test" }, reason: "shopper changed their mind" },
      );
      expect(cancelled.ok).toBe(true);
      release();
      await count;
      expect((await reportBacklog(h.deps)).cases).toBe(1); // the cancellation waits for the next count
      expect((await rollUpReports(h.deps)).cases).toBe(1);
    }, 60_000);

  it("keeps case events in monthly partitions, append-only, and adds months ahead", async () => {
    const parts =
      await query(`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      join pg_class p on p.oid = i.inhparent where p.relname = 'case_events' order by 1`);
    const names = parts.map((p) => String(p.name));
    expect(names).toContain("case_events_2026_03");
    expect(names).toContain("case_events_default");
    const march = await query("select count(*)::int as n from case_events_2026_03");
    expect(Number(march[0]?.n)).toBeGreaterThan(0);
    const total = await query("select count(*)::int as n from case_events");
    const spread = await query(
      `select count(*)::int as n from case_events where tableoid::regclass::text <> 'case_events_default'`,
    );
    expect(spread[0]?.n).toBe(total[0]?.n);
    const refusal = await query("update case_events set type = 'x'").then(
      () => "changed",
      (e: unknown) => String(e instanceof Error && e.cause instanceof Error ? e.cause.message : e),
    );
    expect(refusal).toMatch(/case_events is append-only: UPDATE refused/);
    h.clock.set(new Date("2029-06-10T00:00:00Z"));
    expect(await ensureEventPartitions(h.deps)).toBe(4);
    expect(await ensureEventPartitions(h.deps)).toBe(0);
    const later = await query(
      "select count(*)::int as n from pg_class where relname like 'case_events_2029_%' and relkind = 'r'",
    );
    expect(later[0]?.n).toBe(4);
  });
});
