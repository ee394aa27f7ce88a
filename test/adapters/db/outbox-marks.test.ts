import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCaseCommand } from "../../../src/app/case-commands.ts";
import { caseEvents } from "../../../src/app/queries.ts";
import { AGENT, agentReturn } from "../../support/agent-return.ts";
import { describeEachDb } from "../../support/databases.ts";
import { call, orderJson } from "../../support/fixtures.ts";
import { GENEROUS_POLICY, type Harness, merchantWithKey, startHarness } from "../../support/harness.ts";

type Rows = { rows: Record<string, unknown>[] };

const migration = (name: string) =>
  readFileSync(new URL(`../../../src/adapters/db/migrations/${name}.sql`, import.meta.url), "utf8");
const MIGRATION = migration("0027_outbox_marks_for_every_case");
/** Migration 0030's last statement: the marks that exist get the earliest and latest time of their events. */
const BOUNDS = migration("0030_hot_path_reads").split("--> statement-breakpoint").at(-1) ?? "";

/**
 * Appended events are numbered after the case's outbox mark (last_seq), not max(seq) over every
 * partition of case_events. Migration 0027 gives cases from before the outbox their mark, with their
 * events counted as delivered.
 */
describeEachDb("outbox marks number the events", (kind) => {
  let h: Harness;
  let merchantId = "";
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await h.database.db.execute(q)) as unknown as Rows).rows;
  const mark = async (caseId: string) =>
    (await rows(sql`select last_seq, settled_seq from outbox_cases where case_id = ${caseId}`))[0];

  beforeAll(async () => {
    h = await startHarness(kind);
    const m = await merchantWithKey(h.deps, "marks", { policy: GENEROUS_POLICY });
    merchantId = m.merchantId;
    expect((await call(h.app, m.auth, "PUT", "/api/v1/orders/ORD-1", orderJson())).status).toBe(201);
  });
  afterAll(() => h.close());

  const open = () => agentReturn(h.deps, merchantId, "ORD-1");
  const seqs = async (caseId: string) => {
    const events = await caseEvents(h.deps, merchantId, caseId);
    if (!events.ok) throw new Error(events.error.code);
    return events.value.map((e) => [e.seq, e.type]);
  };

  it("numbers each append after the mark and moves the mark with it", async () => {
    const id = await open();
    expect(await mark(id)).toEqual({ last_seq: 1, settled_seq: 0 });
    const approved = await runCaseCommand(h.deps, merchantId, id, { type: "approve" }, { actor: AGENT });
    expect(approved.ok).toBe(true);
    const numbered = await seqs(id);
    expect(numbered.map(([seq]) => seq)).toEqual(numbered.map((_, i) => i + 1));
    expect(numbered.length).toBeGreaterThan(1);
    expect((await mark(id))?.last_seq).toBe(numbered.length);
  });

  it("gives a case from before the outbox its mark, delivered, and appends after it", async () => {
    const id = await open();
    await rows(sql`update outbox_cases set settled_seq = last_seq where case_id = ${id}`);
    await rows(sql`delete from outbox_cases where case_id = ${id}`);
    for (const statement of MIGRATION.split("--> statement-breakpoint")) await rows(sql.raw(statement));
    expect(await mark(id)).toEqual({ last_seq: 1, settled_seq: 1 });
    // The migration leaves every other case's mark as it was.
    expect(await rows(sql`select count(*)::int as n from outbox_cases where last_seq < settled_seq`)).toEqual(
      [{ n: 0 }],
    );

    const cancelled = await runCaseCommand(h.deps, merchantId, id, { type: "cancel" }, { actor: AGENT });
    expect(cancelled.ok).toBe(true);
    expect(await seqs(id)).toEqual([
      [1, "return.requested"],
      [2, "return.cancelled"],
    ]);
    expect(await mark(id)).toEqual({ last_seq: 2, settled_seq: 1 });
  });
  it("migration 0030 gives the marks that exist the earliest and latest time of their events", async () => {
    const id = await open();
    h.clock.advance(40 * 86_400_000);
    const cancelled = await runCaseCommand(h.deps, merchantId, id, { type: "cancel" }, { actor: AGENT });
    expect(cancelled.ok).toBe(true);
    await rows(sql`update outbox_cases set first_at = null, last_at = null`);
    expect(BOUNDS).toContain('UPDATE "outbox_cases"');
    await rows(sql.raw(BOUNDS));
    const wrong = await rows(sql`select o.case_id from outbox_cases o
      join (select case_id, min(at) as f, max(at) as l from case_events group by case_id) e on e.case_id = o.case_id
      where o.first_at is distinct from e.f or o.last_at is distinct from e.l`);
    expect(wrong).toEqual([]);
    const [mark] = await rows(sql`select last_at - first_at as span from outbox_cases where case_id = ${id}`);
    expect(String(mark?.span)).toMatch(/40 days/);
  });
});
