import { platformConsumers } from "../platforms/platform-mirror.ts";
import type { Deps } from "../ports/index.ts";
import { emailConsumer } from "./email-consumer.ts";
import type { OutboxConsumer } from "./ports.ts";
import { webhookConsumer } from "./webhook-delivery.ts";

/**
 * Who receives a merchant's case events: the shoppers' e-mail, and each enabled webhook endpoint
 * (one consumer each, so a failing endpoint delays nobody else), and each connected shop (platform-mirror.ts). New receivers add themselves here.
 */
export async function consumersFor(deps: Deps, merchantId: string): Promise<OutboxConsumer[]> {
  const out: OutboxConsumer[] = [];
  if (deps.notify) {
    out.push(emailConsumer(deps));
    const endpoints = await deps.store.read.webhookEndpoints.list(merchantId);
    for (const e of endpoints) if (e.enabled) out.push(webhookConsumer(deps, e.id));
  }
  out.push(...(await platformConsumers(deps, merchantId)));
  return out;
}
