import { standardWebhookSender } from "../../src/adapters/webhooks/webhook-sender.ts";
import { DEFAULT_OUTBOX_SETTINGS, type NotifyDeps } from "../../src/app/notify/ports.ts";
import type { Deps } from "../../src/app/ports/index.ts";
import { GENEROUS_POLICY, type Harness, merchantWithKey } from "./harness.ts";

/** The outbox relay's settings for tests that drain cases by hand (retry soon). */
export const testNotify = (): NotifyDeps => ({
  settings: { ...DEFAULT_OUTBOX_SETTINGS, retryBaseMs: 1000 },
  webhooks: standardWebhookSender({ timeoutMs: 5000 }),
});

/** A merchant whose policy refunds at approval, with a legal entity for its credit notes. */
export async function refundingMerchant(
  h: Harness,
  slug: string,
): Promise<{ merchantId: string; auth: string }> {
  const m = await merchantWithKey(h.deps, slug, {
    policy: { ...GENEROUS_POLICY, refundTrigger: "approval" },
  });
  await h.deps.store.transaction((r) =>
    r.setup.insertLegalEntity(m.merchantId, {
      id: h.deps.ids.next(),
      name: `${slug} B.V.`,
      country: "NL",
      vatNumber: "NL123456789B01",
      eoriNumber: null,
      iossNumber: null,
      address: { line1: "Keizersgracht 1", city: "1015 Amsterdam" },
    }),
  );
  return m;
}

/** Collects a backfill's progress lines. */
export function progressLog(): {
  lines: string[];
  push: (p: { page: number; created: number; updated: number; unchanged: number }) => void;
} {
  const lines: string[] = [];
  return { lines, push: (p) => lines.push(`${p.page}:${p.created}/${p.updated}/${p.unchanged}`) };
}

export type { Deps };
