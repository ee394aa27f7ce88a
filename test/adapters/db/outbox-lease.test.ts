import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCaseCommand } from "../../../src/app/case-commands.ts";
import { addCaseNote } from "../../../src/app/case-notes.ts";
import { drainCase, drainCases } from "../../../src/app/notify/outbox-relay.ts";
import { DEFAULT_OUTBOX_SETTINGS } from "../../../src/app/notify/ports.ts";
import { createEndpoint } from "../../../src/app/notify/webhook-endpoints.ts";
import { caseEvents } from "../../../src/app/queries.ts";
import { AGENT, agentReturn } from "../../support/agent-return.ts";
import { describeEachDb } from "../../support/databases.ts";
import { call, orderJson } from "../../support/fixtures.ts";
import { DAY, GENEROUS_POLICY, type Harness, merchantWithKey, startHarness } from "../../support/harness.ts";

type Rows = { rows: Record<string, unknown>[] };

/**
 * A relay round starts with one statement (the lease reads every consumer's progress and the
 * outstanding events) and ends with one (the release saves the progress not saved yet, only while the
 * lease is still ours).
 */
describeEachDb("outbox lease and release", (kind) => {
  let h: Harness;
  let merchantId = "";
  const sent: number[] = [];
  /** Cases whose webhooks the endpoint refuses. */
  const refusing = new Set<string>();
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await h.database.db.execute(q)) as unknown as Rows).rows;
  const outbox = () => h.deps.store.read.outbox;
  const progressRows = (caseId: string) =>
    rows(
      sql`select consumer, delivered_seq from outbox_progress where case_id = ${caseId} order by consumer`,
    );

  beforeAll(async () => {
    h = await startHarness(kind, {
      notify: {
        settings: DEFAULT_OUTBOX_SETTINGS,
        webhooks: {
          async send(_url, _secret, msg) {
            const { sequence, caseId } = msg.payload as { sequence: number; caseId: string };
            if (refusing.has(caseId)) return { ok: false, status: 503, error: "endpoint down" };
            sent.push(sequence);
            return { ok: true, status: 200, error: null };
          },
        },
        mailer: null,
      },
    });
    const m = await merchantWithKey(h.deps, "lease", { policy: GENEROUS_POLICY });
    merchantId = m.merchantId;
    for (let i = 1; i <= 16; i++)
      expect((await call(h.app, m.auth, "PUT", `/api/v1/orders/ORD-${i}`, orderJson())).status).toBe(201);
  });
  afterAll(() => h.close());

  /** A case with a few events, its outbox left undelivered (the relay is not run). */
  let orders = 0;
  const openCase = async () => {
    orders += 1;
    const id = await agentReturn(h.deps, merchantId, `ORD-${orders}`);
    expect((await runCaseCommand(h.deps, merchantId, id, { type: "approve" }, { actor: AGENT })).ok).toBe(
      true,
    );
    return id;
  };
  const at = () => h.clock.now();
  const leaseOne = async (id: string, token: string, from: Date, until: Date, batch: number) => {
    const leases = await outbox().lease([id], token, from, until, batch);
    expect(leases.length).toBeLessThanOrEqual(1);
    return leases[0] ?? null;
  };
  const later = (ms: number) => new Date(h.clock.now().getTime() + ms);

  it("reads the outstanding events and each consumer's progress with the lease; a held case is not leased twice", async () => {
    const id = await openCase();
    const [m] = await rows(sql`select last_seq from outbox_cases where case_id = ${id}`);
    const last = Number(m?.last_seq);
    expect(last).toBeGreaterThan(1);
    await outbox().saveProgress(
      "webhook:x",
      id,
      { deliveredSeq: 1, attempts: 2, retryAt: later(5000), lastError: "boom" },
      at(),
    );
    const lease = await leaseOne(id, h.deps.ids.next(), at(), later(60_000), 100);
    expect(lease?.merchantId).toBe(merchantId);
    expect(lease?.events.map((e) => e.seq)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    expect(lease?.events[0]?.type).toBe("return.requested");
    expect(lease?.events[0]?.at).toBeInstanceOf(Date);
    expect(lease?.progress["webhook:x"]).toEqual({
      deliveredSeq: 1,
      attempts: 2,
      retryAt: later(5000),
      lastError: "boom",
    });
    expect(lease?.progress.email).toBeUndefined();
    expect(await leaseOne(id, h.deps.ids.next(), at(), later(60_000), 1)).toBeNull();
  });

  it("gives at most `batch` events, after the settled mark", async () => {
    const id = await openCase();
    await rows(sql`update outbox_cases set settled_seq = 1 where case_id = ${id}`);
    const lease = await leaseOne(id, h.deps.ids.next(), at(), later(60_000), 1);
    expect(lease?.events.map((e) => e.seq)).toEqual([2]);
  });

  it("saves the progress with the release while the lease is ours, and nothing with another token", async () => {
    const id = await openCase();
    const token = h.deps.ids.next();
    const lease = await leaseOne(id, token, at(), later(60_000), 100);
    if (!lease) throw new Error("no lease");
    const p = { consumer: "email", deliveredSeq: lease.lastSeq, attempts: 0, retryAt: null, lastError: null };
    await outbox().release(h.deps.ids.next(), at(), [
      { caseId: id, settledSeq: lease.lastSeq, retryAt: null, progress: [p] },
    ]);
    expect(await progressRows(id)).toEqual([]);
    expect((await rows(sql`select settled_seq from outbox_cases where case_id = ${id}`))[0]).toEqual({
      settled_seq: 0,
    });
    await outbox().release(token, at(), [
      { caseId: id, settledSeq: lease.lastSeq, retryAt: null, progress: [p] },
    ]);
    expect(await progressRows(id)).toEqual([{ consumer: "email", delivered_seq: lease.lastSeq }]);
    const [mark] = await rows(sql`select settled_seq, lease_token from outbox_cases where case_id = ${id}`);
    expect(mark).toEqual({ settled_seq: lease.lastSeq, lease_token: null });
  });

  it("a relay round saves the e-mail consumer's progress with the release, and a consumer behind the mark reads its own events", async () => {
    const id = await openCase();
    expect(await drainCase(h.deps, id)).toEqual({ status: "settled" });
    const [mark] = await rows(sql`select last_seq, settled_seq from outbox_cases where case_id = ${id}`);
    expect(mark?.settled_seq).toBe(mark?.last_seq);
    expect(Number(mark?.last_seq)).toBeGreaterThan(1);
    expect(await progressRows(id)).toEqual([{ consumer: "email", delivered_seq: mark?.last_seq }]);
    // An endpoint from before the case that the first round did not see (another process's relay, its
    // configuration not yet refreshed): its consumer is behind the settled mark and reads its own events.
    const now = h.clock.now();
    h.clock.advance(-60_000);
    const { endpoint } = await createEndpoint(h.deps, merchantId, {
      url: "https://example.com/hook",
      eventTypes: [],
    });
    h.clock.set(now);
    expect((await addCaseNote(h.deps, merchantId, id, "a note", AGENT)).ok).toBe(true);
    expect(await drainCase(h.deps, id)).toEqual({ status: "settled" });
    const last = Number(mark?.last_seq) + 1;
    expect(sent).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    expect(await progressRows(id)).toEqual([
      { consumer: "email", delivered_seq: last },
      { consumer: `webhook:${endpoint.id}`, delivered_seq: last },
    ]);
  });
  /** Every read of a case's events: the relay's lease, a consumer's own read, the back office's. */
  const everyRead = async (id: string) => {
    const lease = await leaseOne(id, h.deps.ids.next(), at(), later(60_000), 100);
    if (!lease) throw new Error("no lease");
    await outbox().release(lease.token, at(), [{ caseId: id, settledSeq: 0, retryAt: null, progress: [] }]);
    const own = await outbox().eventsAfter(id, 0, lease.lastSeq, 100);
    const listed = await caseEvents(h.deps, merchantId, id);
    if (!listed.ok) throw new Error(listed.error.code);
    return [lease.events, own, listed.value].map((events) => events.map((e) => e.seq));
  };
  const eventTimes = async (id: string) =>
    (await rows(sql`select at from case_events where case_id = ${id}`)).map((r) =>
      new Date(r.at as string).getTime(),
    );
  const note = async (id: string, shift: number) => {
    const now = h.clock.now();
    h.clock.set(new Date(now.getTime() + shift));
    expect((await addCaseNote(h.deps, merchantId, id, `note ${shift}`, AGENT)).ok).toBe(true);
    h.clock.set(now);
  };

  it("reads every event of a case whose clock went forward and back across months: the mark keeps the earliest and latest time", async () => {
    const id = await openCase();
    await note(id, 70 * DAY);
    // A process whose clock is behind (or a clock stepped back) appends after it.
    await note(id, -45 * DAY);
    await note(id, 10 * DAY);
    const times = await eventTimes(id);
    const [mark] = await rows(
      sql`select first_at, last_at, last_seq from outbox_cases where case_id = ${id}`,
    );
    expect(new Date(mark?.first_at as string).getTime()).toBe(Math.min(...times));
    expect(new Date(mark?.last_at as string).getTime()).toBe(Math.max(...times));
    const all = Array.from({ length: Number(mark?.last_seq) }, (_, i) => i + 1);
    expect(all.length).toBe(times.length);
    expect(await everyRead(id)).toEqual([all, all, all]);
  });

  it("a mark written before its first time was kept (migration 0030) reads every event and keeps no first time", async () => {
    const id = await openCase();
    await rows(sql`update outbox_cases set first_at = null, last_at = null where case_id = ${id}`);
    await note(id, -45 * DAY);
    await note(id, 70 * DAY);
    const [mark] = await rows(sql`select first_at, last_seq from outbox_cases where case_id = ${id}`);
    expect(mark?.first_at).toBeNull();
    const all = Array.from({ length: Number(mark?.last_seq) }, (_, i) => i + 1);
    expect(await everyRead(id)).toEqual([all, all, all]);
  });
  it("leases several cases in one statement, leaving out one another relay holds, and releases each as told", async () => {
    const [a, b, c] = [await openCase(), await openCase(), await openCase()];
    const other = h.deps.ids.next();
    expect((await leaseOne(b, other, at(), later(60_000), 100))?.caseId).toBe(b);
    const token = h.deps.ids.next();
    const unknown = h.deps.ids.next();
    const leases = await outbox().lease([a, b, c, unknown], token, at(), later(60_000), 100);
    expect(leases.map((l) => l.caseId).sort()).toEqual([a, c].sort());
    for (const l of leases) {
      expect(l.token).toBe(token);
      expect(l.events.map((e) => e.caseId)).toEqual(l.events.map(() => l.caseId));
      expect(l.events.map((e) => e.seq)).toEqual(Array.from({ length: l.lastSeq }, (_, i) => i + 1));
    }
    const la = leases.find((l) => l.caseId === a);
    if (!la) throw new Error("a not leased");
    const p = { consumer: "email", deliveredSeq: la.lastSeq, attempts: 0, retryAt: null, lastError: null };
    await outbox().release(token, at(), [
      { caseId: a, settledSeq: la.lastSeq, retryAt: null, progress: [p] },
      { caseId: c, settledSeq: 0, retryAt: later(5000), progress: [] },
      // Not ours: left as the other relay holds it.
      { caseId: b, settledSeq: 99, retryAt: null, progress: [p] },
    ]);
    const marks = await rows(
      sql`select case_id, settled_seq, lease_token, retry_at from outbox_cases where case_id in (${a}, ${b}, ${c})`,
    );
    const mark = (id: string) => marks.find((m) => m.case_id === id);
    expect(mark(a)).toMatchObject({ settled_seq: la.lastSeq, lease_token: null, retry_at: null });
    expect(mark(b)).toMatchObject({ settled_seq: 0, lease_token: other });
    expect(mark(c)).toMatchObject({ settled_seq: 0, lease_token: null });
    expect(new Date(mark(c)?.retry_at as string)).toEqual(later(5000));
    expect(await progressRows(a)).toEqual([{ consumer: "email", delivered_seq: la.lastSeq }]);
    expect(await progressRows(b)).toEqual([]);
    expect(await progressRows(c)).toEqual([]);
  });

  it("a relay round of several cases delivers each as a round of one would, and answers busy for a held one", async () => {
    const [a, b, alone, held] = [await openCase(), await openCase(), await openCase(), await openCase()];
    expect(await leaseOne(held, h.deps.ids.next(), at(), later(60_000), 100)).not.toBeNull();
    const outcomes = await drainCases(h.deps, [a, held, b]);
    expect(Object.fromEntries(outcomes)).toEqual({
      [a]: { status: "settled" },
      [b]: { status: "settled" },
      [held]: { status: "busy" },
    });
    expect(await drainCase(h.deps, alone)).toEqual({ status: "settled" });
    const emails = async (id: string) =>
      (await rows(sql`select kind from email_messages where case_id = ${id} order by kind`)).map(
        (r) => r.kind,
      );
    const one = await emails(alone);
    expect(one.length).toBeGreaterThan(0);
    expect(await emails(a)).toEqual(one);
    expect(await emails(b)).toEqual(one);
    expect(await emails(held)).toEqual([]);
    for (const id of [a, b]) {
      const [m] = await rows(
        sql`select last_seq, settled_seq, lease_token from outbox_cases where case_id = ${id}`,
      );
      expect(m).toMatchObject({ settled_seq: m?.last_seq, lease_token: null });
    }
  });
  it("in a round of several cases, a consumer that fails for one case holds back that case alone", async () => {
    const [a, b] = [await openCase(), await openCase()];
    const { endpoint } = await createEndpoint(h.deps, merchantId, {
      url: "https://example.com/b",
      eventTypes: [],
    });
    refusing.add(b);
    try {
      const outcomes = await drainCases(h.deps, [a, b]);
      const retryAt = new Date(h.clock.now().getTime() + DEFAULT_OUTBOX_SETTINGS.retryBaseMs);
      expect(outcomes.get(a)).toEqual({ status: "settled" });
      expect(outcomes.get(b)).toEqual({ status: "retry", retryAt });
      const marks = await rows(
        sql`select case_id, last_seq, settled_seq, retry_at, lease_token from outbox_cases where case_id in (${a}, ${b})`,
      );
      const mark = (id: string) => marks.find((m) => m.case_id === id);
      expect(mark(a)).toMatchObject({ settled_seq: mark(a)?.last_seq, lease_token: null, retry_at: null });
      expect(mark(b)).toMatchObject({ settled_seq: 0, lease_token: null });
      expect(new Date(mark(b)?.retry_at as string)).toEqual(retryAt);
      // The e-mails of both went out; the refused endpoint's progress on b records the failure.
      const last = Number(mark(b)?.last_seq);
      const progress = await rows(
        sql`select consumer, delivered_seq, attempts, last_error from outbox_progress where case_id = ${b} order by consumer`,
      );
      expect(progress.find((p) => p.consumer === "email")).toMatchObject({ delivered_seq: last });
      expect(progress.find((p) => p.consumer === `webhook:${endpoint.id}`)).toMatchObject({
        delivered_seq: 0,
        attempts: 1,
      });
    } finally {
      refusing.delete(b);
    }
  });
});
