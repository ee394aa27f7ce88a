import { emailsForEvent } from "../../domain/notify/email/email-plan.ts";
import type { ReturnCase } from "../../domain/return-case.ts";
import type { Customer, Deps, Merchant } from "../ports/index.ts";
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
  // One consumer serves one relay round of one case: the merchant, the case and its customer are read
  // once for all of its events (the e-mails describe them as they are when they go out), the case and
  // the customer in one statement.
  let subject: Promise<readonly [Merchant | null, ReturnCase | null, Customer | null]> | null = null;
  const load = async (merchantId: string, caseId: string) => {
    const merchant = await deps.store.read.merchants.byId(merchantId);
    const found = merchant ? await deps.store.read.cases.loadWithCustomer(merchantId, caseId) : null;
    return [merchant, found?.case ?? null, found?.customer ?? null] as const;
  };
  // Without SMTP nothing is sent: the round's e-mails are recorded together when it ends (`flush`).
  const unsent: EmailMessage[] = [];
  return {
    name: "email",
    recordsDeliveries: true,
    async deliver(event) {
      subject ??= load(event.merchantId, event.caseId);
      const [merchant, c, customer] = await subject;
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
