import { type Locale, matchLocale } from "../../domain/locales.ts";
import type { EmailFacts } from "../../domain/notify/email/email-values.ts";
import { emailValues } from "../../domain/notify/email/email-values.ts";
import { defaultTemplate, renderEmail } from "../../domain/notify/email/render-email.ts";
import type { ReturnCase } from "../../domain/return-case.ts";
import type { Customer, Deps, Merchant } from "../ports/index.ts";
import { operationsLog } from "../settlement-change.ts";
import type { EmailMessage, Mailer } from "./mail-records.ts";
import type { ConsumerResult } from "./ports.ts";

export const NOT_CONFIGURED = "SMTP_URL is not set: the message was recorded, not sent";

/** The shopper's language: the case's, else the customer's, else the merchant's, else English. */
export function shopperLanguage(
  c: Pick<ReturnCase, "locale">,
  customerLocale: string | null,
  merchant: Pick<Merchant, "defaultLocale">,
): Locale {
  for (const tag of [c.locale, customerLocale, merchant.defaultLocale]) {
    const found = tag ? matchLocale(tag) : null;
    if (found) return found;
  }
  return "en";
}

/**
 * One e-mail about a case: rendered in the shopper's language from the merchant's template (or the
 * default), recorded under `key` before anything is sent (a second delivery of the same event finds
 * the record and sends nothing again once it went out), then sent outside any transaction. Store
 * credit of a gift return goes to the recipient. No e-mail address: nothing to do.
 */
export async function sendCaseEmail(
  deps: Deps,
  merchant: Merchant,
  c: ReturnCase,
  facts: EmailFacts,
  key: string,
  /** The case's customer when the caller read it already (null: none on record). */
  known?: Customer | null,
): Promise<ConsumerResult> {
  const composed = await composeCaseEmail(deps, merchant, c, facts, key, known);
  if (!composed) return { ok: true };
  const mailer = deps.notify?.mailer ?? null;
  if (!mailer) {
    await recordUnsent(deps, [composed]);
    return { ok: true };
  }
  return deliverEmail(deps, mailer, merchant, await deps.store.read.emailMessages.ensure(composed));
}

/**
 * Records e-mails that no mailer will send (SMTP is not set) in one statement; each one recorded now
 * is logged once, as `sendCaseEmail` does.
 */
export async function recordUnsent(deps: Deps, messages: readonly EmailMessage[]): Promise<void> {
  if (messages.length === 0) return;
  const fresh = await deps.store.read.emailMessages.ensureAll(messages);
  for (const m of messages) if (fresh.has(m.id)) logNotSent(deps, m);
}

/** The record of one e-mail about a case, rendered and not yet stored; null without an address. */
export async function composeCaseEmail(
  deps: Deps,
  merchant: Merchant,
  c: ReturnCase,
  facts: EmailFacts,
  key: string,
  known?: Customer | null,
): Promise<EmailMessage | null> {
  const customer =
    known !== undefined ? known : await deps.store.read.customers.get(merchant.id, c.customerId);
  const gift = facts.kind === "store_credit_issued" ? (c.portal?.giftRecipient ?? null) : null;
  const to = gift?.email ?? customer?.email ?? "";
  if (!to.includes("@")) return null;
  const language = shopperLanguage(c, customer?.locale ?? null, merchant);
  const template =
    (await deps.store.read.emailTemplates.get(merchant.id, facts.kind, language)) ??
    defaultTemplate(facts.kind, language);
  const values = emailValues(facts, {
    locale: language,
    timeZone: customer?.timeZone ?? null,
    shopperName: gift ? gift.name : (customer?.name ?? null),
    caseNumber: c.number,
    orderNumber: c.orderExternalId,
    shopName: merchant.settings.branding?.displayName ?? merchant.name,
  });
  const rendered = renderEmail(template, language, values);
  const mailer = deps.notify?.mailer ?? null;
  return {
    id: deps.ids.next(),
    merchantId: merchant.id,
    caseId: c.id,
    key,
    kind: facts.kind,
    locale: language,
    to,
    ...rendered,
    // Without SMTP the message is recorded as not sent, in one statement: there is no send to await.
    status: mailer ? "pending" : "not_sent",
    attempts: 0,
    lastError: mailer ? null : NOT_CONFIGURED,
    createdAt: deps.clock.now(),
    sentAt: null,
  };
}

function logNotSent(deps: Deps, message: EmailMessage): void {
  operationsLog(deps)({
    at: deps.clock.now().toISOString(),
    event: "email.not_sent",
    merchantId: message.merchantId,
    messageId: message.id,
    kind: message.kind,
    reason: NOT_CONFIGURED,
  });
}

/** Sends a recorded message unless it went out already. */
async function deliverEmail(
  deps: Deps,
  mailer: Mailer,
  merchant: Merchant,
  m: EmailMessage,
): Promise<ConsumerResult> {
  if (m.status !== "pending") return { ok: true };
  const r = await mailer.send({
    id: m.id,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    language: m.locale,
    fromName: merchant.settings.branding?.displayName ?? merchant.name,
    replyTo: merchant.settings.branding?.supportEmail ?? null,
  });
  await deps.store.read.emailMessages.recordAttempt(m.merchantId, m.id, {
    status: r.ok ? "sent" : "pending",
    attempts: m.attempts + 1,
    lastError: r.ok ? null : r.error.slice(0, 1000),
    sentAt: r.ok ? deps.clock.now() : null,
  });
  return r.ok ? { ok: true } : { ok: false, error: `e-mail: ${r.error}` };
}
