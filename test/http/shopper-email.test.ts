import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, expect, it } from "vitest";
import { emailConsumer } from "../../src/app/notify/email-consumer.ts";
import { drainCase } from "../../src/app/notify/outbox-relay.ts";
import { describeEachDb } from "../support/databases.ts";
import { emailHarness } from "../support/email-harness.ts";
import { call, type Json } from "../support/fixtures.ts";

type Setup = Awaited<ReturnType<typeof emailHarness>>;

const html = (m: ParsedMail | undefined) => (typeof m?.html === "string" ? m.html : "");
const language = (m: ParsedMail | undefined) => String(m?.headers.get("content-language") ?? "");

describeEachDb("e-mail to shoppers over SMTP, from the outbox", (kind) => {
  let s: Setup;
  beforeAll(async () => {
    s = await emailHarness(kind);
  });
  afterAll(() => s.close());
  const command = async (id: string, name: string, body: unknown = {}) => {
    const r = await call(s.h.app, s.auth, "POST", `/api/v1/returns/${id}/${name}`, body);
    expect(r.status, `${name}: ${JSON.stringify(r.body)}`).toBe(200);
    return r.body;
  };

  const languages: [string, string, RegExp, RegExp, "ltr" | "rtl"][] = [
    ["en", "en-GB", /We have your return request R-\d+/, /Your return R-\d+ is approved/, "ltr"],
    ["de", "de-DE", /Ihre Rücksendeanfrage R-\d+ ist eingegangen/, /Rücksendung R-\d+ ist genehmigt/, "ltr"],
    ["ja", "ja-JP", /返品リクエスト R-\d+ を受け付けました/, /返品 R-\d+ が承認されました/, "ltr"],
    ["ar", "ar-EG", /استلمنا طلب الإرجاع R-\d+/, /تمت الموافقة على المرتجع R-\d+/, "rtl"],
    ["he", "he-IL", /קיבלנו את בקשת ההחזרה R-\d+/, /ההחזרה R-\d+ אושרה/, "rtl"],
  ];
  for (const [lang, tag, received, approved, dir] of languages)
    it(`${lang}: request received and approved, in the shopper's language (${dir})`, async () => {
      const c = await s.newCase(tag);
      await command(c.id, "approve");
      expect(await drainCase(s.h.deps, c.id)).toEqual({ status: "settled" });
      const mails = s.to(c.email);
      expect(mails.map((m) => m.subject)).toEqual([
        expect.stringMatching(received),
        expect.stringMatching(approved),
      ]);
      for (const m of mails) {
        expect(language(m)).toBe(lang);
        expect(html(m)).toContain(`<html lang="${lang}" dir="${dir}">`);
        expect(m.text).toContain(c.number);
        expect(m.text).toContain("Sam Shopper");
        expect(m.from?.value[0]).toEqual({ name: "acme", address: "returns@shop.example" });
      }
      expect(m0(mails).text).toContain("Linen tee");
      expect(m1(mails).messageId).toMatch(/@shop\.example>$/);
    });

  it("says what happens up to the refund: received, inspected, refunded with amount and arrival", async () => {
    const c = await s.newCase("en-US", { name: null });
    const lineId = String(((await command(c.id, "approve")).lines as Json[])[0]?.id);
    await command(c.id, "ship", { carrier: "DHL", trackingNumber: "RET1" });
    await command(c.id, "receive", { lines: [{ lineId, quantity: 2 }] });
    await command(c.id, "inspect", {
      lines: [
        { lineId, quantity: 1, outcome: "accepted", condition: "like_new" },
        { lineId, quantity: 1, outcome: "refused", condition: "damaged" },
      ],
    });
    expect(await drainCase(s.h.deps, c.id)).toEqual({ status: "settled" });
    const mails = s.to(c.email);
    expect(mails.map((m) => m.subject)).toEqual([
      `We have your return request ${c.number}`,
      `Your return ${c.number} is approved`,
      `We have received your return ${c.number}`,
      `Your return ${c.number} has been inspected`,
      "Your refund of €44.90 is on its way",
    ]);
    expect(m0(mails).text).toMatch(/^Hello,\n/);
    expect(mails[3]?.text).toContain("Accepted: 1. Not accepted: 1.");
    expect(mails[4]?.text).toMatch(
      /refunded €44\.90 to your original payment method\. .* by \S+ \d+, \d{4}\./,
    );

    // A redelivered event (a crash after sending) finds its recorded message: nothing is sent again.
    const events = await s.h.deps.store.read.outbox.eventsAfter(c.id, 0, 1000, 100);
    const consumer = emailConsumer(s.h.deps);
    for (const e of events)
      expect(await consumer.deliver({ ...e, merchantId: s.merchantId })).toMatchObject({ ok: true });
    expect(s.to(c.email)).toHaveLength(5);
    const log = await call(s.h.app, s.auth, "GET", `/api/v1/email-messages?caseId=${c.id}`);
    expect(log.body.smtpConfigured).toBe(true);
    expect((log.body.items as Json[]).map((m) => [m.kind, m.status, m.attempts])).toEqual([
      ["refunded", "sent", 1],
      ["inspected", "sent", 1],
      ["received", "sent", 1],
      ["approved", "sent", 1],
      ["request_received", "sent", 1],
    ]);
  });

  it("store credit: the amount and its validity, in German", async () => {
    await call(s.h.app, s.auth, "PUT", "/api/v1/settings", { storeCreditExpiryDays: 365 });
    const c = await s.newCase("de-AT", { resolution: "store_credit" });
    const lineId = String(((await command(c.id, "approve")).lines as Json[])[0]?.id);
    await command(c.id, "receive", { lines: [{ lineId, quantity: 1 }] });
    await command(c.id, "inspect", {
      lines: [{ lineId, quantity: 1, outcome: "accepted", condition: "like_new" }],
    });
    expect(await drainCase(s.h.deps, c.id)).toEqual({ status: "settled" });
    const credit = s.to(c.email).find((m) => m.subject?.includes("Guthaben"));
    expect(credit?.subject).toMatch(/^Sie haben \d+,\d\d\s€ Guthaben erhalten$/);
    expect(credit?.text).toMatch(/Es ist gültig bis zum \d+\. \S+ \d{4}\./);
  });

  it("an exchange for something dearer asks the shopper to pay the difference (Japanese)", async () => {
    const c = await s.newCase("ja-JP", { resolution: "exchange" });
    const lineId = String(((await command(c.id, "approve")).lines as Json[])[0]?.id);
    await command(c.id, "receive", { lines: [{ lineId, quantity: 2 }] });
    await command(c.id, "inspect", {
      lines: [{ lineId, quantity: 2, outcome: "accepted", condition: "like_new" }],
    });
    await command(c.id, "resolve", {
      replacement: { sku: "COAT-1", title: "Wool coat", unitPrice: { amount: "149.90", currency: "EUR" } },
    });
    expect(await drainCase(s.h.deps, c.id)).toEqual({ status: "settled" });
    const request = s.to(c.email).find((m) => m.subject === `交換 ${c.number} のお支払いのお願い`);
    expect(request?.text).toMatch(/差額 €\d+\.\d\d のお支払いをお願いいたします/);
    expect(language(request)).toBe("ja");
  });

  it("a refused message is retried with backoff and then sent once", async () => {
    const c = await s.newCase("en");
    s.state.refusing = true;
    const first = await drainCase(s.h.deps, c.id);
    expect(first.status).toBe("retry");
    const pending = await call(s.h.app, s.auth, "GET", `/api/v1/email-messages?caseId=${c.id}`);
    expect((pending.body.items as Json[]).map((m) => [m.status, m.attempts])).toEqual([["pending", 1]]);
    expect(String((pending.body.items as Json[])[0]?.lastError)).toMatch(/451|try again/);
    s.state.refusing = false;
    s.h.clock.advance(1000);
    expect(await drainCase(s.h.deps, c.id)).toEqual({ status: "settled" });
    expect(s.to(c.email).map((m) => m.subject)).toEqual([`We have your return request ${c.number}`]);
  });

  it("without SMTP_URL messages are recorded, not sent", async () => {
    const notify = s.h.deps.notify;
    if (!notify) throw new Error("notify");
    const logged: Readonly<Record<string, unknown>>[] = [];
    const unconfigured = {
      ...s.h.deps,
      log: (e: Readonly<Record<string, unknown>>) => {
        logged.push(e);
      },
      notify: { ...notify, mailer: null },
    };
    const c = await s.newCase("en");
    expect(await drainCase(unconfigured, c.id)).toEqual({ status: "settled" });
    expect(s.to(c.email)).toEqual([]);
    const [m, ...more] = await s.h.deps.store.read.emailMessages.list(s.merchantId, {
      caseId: c.id,
      limit: 5,
    });
    expect([m?.status, m?.lastError, m?.attempts]).toEqual([
      "not_sent",
      expect.stringContaining("SMTP_URL"),
      0,
    ]);
    expect(m?.subject).toBe(`We have your return request ${c.number}`);
    expect(more).toEqual([]);
    expect(logged).toEqual([expect.objectContaining({ event: "email.not_sent", messageId: m?.id })]);
    // Delivered again (the case made due again): the record is found, nothing is recorded or logged twice.
    expect(await s.h.deps.store.read.outbox.reopen(s.merchantId, new Date(0))).toBeGreaterThan(0);
    expect(await drainCase(unconfigured, c.id)).toEqual({ status: "settled" });
    expect(await s.h.deps.store.read.emailMessages.list(s.merchantId, { caseId: c.id, limit: 5 })).toEqual([
      m,
    ]);
    expect(logged).toHaveLength(1);
  });

  it("without SMTP_URL a round's messages are recorded together; those on record are not recorded again", async () => {
    const notify = s.h.deps.notify;
    if (!notify) throw new Error("notify");
    const logged: Readonly<Record<string, unknown>>[] = [];
    const log = (e: Readonly<Record<string, unknown>>) => {
      logged.push(e);
    };
    const unconfigured = { ...s.h.deps, log, notify: { ...notify, mailer: null } };
    const c = await s.newCase("en");
    expect(await drainCase(unconfigured, c.id)).toEqual({ status: "settled" });
    await command(c.id, "approve");
    // Made due again from the start: the request's record exists, the approval's is new.
    expect(await s.h.deps.store.read.outbox.reopen(s.merchantId, new Date(0))).toBeGreaterThan(0);
    await s.h.deps.store.read.outbox.saveProgress(
      "email",
      c.id,
      { deliveredSeq: 0, attempts: 0, retryAt: null, lastError: null },
      s.h.clock.now(),
    );
    expect(await drainCase(unconfigured, c.id)).toEqual({ status: "settled" });
    const stored = await s.h.deps.store.read.emailMessages.list(s.merchantId, { caseId: c.id, limit: 5 });
    expect(stored.map((m) => [m.subject, m.status]).sort()).toEqual([
      [`We have your return request ${c.number}`, "not_sent"],
      [`Your return ${c.number} is approved`, "not_sent"],
    ]);
    expect(logged.map((e) => e.messageId).sort()).toEqual(stored.map((m) => m.id).sort());
  });
});

const m0 = (m: ParsedMail[]) => m[0] as ParsedMail;
const m1 = (m: ParsedMail[]) => m[1] as ParsedMail;
