import { emailsForEvent } from "../../domain/notify/email/email-plan.ts";
import type { ReturnCase } from "../../domain/return-case.ts";
import type { CaseWithCustomer, Customer, Deps, Merchant } from "../ports/index.ts";
import { composeCaseEmail, recordUnsent, sendCaseEmail } from "./email-send.ts";
import type { EmailMessage } from "./mail-records.ts";
import type { OutboxConsumer } from "./ports.ts";
import { surveyUrlFor } from "./survey.ts";

/**
 * The shoppers' e-mail as an outbox consumer: each case event becomes the e-mails it means for the
 * shopper (`emailsForEvent`), each recorded under `<event id>:<kind>` before it is sent. A send that
 * fails stops here; the relay retries the event with backoff, and what already went out is skipped.
 */
export function emailConsumer(deps: Deps): OutboxConsumer {
  // One consumer serves one relay round of a merchant's cases: the merchant, each case and its customer
  // are read once for all of the case's events (the e-mails describe them as they are when they go
  // out), every case of the round in one statement when the relay prepares them.
  const subjects = new Map<string, Subject>();
  const load = async (merchantId: string, caseIds: readonly string[]) => {
    const merchant = await deps.store.read.merchants.byId(merchantId);
    const found = merchant
      ? await deps.store.read.cases.loadWithCustomers(merchantId, caseIds)
      : new Map<string, CaseWithCustomer>();
    for (const id of caseIds)
      subjects.set(id, [merchant, found.get(id)?.case ?? null, found.get(id)?.customer ?? null]);
  };
  // Without SMTP nothing is sent: the round's e-mails are recorded together when it ends (`flush`).
  const unsent: EmailMessage[] = [];
  return {
    name: "email",
    recordsDeliveries: true,
    prepare: load,
    async deliver(event) {
      if (!subjects.has(event.caseId)) await load(event.merchantId, [event.caseId]);
      const [merchant, c, customer] = subjects.get(event.caseId) ?? [null, null, null];
      if (!merchant || !c) return { ok: true, quiet: true };
      const planned = emailsForEvent(event, {
        case: c,
        storeCreditExpiryDays: merchant.settings.storeCreditExpiryDays ?? null,
        surveyUrl: event.type === "return.closed" ? await surveyUrlFor(deps, c.merchantId, c.id) : null,
      });
      if (planned.length === 0) return { ok: true, quiet: true };
      for (const facts of planned) {
        const key = `${event.id}:${facts.kind}`;
        if (!deps.notify?.mailer) {
          const m = await composeCaseEmail(deps, merchant, c, facts, key, customer);
          if (m) unsent.push(m);
          continue;
        }
        const r = await sendCaseEmail(deps, merchant, c, facts, key, customer);
        if (!r.ok) return r;
      }
      return { ok: true };
    },
    async flush() {
      await recordUnsent(deps, unsent.splice(0));
    },
  };
}

type Subject = readonly [Merchant | null, ReturnCase | null, Customer | null];
