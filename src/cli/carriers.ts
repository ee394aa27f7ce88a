import { logisticsDocuments } from "../adapters/documents/logistics-documents.ts";
import { loadLaneTable } from "../adapters/logistics/lane-table.ts";
import { standardWebhookSender } from "../adapters/webhooks/webhook-sender.ts";
import type { CarrierAdapter, LogisticsDeps } from "../app/logistics/ports.ts";
import type { Clock } from "../app/ports/index.ts";

/**
 * Carriers from the environment: EasyPost with EASYPOST_API_KEY and EASYPOST_WEBHOOK_SECRET
 * (EASYPOST_API_BASE points the SDK elsewhere, e.g. http://127.0.0.1:4010/v2/); Shippo with
 * SHIPPO_API_KEY and SHIPPO_WEBHOOK_SECRET (SHIPPO_WEBHOOK_TOKEN, SHIPPO_API_BASE). Built-in methods
 * (self-ship, QR drop-off, merchant label) need no carrier.
 */
export async function carriersFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): Promise<Map<string, CarrierAdapter>> {
  const carriers = new Map<string, CarrierAdapter>();
  // Loaded only when configured: the SDKs take a second to load, which every CLI command would pay.
  const { easyPostCarrier } = env.EASYPOST_API_KEY
    ? await import("../adapters/carriers/easypost-carrier.ts")
    : { easyPostCarrier: null };
  const { shippoCarrier } = env.SHIPPO_API_KEY
    ? await import("../adapters/carriers/shippo-carrier.ts")
    : { shippoCarrier: null };
  const timeoutMs = env.CARRIER_TIMEOUT_MS ? Number(env.CARRIER_TIMEOUT_MS) : undefined;
  if (easyPostCarrier && env.EASYPOST_API_KEY && env.EASYPOST_WEBHOOK_SECRET)
    carriers.set(
      "easypost",
      easyPostCarrier({
        apiKey: env.EASYPOST_API_KEY,
        webhookSecret: env.EASYPOST_WEBHOOK_SECRET,
        ...(env.EASYPOST_API_BASE ? { baseUrl: env.EASYPOST_API_BASE } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
      }),
    );
  if (shippoCarrier && env.SHIPPO_API_KEY && env.SHIPPO_WEBHOOK_SECRET)
    carriers.set(
      "shippo",
      shippoCarrier({
        apiKey: env.SHIPPO_API_KEY,
        webhookSecret: env.SHIPPO_WEBHOOK_SECRET,
        ...(env.SHIPPO_WEBHOOK_TOKEN ? { webhookToken: env.SHIPPO_WEBHOOK_TOKEN } : {}),
        ...(env.SHIPPO_API_BASE ? { serverURL: env.SHIPPO_API_BASE } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
      }),
    );
  return carriers;
}

/** Everything logistics needs, wired: carriers, PDFs and barcodes, the ASN sender, the lane table. */
export function logisticsDeps(clock: Clock, carriers: ReadonlyMap<string, CarrierAdapter>): LogisticsDeps {
  return {
    carriers,
    documents: logisticsDocuments(clock),
    webhooks: standardWebhookSender(),
    lanes: loadLaneTable(),
  };
}
