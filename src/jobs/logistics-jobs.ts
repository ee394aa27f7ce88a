import { deliverWebhook } from "../app/logistics/outbound.ts";
import { purchaseLabel, unfinishedPurchases } from "../app/logistics/purchase.ts";
import { pollTracking } from "../app/logistics/tracking.ts";
import { expireUnusedLabels } from "../app/logistics/void-label.ts";
import type { Deps, JobRunner } from "../app/ports/index.ts";
import { RetryLater } from "./settlement-jobs.ts";

export const LOGISTICS_JOBS = {
  purchase: "shipment.purchase",
  sweep: "logistics.sweep",
  poll: "tracking.poll",
  deliver: "webhook.deliver",
} as const;

/**
 * Background logistics: label purchases left unfinished (a crash, a carrier outage) are bought again
 * with their recorded provider ids; ASNs are re-sent until delivered; carriers are polled for tracking
 * (every 15 minutes) and late parcels raise `case.delayed`.
 */
export async function registerLogisticsJobs(deps: Deps, jobs: JobRunner): Promise<void> {
  await jobs.work(LOGISTICS_JOBS.purchase, async (data) => {
    const s = await purchaseLabel(deps, String(data.shipmentId));
    if (s?.status === "purchasing") throw new RetryLater(`shipment ${s.id}: ${s.failureReason ?? "retry"}`);
  });
  await jobs.work(LOGISTICS_JOBS.deliver, async (data) => {
    const w = await deliverWebhook(deps, String(data.webhookId));
    if (w?.status === "pending") throw new RetryLater(`webhook ${w.id}: ${w.lastError ?? "retry"}`);
  });
  await jobs.work(LOGISTICS_JOBS.sweep, () => logisticsSweep(deps, jobs).then(() => undefined));
  await jobs.work(LOGISTICS_JOBS.poll, () => pollTracking(deps).then(() => undefined));
  await jobs.schedule(LOGISTICS_JOBS.sweep, "* * * * *");
  await jobs.schedule(LOGISTICS_JOBS.poll, "*/15 * * * *");
}

/** Queues unfinished label purchases and undelivered webhooks; voids unused labels that expired. */
export async function logisticsSweep(deps: Deps, jobs: JobRunner): Promise<number> {
  const purchases = await unfinishedPurchases(deps, 200);
  for (const s of purchases)
    await jobs.enqueue(LOGISTICS_JOBS.purchase, { shipmentId: s.id }, { singletonKey: s.id });
  const webhooks = await deps.store.read.outbound.pending(200);
  for (const w of webhooks)
    await jobs.enqueue(LOGISTICS_JOBS.deliver, { webhookId: w.id }, { singletonKey: w.id });
  const expired = await expireUnusedLabels(deps, 100);
  return purchases.length + webhooks.length + expired;
}
