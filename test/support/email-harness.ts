import type { ParsedMail } from "mailparser";
import { expect } from "vitest";
import { smtpMailer } from "../../src/adapters/mail/smtp-mailer.ts";
import { standardWebhookSender } from "../../src/adapters/webhooks/webhook-sender.ts";
import { DEFAULT_OUTBOX_SETTINGS, type NotifyDeps } from "../../src/app/notify/ports.ts";
import type { DbKind } from "./databases.ts";
import { call, orderJson } from "./fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "./harness.ts";
import { smtpSink } from "./smtp-sink.ts";

export const MAIL_FROM = "Returns <returns@shop.example>";

/** The harness with shopper e-mail going to a real local SMTP server (refusing when `refusing` is set). */
export async function emailHarness(kind: DbKind) {
  const state = { refusing: false };
  const sink = await smtpSink(() => state.refusing);
  const mailer = smtpMailer({ url: sink.url, from: MAIL_FROM, timeoutMs: 5000 });
  const notify: NotifyDeps = {
    settings: { ...DEFAULT_OUTBOX_SETTINGS, retryBaseMs: 1000 },
    webhooks: standardWebhookSender({ timeoutMs: 5000 }),
    mailer,
    reminderDaysBefore: 3,
    publicUrl: "https://returns.example/",
  };
  const h: Harness = await startHarness(kind, { notify, log: () => {} });
  const { auth, merchantId } = await merchantWithKey(h.deps, "acme");
  let n = 0;

  /** Opens a return for a new order of a shopper with this locale; its id, number and address. */
  async function newCase(
    locale: string,
    opts: { resolution?: string; name?: string | null; timeZone?: string } = {},
  ): Promise<{ id: string; number: string; email: string }> {
    const ext = `ORD-${++n}`;
    const email = `shopper${n}@example.com`;
    const customer = {
      email,
      name: opts.name === undefined ? "Sam Shopper" : opts.name,
      locale,
      timeZone: opts.timeZone ?? "Europe/Berlin",
    };
    const put = await call(h.app, auth, "PUT", `/api/v1/orders/${ext}`, orderJson({ customer }));
    expect(put.status, JSON.stringify(put.body)).toBe(201);
    const c = await call(h.app, auth, "POST", "/api/v1/returns", {
      orderExternalId: ext,
      lines: [{ orderLineExternalId: "L1", quantity: 2, reason: "wrong_size" }],
      requestedResolution: opts.resolution ?? "refund",
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    return { id: String(c.body.id), number: String(c.body.number), email };
  }

  const to = (email: string): ParsedMail[] =>
    sink.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === email);

  return {
    h,
    auth,
    merchantId,
    sink,
    state,
    newCase,
    to,
    async close() {
      await h.close();
      mailer.close();
      await sink.close();
    },
  };
}
