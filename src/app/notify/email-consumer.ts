import { emailsForEvent } from "../../domain/notify/email/email-plan.ts";
import type { Deps } from "../ports/index.ts";
import { sendCaseEmail } from "./email-send.ts";
import type { OutboxConsumer } from "./ports.ts";
import { surveyUrlFor } from "./survey.ts";

/**
 * The shoppers' e-mail as an outbox consumer: each case event becomes the e-mails it means for the
 * shopper (`emailsForEvent`), each recorded under `<event id>:<kind>` before it is sent. A send that
 * fails stops here; the relay retries the event with backoff, and what already went out is skipped.
 */
export function emailConsumer(deps: Deps): OutboxConsumer {
  return {
    name: "email",
    async deliver(event) {
      const merchant = await deps.store.read.merchants.byId(event.merchantId);
      const c = merchant ? await deps.store.read.cases.load(event.merchantId, event.caseId) : null;
      if (!merchant || !c) return { ok: true };
      const planned = emailsForEvent(event, {
        case: c,
        storeCreditExpiryDays: merchant.settings.storeCreditExpiryDays ?? null,
        surveyUrl: event.type === "return.closed" ? await surveyUrlFor(deps, c.merchantId, c.id) : null,
      });
      for (const facts of planned) {
        const r = await sendCaseEmail(deps, merchant, c, facts, `${event.id}:${facts.kind}`);
        if (!r.ok) return r;
      }
      return { ok: true };
    },
  };
}
