import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type JobRunner, startJobQueue } from "../../src/adapters/jobs/job-queue.ts";
import { DEFAULT_OUTBOX_SETTINGS } from "../../src/app/notify/ports.ts";
import { type OutboxRelay, registerOutboxJobs } from "../../src/jobs/outbox-jobs.ts";
import { agentReturn } from "../support/agent-return.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, orderJson } from "../support/fixtures.ts";
import { GENEROUS_POLICY, type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { until } from "../support/http-client.ts";

type Rows = { rows: Record<string, unknown>[] };

/**
 * The relay in a process: cases whose events it committed, and those a sweep finds undelivered (a
 * crash, an outage), are drained here in rounds, with the real pg-boss queue beside it; neither needs
 * a pg-boss job per case.
 */
describeEachDb("the outbox relay's jobs", (kind) => {
  let h: Harness;
  let jobs: JobRunner;
  let relay: OutboxRelay | null = null;
  let merchantId = "";
  const rows = async (q: ReturnType<typeof sql>) =>
    ((await h.database.db.execute(q)) as unknown as Rows).rows;
  const undelivered = async (ids: readonly string[]) =>
    (
      await rows(sql`select case_id from outbox_cases
        where case_id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) and settled_seq < last_seq`)
    ).length;
  const emailed = async (id: string) =>
    (await rows(sql`select id from email_messages where case_id = ${id}`)).length;
  const drainJobs = async () =>
    Number((await rows(sql`select count(*) as n from pgboss.job where name = 'outbox.drain'`))[0]?.n);

  beforeAll(async () => {
    h = await startHarness(kind, {
      notify: {
        settings: DEFAULT_OUTBOX_SETTINGS,
        webhooks: {
          async send() {
            return { ok: true, status: 200, error: null };
          },
        },
        mailer: null,
      },
    });
    jobs = await startJobQueue(h.database, { pollingIntervalSeconds: 0.5 });
    const m = await merchantWithKey(h.deps, "relay", { policy: GENEROUS_POLICY });
    merchantId = m.merchantId;
    for (let i = 1; i <= 5; i++)
      expect((await call(h.app, m.auth, "PUT", `/api/v1/orders/ORD-${i}`, orderJson())).status).toBe(201);
  });
  afterAll(async () => {
    await relay?.stop();
    await jobs.stop();
    await h.close();
  });

  it("the sweep hands what no relay delivered to this process's rounds; new events are drained there too", async () => {
    // Committed while no relay listened: what a crash between commit and delivery leaves.
    const left = [
      await agentReturn(h.deps, merchantId, "ORD-1"),
      await agentReturn(h.deps, merchantId, "ORD-2"),
    ];
    const third = await agentReturn(h.deps, merchantId, "ORD-3");
    expect(await undelivered([...left, third])).toBe(3);
    relay = await registerOutboxJobs(h.deps, jobs);
    expect(await relay.sweep()).toBeGreaterThanOrEqual(3);
    await until("the swept cases delivered", async () =>
      (await undelivered([...left, third])) === 0 ? true : null,
    );
    for (const id of [...left, third]) expect(await emailed(id)).toBeGreaterThan(0);
    const live = await agentReturn(h.deps, merchantId, "ORD-4");
    await until("the new case delivered", async () => ((await undelivered([live])) === 0 ? true : null));
    expect(await emailed(live)).toBeGreaterThan(0);
    expect(await drainJobs()).toBe(0);
  });
});
