import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import { standardWebhookSender } from "../../src/adapters/webhooks/webhook-sender.ts";
import { drainCase } from "../../src/app/notify/outbox-relay.ts";
import { DEFAULT_OUTBOX_SETTINGS, type NotifyDeps } from "../../src/app/notify/ports.ts";
import type { Deps } from "../../src/app/ports/index.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { type Received, webhookReceiver } from "../support/webhook-receiver.ts";

/** Checks a received message with the reference implementation (`standardwebhooks`). */
function signedBy(secret: string, r: Received): boolean {
  const ts = new Date(Number(r.headers["webhook-timestamp"]) * 1000);
  const expected = new Webhook(secret).sign(String(r.headers["webhook-id"]), ts, r.body);
  return String(r.headers["webhook-signature"]).split(" ").includes(expected);
}

describeEachDb("webhooks to merchant systems (Standard Webhooks, outbox)", (kind) => {
  let h: Harness;
  let deps: Deps;
  let auth: string;
  let n = 0;
  const settings = {
    ...DEFAULT_OUTBOX_SETTINGS,
    retryBaseMs: 1000,
    disableAfterFailures: 3,
    disableAfterMs: 0,
  };
  beforeAll(async () => {
    const notify: NotifyDeps = { settings, webhooks: standardWebhookSender({ timeoutMs: 5000 }) };
    h = await startHarness(kind, { notify });
    deps = h.deps;
    auth = (await merchantWithKey(h.deps, "acme")).auth;
  });
  afterAll(() => h.close());

  async function newCase(): Promise<string> {
    const ext = `ORD-${++n}`;
    expect((await call(h.app, auth, "PUT", `/api/v1/orders/${ext}`, orderJson())).status).toBe(201);
    const c = await call(h.app, auth, "POST", "/api/v1/returns", {
      orderExternalId: ext,
      lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "wrong_size" }],
      requestedResolution: "refund",
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    return c.body.id as string;
  }
  const endpoint = async (url: string, eventTypes: string[] = []) => {
    const r = await call(h.app, auth, "POST", "/api/v1/webhook-endpoints", { url, eventTypes });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return { id: r.body.id as string, secret: r.body.secret as string };
  };

  it("refuses bad endpoints, naming the field", async () => {
    const r = await call(h.app, auth, "POST", "/api/v1/webhook-endpoints", {
      url: "ftp://example.com",
      eventTypes: ["Return approved"],
    });
    expect(r.status).toBe(400);
    const paths = (r.body.errors as Json[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["url", "eventTypes[0]"]));
    expect((await call(h.app, auth, "GET", "/api/v1/webhook-endpoints")).body.items).toEqual([]);
  });

  it("delivers a case's events in order, signed, filtered per endpoint", async () => {
    const all = await webhookReceiver();
    const approvals = await webhookReceiver();
    try {
      const a = await endpoint(all.url);
      const b = await endpoint(approvals.url, ["return.approved"]);
      const id = await newCase();
      expect((await call(h.app, auth, "POST", `/api/v1/returns/${id}/approve`, {})).status).toBe(200);
      expect(await drainCase(deps, id)).toEqual({ status: "settled" });
      expect(all.received.map((r) => r.json.type)).toEqual(["return.requested", "return.approved"]);
      expect(all.received.map((r) => r.json.data.sequence)).toEqual([1, 2]);
      expect(all.received.every((r) => r.json.data.caseId === id && signedBy(a.secret, r))).toBe(true);
      expect(approvals.received.map((r) => r.json.type)).toEqual(["return.approved"]);
      expect(signedBy(b.secret, approvals.received[0] as Received)).toBe(true);
      expect(signedBy(a.secret, approvals.received[0] as Received)).toBe(false);
      // return.approved only: the endpoint passed over return.requested (quiet), and its saved progress
      // covers both events, so nothing is left for it either.
      expect((await deps.store.read.outbox.progress(`webhook:${b.id}`, id))?.deliveredSeq).toBe(2);
      // Nothing left: a second drain sends nothing again.
      expect(await drainCase(deps, id)).toEqual({ status: "idle" });
      expect(all.received).toHaveLength(2);
      // The delivery log has both, delivered, each with its attempt.
      const log = await call(h.app, auth, "GET", `/api/v1/webhook-endpoints/${a.id}/deliveries`);
      expect((log.body.items as Json[]).map((d) => [d.type, d.status, d.attempts])).toEqual([
        ["return.approved", "delivered", 1],
        ["return.requested", "delivered", 1],
      ]);
      for (const e of [a.id, b.id])
        await call(h.app, auth, "PATCH", `/api/v1/webhook-endpoints/${e}`, { enabled: false });
    } finally {
      await all.close();
      await approvals.close();
    }
  });

  it("retries a failing endpoint with backoff, keeping the order, and replays from the log", async () => {
    const flaky = await webhookReceiver((i) => (i < 2 ? 503 : 200));
    try {
      const ep = await endpoint(flaky.url);
      const id = await newCase();
      expect((await call(h.app, auth, "POST", `/api/v1/returns/${id}/approve`, {})).status).toBe(200);
      const first = await drainCase(deps, id);
      expect(first.status).toBe("retry");
      // Before the retry time nothing is attempted.
      expect(await drainCase(deps, id)).toEqual({ status: "retry", retryAt: expect.any(Date) });
      expect(flaky.requests()).toBe(1);
      h.clock.advance(1000);
      expect((await drainCase(deps, id)).status).toBe("retry");
      expect(flaky.requests()).toBe(2);
      h.clock.advance(2000); // the second retry waits twice as long
      expect(await drainCase(deps, id)).toEqual({ status: "settled" });
      expect(flaky.received.map((r) => r.json.type)).toEqual(["return.requested", "return.approved"]);
      const log = await call(h.app, auth, "GET", `/api/v1/webhook-endpoints/${ep.id}/deliveries`);
      const requested = (log.body.items as Json[]).find((d) => d.type === "return.requested") as Json;
      expect([requested.status, requested.attempts]).toEqual(["delivered", 3]);
      const detail = await call(h.app, auth, "GET", `/api/v1/webhook-deliveries/${requested.id}`);
      expect((detail.body.attemptLog as Json[]).map((x) => x.statusCode)).toEqual([503, 503, 200]);

      const replay = await call(h.app, auth, "POST", `/api/v1/webhook-deliveries/${requested.id}/replay`);
      expect(replay.status).toBe(200);
      expect((replay.body.attemptLog as Json[]).at(-1)).toMatchObject({ ok: true, replay: true });
      const again = flaky.received.at(-1) as Received;
      expect(again.headers["webhook-id"]).toBe(requested.id);
      expect(signedBy(ep.secret, again)).toBe(true);
      await call(h.app, auth, "PATCH", `/api/v1/webhook-endpoints/${ep.id}`, { enabled: false });
    } finally {
      await flaky.close();
    }
  });

  it("signs with the old and the new secret while a rotation overlaps", async () => {
    const rx = await webhookReceiver();
    try {
      const ep = await endpoint(rx.url);
      const rotated = await call(h.app, auth, "POST", `/api/v1/webhook-endpoints/${ep.id}/rotate-secret`, {});
      expect(rotated.status).toBe(200);
      const fresh = rotated.body.secret as string;
      expect(fresh).not.toBe(ep.secret);
      const id = await newCase();
      await drainCase(deps, id);
      const msg = rx.received[0] as Received;
      expect(String(msg.headers["webhook-signature"]).split(" ")).toHaveLength(2);
      expect(signedBy(fresh, msg) && signedBy(ep.secret, msg)).toBe(true);
      // After the overlap only the new secret signs.
      h.clock.advance(settings.secretOverlapMs + 1000);
      expect((await call(h.app, auth, "POST", `/api/v1/returns/${id}/approve`, {})).status).toBe(200);
      await drainCase(deps, id);
      const later = rx.received.at(-1) as Received;
      expect(signedBy(fresh, later) && !signedBy(ep.secret, later)).toBe(true);
      await call(h.app, auth, "PATCH", `/api/v1/webhook-endpoints/${ep.id}`, { enabled: false });
    } finally {
      await rx.close();
    }
  });

  it("disables an endpoint after repeated failures with a notice, and catches up when re-enabled", async () => {
    let down = true;
    const rx = await webhookReceiver(() => (down ? 500 : 204));
    try {
      const ep = await endpoint(rx.url);
      const id = await newCase();
      for (let i = 0; i < 3; i++) {
        await drainCase(deps, id);
        h.clock.advance(settings.retryMaxMs);
      }
      const got = await call(h.app, auth, "GET", `/api/v1/webhook-endpoints/${ep.id}`);
      expect(got.body.enabled).toBe(false);
      expect(got.body.disabledReason).toMatch(/3 failed deliveries in a row/);
      const notices = (await call(h.app, auth, "GET", "/api/v1/notices")).body.items as Json[];
      expect(notices[0]).toMatchObject({ kind: "webhook_endpoint.disabled", data: { endpointId: ep.id } });
      // Disabled: nothing more is attempted, the case is settled for now.
      expect((await call(h.app, auth, "POST", `/api/v1/returns/${id}/approve`, {})).status).toBe(200);
      expect(await drainCase(deps, id)).toEqual({ status: "settled" });
      expect(rx.requests()).toBe(3);
      down = false;
      const on = await call(h.app, auth, "PATCH", `/api/v1/webhook-endpoints/${ep.id}`, { enabled: true });
      expect([on.body.enabled, on.body.consecutiveFailures]).toEqual([true, 0]);
      expect(await drainCase(deps, id)).toEqual({ status: "settled" });
      expect(rx.received.map((r) => r.json.type)).toEqual(["return.requested", "return.approved"]);
    } finally {
      await rx.close();
    }
  });
});
