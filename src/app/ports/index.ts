/** What the outside world must provide to the use cases. Adapters implement these; main.ts wires them. */

export type { ApiKeyRecord, ApiKeyRepo } from "./api-keys.ts";
export type {
  CaseListQuery,
  CaseRepo,
  CaseWithCustomer,
  InspectionRow,
  ReceiptRow,
  StoredEvent,
} from "./cases.ts";
export type { Clock, IdSource } from "./clock.ts";
export type { Customer, CustomerRepo } from "./customers.ts";
export type { Actor, Deps, DocumentRenderer, OperationsLog, PhotoStorage, SecretBox } from "./deps.ts";
export type { ErasureOutcome, ErasureRepo } from "./erasure.ts";
export type { FxRepo } from "./fx.ts";
export type { IdempotencyRecord, IdempotencyRepo, WebhookEventRepo } from "./idempotency.ts";
export type { JobQueue, JobRunner } from "./jobs.ts";
export type { LedgerAccountKind, LedgerAccountRef, LedgerPosting, LedgerRepo } from "./ledger.ts";
export type {
  Branding,
  MarketplaceMinimumsSetting,
  Merchant,
  MerchantRepo,
  MerchantSettings,
} from "./merchants.ts";
export type {
  CancellationRepo,
  OrderCancellation,
  OrderRepo,
  OrderTender,
  ReturnInputs,
  ReturnState,
} from "./orders.ts";
export type { GatewayRefundRequest, GatewayRefundResult, PaymentGateway } from "./payments.ts";
export type { ExtenuatingEventRepo, PolicyRepo, StoredPolicy } from "./policies.ts";
export type { PortalRepo, PortalUpload } from "./portal.ts";
export type { Product, ProductRepo } from "./products.ts";
export type { CreditNoteRecord, CreditNoteRepo, RefundRepo } from "./refunds.ts";
export type {
  FxReportRow,
  Settlement,
  SettlementChange,
  SettlementFx,
  SettlementMethod,
  SettlementRepo,
  SettlementStatus,
} from "./settlements.ts";
export type { LegalEntity, Location, Market, SetupRepo, Vendor } from "./setup.ts";
export type { Repos, Store } from "./store.ts";
export type { StoreCreditLot, StoreCreditRepo } from "./store-credit.ts";
