import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startJobQueue } from "../../src/adapters/jobs/job-queue.ts";
import { adyenGateway } from "../../src/adapters/payments/adyen-gateway.ts";
import { type AdyenFake, startAdyenFake } from "../../src/adapters/payments/fakes/adyen-fake.ts";
import { type StripeFake, startStripeFake } from "../../src/adapters/payments/fakes/stripe-fake.ts";
import { stripeGateway } from "../../src/adapters/payments/stripe-gateway.ts";
import { MAX_ATTEMPTS, STALE_MS } from "../../src/app/settle.ts";
import {
  KEY_WINDOW_MS,
  OUTCOME_DUE_MS,
  recoverSettlements,
  sweepWhenStale,
} from "../../src/app/settlement-recovery.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import {
  connectProviders,
  GENEROUS_POLICY,
  type Harness,
  merchantWithKey,
  startHarness,
} from "../support/harness.ts";

describeEachDb(
  "the recovery sweep leaves waiting settlements alone and re-sends only cut-off calls",
  (kind) => {
    let h: Harness;
    let auth: string;
    let stripe: StripeFake;
    let adyen: AdyenFake;
    let n = 0;
    const api = (method: "GET" | "POST" | "PUT", url: string, body?: unknown) =>
      call(h.app, auth, method, url, body);
    const settlement = async (id: string) => (await api("GET", `/api/v1/settlements/${id}`)).body;
    const later = (ms: number) => h.clock.advance(ms + 1_000);

    beforeAll(async () => {
      stripe = await startStripeFake();
      adyen = await startAdyenFake();
      const s = new URL(stripe.url);
      const sg = stripeGateway({
        apiKey: stripe.apiKey,
        webhookSecret: stripe.webhookSecret,
        host: s.hostname,
        port: Number(s.port),
        protocol: "http",
        timeoutMs: 3_000,
      });
      const ag = adyenGateway({
        apiKey: adyen.apiKey,
        merchantAccount: adyen.merchantAccount,
        hmacKey: adyen.hmacKey,
        endpoint: adyen.url,
        timeoutMs: 3_000,
      });
      h = await startHarness(kind, { gateways: [sg, ag], webhooks: [sg.webhooks, ag.webhooks] });
      const acme = await merchantWithKey(h.deps, "acme", {
        policy: { ...GENEROUS_POLICY, window: { days: 3650 }, refundTrigger: "approval" },
      });
      auth = acme.auth;
      await connectProviders(h.deps, acme.merchantId, {
        stripe: { apiKey: stripe.apiKey },
        adyen: { merchantAccount: adyen.merchantAccount },
      });
      await api("PUT", "/api/v1/settings", {
        bankTransferApprovalAbove: { EUR: "50.00" },
        sepaDebtor: { name: "Acme Europe B.V.", iban: "NL91ABNA0417164300", bic: "ABNANL2A" },
      });
    });
    afterAll(async () => {
      await h.close();
      await stripe.close();
      await adyen.close();
    });

    /** An order paid with `tender`, returned in full and approved: its first settlement. */
    async function approvedRefund(tender: Record<string, unknown>, resolution = "refund"): Promise<Json> {
      const id = `ORD-${++n}`;
      const o = orderJson({ customer: { email: `c${n}@example.de` }, tenders: [tender] });
      expect((await api("PUT", `/api/v1/orders/${id}`, o)).status).toBe(201);
      const c = await api("POST", "/api/v1/returns", {
        orderExternalId: id,
        lines: [{ orderLineExternalId: "L1", quantity: 2, reason: "changed_mind" }],
        requestedResolution: resolution,
      });
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      const approved = await api("POST", `/api/v1/returns/${c.body.id}/approve`, {});
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      return (approved.body.settlements as Json[])[0] as Json;
    }
    const card = (provider: string, reference: string) => ({
      kind: "card",
      provider,
      reference,
      amount: "124.60",
      capturedAt: "2026-03-01T09:00:05Z",
    });
    /** What a crash leaves behind: a worker claimed the settlement and died before recording anything. */
    const crashWhileCalling = (id: string) =>
      h.deps.store.transaction((r) => r.settlements.claim(id, h.clock.now(), h.clock.now(), MAX_ATTEMPTS));

    it("an approved bank transfer waits for export: the sweep never pays it through `manual`", async () => {
      const s = await approvedRefund({ kind: "cash_on_delivery", amount: "124.60" });
      const given = await api("POST", `/api/v1/settlements/${s.id}/bank-account`, {
        accountHolder: "Ana Schmidt",
        scheme: "iban",
        iban: "DE89 3704 0044 0532 0130 00",
      });
      expect(given.body.status).toBe("requires_action");
      expect((await api("POST", `/api/v1/settlements/${s.id}/approve`, {})).body.status).toBe(
        "awaiting_export",
      );
      later(STALE_MS);
      expect(await recoverSettlements(h.deps)).toEqual({ resent: 0, review: 0, settled: 0 });
      expect(await settlement(s.id as string)).toMatchObject({ status: "awaiting_export", gateway: null });
      const file = await api("POST", "/api/v1/payouts/sepa-export", {});
      expect([file.status, file.body.payments]).toEqual([200, 1]);
      expect(file.body.xml).toContain("DE89370400440532013000");
    });

    it("a confirmed payment request waits for the shopper's payment, never succeeds on its own", async () => {
      const id = `ORD-${++n}`;
      const o = orderJson({ customer: { email: `c${n}@example.de` }, tenders: [card("manual", "ref")] });
      expect((await api("PUT", `/api/v1/orders/${id}`, o)).status).toBe(201);
      const c = await api("POST", "/api/v1/returns", {
        orderExternalId: id,
        lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "wrong_size" }],
        requestedResolution: "exchange",
      });
      expect((await api("POST", `/api/v1/returns/${c.body.id}/approve`, {})).status).toBe(200);
      const lineId = ((c.body.lines as Json[])[0] as Json).id;
      const received = await api("POST", `/api/v1/returns/${c.body.id}/receive`, {
        lines: [{ lineId, quantity: 1 }],
      });
      expect(received.status, JSON.stringify(received.body)).toBe(200);
      const inspected = await api("POST", `/api/v1/returns/${c.body.id}/inspect`, {
        lines: [{ lineId, quantity: 1, outcome: "accepted", condition: "like_new" }],
      });
      expect(inspected.status, JSON.stringify(inspected.body)).toBe(200);
      const resolved = await api("POST", `/api/v1/returns/${c.body.id}/resolve`, {
        replacement: { sku: "TEE-9", title: "Linen shirt", unitPrice: { amount: "69.90", currency: "EUR" } },
      });
      const request = ((resolved.body.settlements as Json[]) ?? []).find(
        (x) => x.method === "payment_request",
      );
      expect(request, JSON.stringify(resolved.body)).toBeDefined();
      const confirmed = await api("POST", `/api/v1/settlements/${request?.id}/confirm`, {});
      expect(confirmed.body.status).toBe("awaiting_payment");
      later(STALE_MS);
      await recoverSettlements(h.deps);
      expect((await settlement(request?.id as string)).status).toBe("awaiting_payment");
      const paid = await api("POST", `/api/v1/settlements/${request?.id}/mark-paid`, {});
      expect(paid.body.status).toBe("succeeded");
    });

    it("a refund the provider accepted is never sent again; overdue, it goes to a person", async () => {
      adyen.addPayment("PSP-WAIT", 12_460, "EUR");
      const s = await approvedRefund(card("adyen", "PSP-WAIT"));
      expect(await settlement(s.id as string)).toMatchObject({ status: "awaiting_provider" });
      const calls = adyen.refunds().length;
      for (let i = 0; i < 3; i++) {
        later(STALE_MS);
        await recoverSettlements(h.deps);
      }
      expect(adyen.refunds()).toHaveLength(calls);
      expect((await settlement(s.id as string)).status).toBe("awaiting_provider");
      later(OUTCOME_DUE_MS);
      expect((await recoverSettlements(h.deps)).review).toBe(1);
      const review = await settlement(s.id as string);
      expect([review.status, review.failureReason]).toEqual([
        "needs_review",
        "adyen accepted the refund but has not reported its outcome",
      ]);
      expect(adyen.refunds()).toHaveLength(calls);
      const listed = await api("GET", "/api/v1/settlements?status=needs_review");
      expect((listed.body.items as Json[]).map((x) => x.id)).toContain(s.id);
    });

    it("a call cut off by a crash is re-sent with the same key: one refund at Stripe", async () => {
      stripe.addPayment("pi_cut", 12_460, "eur");
      stripe.failNext(1, 503);
      const s = await approvedRefund(card("stripe", "pi_cut"));
      expect((await settlement(s.id as string)).status).toBe("pending");
      await crashWhileCalling(s.id as string);
      expect(await recoverSettlements(h.deps)).toEqual({ resent: 0, review: 0, settled: 0 }); // not stale yet
      later(STALE_MS);
      expect(await recoverSettlements(h.deps)).toEqual({ resent: 1, review: 0, settled: 0 });
      expect((await settlement(s.id as string)).status).toBe("succeeded");
      expect(stripe.refunds().filter((r) => r.payment_intent === "pi_cut")).toHaveLength(1);
    });

    it("at start-up with a job queue, a call claimed just before the restart gets a sweep queued for the moment it goes stale", async () => {
      stripe.addPayment("pi_restart", 12_460, "eur");
      stripe.failNext(1, 503);
      const s = await approvedRefund(card("stripe", "pi_restart"));
      const jobs = await startJobQueue(h.database);
      try {
        const sweeps = async () =>
          (
            (await h.database.db.execute(
              sql`select data, start_after > now() as later from pgboss.job where name = 'settlement.sweep'`,
            )) as unknown as { rows: { data: { dueAt: number }; later: boolean }[] }
          ).rows;
        const claimedAt = h.clock.now().getTime();
        await crashWhileCalling(s.id as string);
        expect(await sweeps()).toEqual([]);
        // The minute's sweep queues nothing (one that did would start a chain of sweeps every time).
        expect(await recoverSettlements({ ...h.deps, jobs })).toEqual({ resent: 0, review: 0, settled: 0 });
        expect(await sweeps()).toEqual([]);
        await sweepWhenStale({ ...h.deps, jobs });
        const dueAt = Math.ceil((claimedAt + STALE_MS) / 1000) + 1;
        expect(await sweeps()).toEqual([{ data: { dueAt }, later: true }]);
        // The queued sweep, when it runs, re-sends the call: one refund at Stripe.
        later(STALE_MS);
        expect(await recoverSettlements(h.deps)).toEqual({ resent: 1, review: 0, settled: 0 });
        expect(stripe.refunds().filter((r) => r.payment_intent === "pi_restart")).toHaveLength(1);
      } finally {
        await jobs.stop();
      }
    });

    it("past the key window or the attempt cap a cut-off call is not re-sent: a person checks, then retries", async () => {
      stripe.addPayment("pi_old", 12_460, "eur");
      stripe.failNext(1, 503);
      const old = await approvedRefund(card("stripe", "pi_old"));
      await crashWhileCalling(old.id as string);
      later(KEY_WINDOW_MS);
      stripe.addPayment("pi_capped", 12_460, "eur");
      stripe.failNext(1, 503);
      const capped = await approvedRefund(card("stripe", "pi_capped"));
      for (let i = 1; i < MAX_ATTEMPTS; i++) {
        await crashWhileCalling(capped.id as string);
        later(STALE_MS);
      }
      expect((await settlement(capped.id as string)).attempts).toBe(MAX_ATTEMPTS);
      expect(await recoverSettlements(h.deps)).toEqual({ resent: 0, review: 2, settled: 0 });
      for (const s of [old, capped])
        expect((await settlement(s.id as string)).status, String(s.id)).toBe("needs_review");
      expect(
        stripe.refunds().filter((r) => ["pi_old", "pi_capped"].includes(String(r.payment_intent))),
      ).toEqual([]);
      const events = await api("GET", `/api/v1/returns/${old.caseId}/events`);
      expect((events.body.items as Json[]).map((e) => e.type)).toContain("settlement.needs_review");
      const retried = await api("POST", `/api/v1/settlements/${old.id}/retry`, {});
      expect([retried.status, retried.body.status]).toEqual([200, "succeeded"]);
      const checked = await api("POST", `/api/v1/settlements/${capped.id}/mark-paid`, {});
      expect([checked.status, checked.body.status]).toEqual([200, "succeeded"]);
      expect(
        stripe.refunds().filter((r) => ["pi_old", "pi_capped"].includes(String(r.payment_intent))),
      ).toHaveLength(1);
    });
  },
);
