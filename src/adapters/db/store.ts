import type { Repos, SecretBox, Store } from "../../app/ports/index.ts";
import { auditRepo } from "./audit-repo.ts";
import { type BankSeal, bankSeal } from "./bank-seal.ts";
import { cachedConfig, configWrites } from "./cached-config.ts";
import { cancellationRepo, extenuatingEventRepo } from "./cancellation-repo.ts";
import { caseRepo } from "./case-repo.ts";
import { customerRepo, productRepo } from "./catalog-repo.ts";
import { configCache } from "./config-cache.ts";
import { watchConfig } from "./config-watch.ts";
import { creditNoteRepo } from "./credit-note-repo.ts";
import type { Database, Executor } from "./database.ts";
import { dutyClaimRepo } from "./duty-claim-repo.ts";
import { emailMessageRepo, emailTemplateRepo, surveyRepo } from "./email-repo.ts";
import { erasureRepo } from "./erasure-repo.ts";
import { fxRepo, webhookEventRepo } from "./fx-repo.ts";
import { hubRepo } from "./hub-repo.ts";
import { idempotencyRepo } from "./idempotency-repo.ts";
import { ledgerRepo } from "./ledger-repo.ts";
import { locationRepo } from "./location-repo.ts";
import { apiKeyRepo, merchantRepo } from "./merchant-repo.ts";
import { noticeRepo } from "./notice-repo.ts";
import { orderRepo } from "./order-repo.ts";
import { outboundWebhookRepo } from "./outbound-webhook-repo.ts";
import { outboxRepo } from "./outbox-repo.ts";
import { platformRepo } from "./platform-repo.ts";
import { policyRepo } from "./policy-repo.ts";
import { portalRepo } from "./portal-repo.ts";
import { providerAccountRepo } from "./provider-account-repo.ts";
import { receivingRepo } from "./receiving-repo.ts";
import { refundRepo } from "./refund-repo.ts";
import { reportRepo } from "./report-repo.ts";
import { retentionRepo } from "./retention-repo.ts";
import { settlementRepo } from "./settlement-repo.ts";
import { setupRepo } from "./setup-repo.ts";
import { shipmentRepo } from "./shipment-repo.ts";
import { staffRepo } from "./staff-repo.ts";
import { storeCreditRepo } from "./store-credit-repo.ts";
import { memoized } from "./tx-memo.ts";
import { retryingConflicts } from "./tx-retry.ts";
import { webhookDeliveryRepo } from "./webhook-delivery-repo.ts";
import { webhookEndpointRepo } from "./webhook-endpoint-repo.ts";

export function repos(db: Executor, seal: BankSeal, onEvents?: (caseId: string) => void): Repos {
  return {
    outbox: outboxRepo(db),
    webhookEndpoints: webhookEndpointRepo(db),
    webhookDeliveries: webhookDeliveryRepo(db),
    notices: noticeRepo(db),
    emailTemplates: emailTemplateRepo(db),
    emailMessages: emailMessageRepo(db),
    surveys: surveyRepo(db),
    portal: portalRepo(db),
    receiving: receivingRepo(db),
    staff: staffRepo(db),
    setup: setupRepo(db),
    refunds: refundRepo(db),
    creditNotes: creditNoteRepo(db),
    storeCredit: storeCreditRepo(db),
    fx: fxRepo(db),
    webhookEvents: webhookEventRepo(db),
    policies: policyRepo(db),
    events: extenuatingEventRepo(db),
    cancellations: cancellationRepo(db),
    merchants: merchantRepo(db),
    apiKeys: apiKeyRepo(db),
    products: productRepo(db),
    customers: customerRepo(db),
    orders: orderRepo(db),
    cases: caseRepo(db, seal, onEvents),
    ledger: ledgerRepo(db),
    settlements: settlementRepo(db, seal),
    idempotency: idempotencyRepo(db, seal),
    providerAccounts: providerAccountRepo(db),
    platforms: platformRepo(db),
    audit: auditRepo(db),
    retention: retentionRepo(db),
    erasure: erasureRepo(db, seal),
    reports: reportRepo(db),
    locations: locationRepo(db),
    shipments: shipmentRepo(db),
    hub: hubRepo(db),
    outbound: outboundWebhookRepo(db),
    dutyClaims: dutyClaimRepo(db),
  };
}

/**
 * The Store port over Drizzle: one transaction per call, repositories bound to its handle. `secrets`
 * seals bank details and stored idempotent responses at rest (bank-seal.ts). `configCache`: merchants'
 * configuration is kept between reads until it changes (config-cache.ts; the server and the worker).
 */
export function dbStore(
  database: Database,
  secrets: SecretBox,
  opts: { readonly configCache?: boolean } = {},
): Store {
  const seal = bankSeal(secrets);
  const cache = opts.configCache ? configCache(watchConfig(database)) : null;
  const listeners: ((caseIds: readonly string[]) => void)[] = [];
  const tell = (ids: readonly string[]) => {
    if (ids.length > 0) for (const l of listeners) l(ids);
  };
  const root = repos(database.db, seal, (id) => tell([id]));
  return {
    read: cache ? cachedConfig(root, cache, configWrites(false)) : root,
    // A deadlock or serialization failure rolls the transaction back whole: it is run again (tx-retry.ts).
    async transaction(fn) {
      const touched = new Set<string>();
      const writes = configWrites(true);
      const bound = (tx: Executor) => {
        const r = repos(tx, seal, (id) => touched.add(id));
        return memoized(cache ? cachedConfig(r, cache, writes) : r);
      };
      let result: Awaited<ReturnType<typeof fn>>;
      try {
        result = await retryingConflicts(() => {
          // What a rolled-back try marked was not committed.
          touched.clear();
          writes.dirty = false;
          return database.db.transaction((tx) => fn(bound(tx)));
        });
      } finally {
        for (const m of writes.touched) cache?.forget(m);
      }
      tell([...touched]);
      return result;
    },
    onCaseEvents(listener) {
      listeners.push(listener);
    },
  };
}
