import type { AuditRepo } from "../audit-log.ts";
import type { LogisticsRepos } from "../logistics/records.ts";
import type { MailRepos } from "../notify/mail-records.ts";
import type { NotifyRepos } from "../notify/records.ts";
import type { PlatformRepo } from "../platforms/ports.ts";
import type { ProviderAccountRepo } from "../provider-accounts.ts";
import type { ReceivingRepos } from "../receiving/records.ts";
import type { ReportRepo } from "../reports/report-records.ts";
import type { RetentionRepo } from "../retention.ts";
import type { StaffRepo } from "../staff/records.ts";
import type { ApiKeyRepo } from "./api-keys.ts";
import type { CaseRepo } from "./cases.ts";
import type { CustomerRepo } from "./customers.ts";
import type { ErasureRepo } from "./erasure.ts";
import type { FxRepo } from "./fx.ts";
import type { IdempotencyRepo, WebhookEventRepo } from "./idempotency.ts";
import type { LedgerRepo } from "./ledger.ts";
import type { MerchantRepo } from "./merchants.ts";
import type { CancellationRepo, OrderRepo } from "./orders.ts";
import type { ExtenuatingEventRepo, PolicyRepo } from "./policies.ts";
import type { PortalRepo } from "./portal.ts";
import type { ProductRepo } from "./products.ts";
import type { CreditNoteRepo, RefundRepo } from "./refunds.ts";
import type { SettlementRepo } from "./settlements.ts";
import type { SetupRepo } from "./setup.ts";
import type { StoreCreditRepo } from "./store-credit.ts";

export interface Repos extends LogisticsRepos, NotifyRepos, MailRepos, ReceivingRepos {
  readonly staff: StaffRepo;
  readonly portal: PortalRepo;
  readonly setup: SetupRepo;
  readonly refunds: RefundRepo;
  readonly creditNotes: CreditNoteRepo;
  readonly storeCredit: StoreCreditRepo;
  readonly fx: FxRepo;
  readonly webhookEvents: WebhookEventRepo;
  readonly policies: PolicyRepo;
  readonly events: ExtenuatingEventRepo;
  readonly cancellations: CancellationRepo;
  readonly merchants: MerchantRepo;
  readonly apiKeys: ApiKeyRepo;
  readonly products: ProductRepo;
  readonly customers: CustomerRepo;
  readonly orders: OrderRepo;
  readonly cases: CaseRepo;
  readonly ledger: LedgerRepo;
  readonly settlements: SettlementRepo;
  readonly idempotency: IdempotencyRepo;
  readonly providerAccounts: ProviderAccountRepo;
  readonly platforms: PlatformRepo;
  readonly audit: AuditRepo;
  readonly retention: RetentionRepo;
  readonly erasure: ErasureRepo;
  readonly reports: ReportRepo;
}

export interface Store {
  /** Runs `fn` in one database transaction: all of its writes commit together or none do. */
  transaction<T>(fn: (repos: Repos) => Promise<T>): Promise<T>;
  /** Reads outside any transaction. Never use inside transaction() — use its `repos`. */
  readonly read: Repos;
  /** Hears, after each commit, which cases got events (the outbox relay starts delivering them). */
  onCaseEvents?(listener: (caseIds: readonly string[]) => void): void;
}
