import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { fieldCipher } from "../../src/adapters/crypto/field-cipher.ts";
import type { Database } from "../../src/adapters/db/database.ts";
import { dbStore } from "../../src/adapters/db/store.ts";
import { pdfDocuments } from "../../src/adapters/documents/pdf-documents.ts";
import { manualGateway } from "../../src/adapters/payments/manual-gateway.ts";
import { localPhotoStorage } from "../../src/adapters/storage/local-photo-storage.ts";
import { uuidv7Source } from "../../src/adapters/system.ts";
import type { AssistantPhraser } from "../../src/app/assistant/ports.ts";
import { policyBody } from "../../src/app/inputs/policy-input.ts";
import type { CarrierAdapter } from "../../src/app/logistics/ports.ts";
import { createApiKey, createMerchant } from "../../src/app/merchants.ts";
import type { NotifyDeps } from "../../src/app/notify/ports.ts";
import type { PlatformAdapters } from "../../src/app/platforms/ports.ts";
import { savePolicy } from "../../src/app/policies.ts";
import type {
  Clock,
  Deps,
  OperationsLog,
  PaymentGateway,
  PhotoStorage,
  SecretBox,
} from "../../src/app/ports/index.ts";
import { saveProviderAccount } from "../../src/app/provider-accounts.ts";
import type { RefundWebhookReceiver } from "../../src/app/refund-updates.ts";
import { logisticsDeps } from "../../src/cli/carriers.ts";
import type { ApiRateLimits } from "../../src/http/api-rate-limit.ts";
import type { SecurityLog } from "../../src/http/portal/portal-options.ts";
import { buildServer } from "../../src/http/server.ts";
import { type DbKind, freshDatabase } from "./databases.ts";

/** A clock tests move by hand. */
export class TestClock implements Clock {
  constructor(private at: Date) {}
  now(): Date {
    return new Date(this.at);
  }
  set(at: Date | string): void {
    this.at = new Date(at);
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

export const DAY = 86_400_000;

export interface Harness {
  readonly database: Database;
  readonly deps: Deps;
  readonly clock: TestClock;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

/** A real database of the given kind, the real use cases and the real HTTP server (in-process). */
export async function startHarness(
  kind: DbKind,
  opts: {
    now?: string;
    gateways?: PaymentGateway[];
    webhooks?: RefundWebhookReceiver[];
    securityLog?: SecurityLog;
    /** Merchant API budgets (default: none, as before). */
    rateLimits?: ApiRateLimits;
    photos?: PhotoStorage;
    carriers?: CarrierAdapter[];
    notify?: NotifyDeps;
    /** Collects the operations log (refused settlement transitions, sweep decisions). */
    log?: OperationsLog;
    /** Receives the request log's JSON lines (the production logger options). */
    logStream?: { write(line: string): void };
    /** The field cipher (default: a random key with id "test"). */
    secrets?: SecretBox;
    /** The returns assistant's phrasing model (default: none, the assistant's own words). */
    assistant?: AssistantPhraser;
    /** Shopify / WooCommerce adapters (pointed at their fakes). */
    platforms?: PlatformAdapters;
  } = {},
): Promise<Harness> {
  const { database, drop } = await freshDatabase(kind);
  const clock = new TestClock(new Date(opts.now ?? "2026-03-20T10:00:00Z"));
  const gateways = new Map<string, PaymentGateway>([
    ["manual", manualGateway()],
    ...(opts.gateways ?? []).map((g) => [g.name, g] as const),
  ]);
  const uploads = mkdtempSync(join(tmpdir(), "crossback-uploads-"));
  const photos = opts.photos ?? localPhotoStorage(uploads);
  const carriers = new Map((opts.carriers ?? []).map((c) => [c.name, c] as const));
  const secrets =
    opts.secrets ?? fieldCipher({ currentId: "test", keys: new Map([["test", randomBytes(32)]]) });
  const deps: Deps = {
    store: dbStore(database, secrets, { configCache: true }),
    clock,
    ids: uuidv7Source(clock),
    gateways,
    photos,
    logistics: logisticsDeps(clock, carriers),
    ...(opts.notify ? { notify: opts.notify } : {}),
    ...(opts.log ? { log: opts.log } : {}),
    ...(opts.platforms ? { platforms: opts.platforms } : {}),
    secrets,
    documents: pdfDocuments,
    ...(opts.assistant ? { assistant: opts.assistant } : {}),
  };
  const app = await buildServer(deps, {
    webhooks: opts.webhooks ?? [],
    securityLog: opts.securityLog ?? (() => {}),
    ...(opts.logStream ? { logger: { stream: opts.logStream } } : {}),
    ...(opts.rateLimits ? { rateLimits: opts.rateLimits } : {}),
  });
  return {
    database,
    deps,
    clock,
    app,
    async close() {
      await app.close();
      await drop();
      rmSync(uploads, { recursive: true, force: true });
    },
  };
}

/** A generous policy for every country: 60 days, every resolution. */
export const GENEROUS_POLICY = {
  name: "Generous test policy",
  scope: { countries: ["*"] },
  window: { days: 60, from: "delivery" },
  resolutions: ["refund", "store_credit", "exchange", "keep_it"],
};

/**
 * Creates a merchant with an API key (and, unless `policy: null`, the generous policy);
 * returns the Authorization header value.
 */
export async function merchantWithKey(
  deps: Deps,
  slug: string,
  opts: { policy?: Record<string, unknown> | null } = {},
): Promise<{ merchantId: string; auth: string }> {
  const m = await createMerchant(deps, { slug, name: slug });
  if (!m.ok) throw new Error(JSON.stringify(m.error));
  const k = await createApiKey(deps, slug, "test");
  if (!k.ok) throw new Error(JSON.stringify(k.error));
  const policy = opts.policy === undefined ? GENEROUS_POLICY : opts.policy;
  if (policy) {
    const saved = await savePolicy(deps, m.value.id, "default", policyBody.parse(policy), {
      kind: "cli",
      id: "test",
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  }
  return { merchantId: m.value.id, auth: `Bearer ${k.value.key}` };
}

/**
 * Gives a merchant its own accounts on the fakes (issue 8 point 9): Stripe through its own key (the
 * fake's platform key sees the payments added without an account), Adyen through a merchantAccount.
 */
export async function connectProviders(
  deps: Deps,
  merchantId: string,
  p: {
    stripe?: { apiKey?: string; accountId?: string };
    adyen?: { merchantAccount: string; apiKey?: string };
  },
): Promise<void> {
  if (p.stripe)
    await saveProviderAccount(deps, merchantId, {
      provider: "stripe",
      accountId: p.stripe.accountId ?? null,
      apiKey: p.stripe.apiKey ?? null,
    });
  if (p.adyen)
    await saveProviderAccount(deps, merchantId, {
      provider: "adyen",
      accountId: p.adyen.merchantAccount,
      apiKey: p.adyen.apiKey ?? null,
    });
}
