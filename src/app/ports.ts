import type { Actor } from "../domain/actor.ts";
import type { ApiKeyScope } from "../domain/api-key-scopes.ts";
import type { CaseStatus } from "../domain/case-status.ts";
import type { Money } from "../domain/money.ts";
import type { Order, ProductAttributes } from "../domain/order.ts";
import type { OrderDraft } from "../domain/order-draft.ts";
import type { ExtenuatingEvent } from "../domain/policy/extenuating-event.ts";
import type { PriorRefunds, RefundCalculation } from "../domain/refund/refund-calculation.ts";
import type { CaseEvent, ReturnCase } from "../domain/return-case.ts";
import type { Resolution, ReturnReason } from "../domain/return-reasons.ts";
import type { SettlementStatus } from "../domain/settlement-status.ts";
import type { AssistantPhraser } from "./assistant/ports.ts";
import type { AuditRepo } from "./audit-log.ts";
import type { CreditNoteView } from "./documents/credit-note-view.ts";
import type { LogisticsDeps } from "./logistics/ports.ts";
import type { LogisticsRepos } from "./logistics/records.ts";
import type { MailRepos } from "./notify/mail-records.ts";
import type { NotifyDeps } from "./notify/ports.ts";
import type { NotifyRepos } from "./notify/records.ts";
import type { Platform, PlatformAdapters, PlatformConnection, PlatformRepo } from "./platforms/ports.ts";
import type { ProviderAccount, ProviderAccountRepo } from "./provider-accounts.ts";
import type { ReceivingRepos } from "./receiving/records.ts";
import type { ReportRepo } from "./reports/report-records.ts";
import type { RetentionRepo, RetentionSettings } from "./retention.ts";
import type { StaffRepo } from "./staff/records.ts";

/** What the outside world must provide to the use cases. Adapters implement these; main.ts wires them. */

export interface Clock {
  now(): Date;
}

export interface IdSource {
  /** A new time-ordered UUID (v7). */
  next(): string;
}

export interface Merchant {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly defaultLocale: string;
  readonly settlementCurrency: string;
  readonly settings: MerchantSettings;
  readonly createdAt: Date;
}

/** A merchant's money settings (all optional; defaults in money-settings.ts). */
export interface MerchantSettings {
  /** Which tenders take refunds first (default: card, bank transfer, COD, other, gift card, store credit). */
  readonly tenderOrder?: readonly string[];
  /** Bank-transfer payouts above these amounts (per currency, decimal strings) need an agent's approval. */
  readonly bankTransferApprovalAbove?: Readonly<Record<string, string>>;
  /** Goodwill per order, all refunds together, at most this much (per currency, decimal strings). */
  readonly goodwillMax?: Readonly<Record<string, string>>;
  /**
   * Four eyes: bank-transfer payouts above these amounts (per currency, decimal strings) need two
   * approvals by different people.
   */
  readonly payoutFourEyesAbove?: Readonly<Record<string, string>>;
  /** The account SEPA credit-transfer files are paid from. */
  readonly sepaDebtor?: { readonly name: string; readonly iban: string; readonly bic: string };
  /** Store credit expires this many days after it is issued (none: never). */
  readonly storeCreditExpiryDays?: number | null;
  /** Days before a statutory refund deadline when a case is flagged as approaching it. */
  readonly refundDeadlineWarningDays?: number;
  /** false: refunds wait for an agent's POST /returns/{id}/refunds instead of moving at the trigger. */
  readonly autoRefund?: boolean;
  /** How the shoppers' returns portal looks: name shown, logo, brand colour, where shoppers get help. */
  readonly branding?: Branding;
  /** What every vendor's own policy must at least give (a marketplace; see marketplace-minimums.ts). */
  readonly marketplaceMinimums?: MarketplaceMinimumsSetting;
}

/** The marketplace's minimums as set (percent); `minimumsOf` turns them into the domain's. */
export interface MarketplaceMinimumsSetting {
  readonly windowDays?: number;
  readonly resolutions?: readonly Resolution[];
  readonly maxRestockingFeePercent?: number;
}

export interface Branding {
  readonly displayName?: string | null;
  /** An https:// image URL (shown at most 48 px high). */
  readonly logoUrl?: string | null;
  /** "#RRGGBB"; the portal picks black or white text on it for contrast. */
  readonly colour?: string | null;
  readonly supportEmail?: string | null;
  /** The shop's own page the portal links back to. */
  readonly shopUrl?: string | null;
}

export interface ApiKeyRecord {
  readonly id: string;
  readonly merchantId: string;
  readonly name: string;
  readonly prefix: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
  readonly scopes: readonly ApiKeyScope[];
  readonly expiresAt: Date | null;
  readonly lastUsedAt: Date | null;
}

export interface Product extends ProductAttributes {
  readonly id: string;
  readonly sku: string;
  readonly title: string;
  /** Variants of one product share a group; the portal offers them for exchanges. */
  readonly variantGroup: string | null;
  /** The item barcode as GTIN-14 (an EAN-13 with a zero in front), if known. */
  readonly gtin: string | null;
  /** What sets this variant apart, e.g. { size: "M", colour: "Navy" }. */
  readonly variantOptions: Readonly<Record<string, string>>;
  /** Current selling price per currency, in minor units. */
  readonly prices: Readonly<Record<string, number>>;
  readonly inStock: boolean;
  readonly updatedAt: Date;
}

export interface Customer {
  readonly id: string;
  readonly email: string;
  readonly name: string | null;
  readonly locale: string | null;
  readonly timeZone: string | null;
}

export interface MerchantRepo {
  bySlug(slug: string): Promise<Merchant | null>;
  byId(id: string): Promise<Merchant | null>;
  insert(m: Merchant): Promise<void>;
  list(): Promise<Merchant[]>;
  updateSettings(id: string, settings: MerchantSettings): Promise<void>;
}

export interface ApiKeyRepo {
  insert(k: ApiKeyRecord, hash: string): Promise<void>;
  list(merchantId: string): Promise<ApiKeyRecord[]>;
  revoke(merchantId: string, idOrPrefix: string, at: Date): Promise<ApiKeyRecord | null>;
  /** The key if not revoked and not expired at `at`. */
  activeByHash(hash: string, at: Date): Promise<ApiKeyRecord | null>;
  /** Records a use (only when the last recorded one is older than a minute). */
  touch(id: string, at: Date): Promise<void>;
}

export interface ProductRepo {
  upsert(merchantId: string, p: Product): Promise<Product>;
  get(merchantId: string, sku: string): Promise<Product | null>;
  /** Every product of a variant group. */
  variants(merchantId: string, group: string): Promise<Product[]>;
}

export interface CustomerRepo {
  get(merchantId: string, id: string): Promise<Customer | null>;
  /** The customer with this e-mail, created when new (gift recipients get their own store credit). */
  ensure(
    merchantId: string,
    c: { email: string; name: string | null; locale: string | null },
    id: string,
    at: Date,
  ): Promise<Customer>;
}

export interface OrderRepo {
  /** Locks the order row until the transaction ends: cases of one order are decided one at a time (invariant 1). */
  lock(merchantId: string, ref: { readonly externalId: string } | { readonly id: string }): Promise<boolean>;
  get(merchantId: string, externalId: string): Promise<Order | null>;
  getById(merchantId: string, id: string): Promise<Order | null>;
  contentHash(merchantId: string, externalId: string): Promise<string | null>;
  /** Inserts or replaces the order and its children; keeps ids of lines, tenders and fulfilments it already had. */
  save(merchantId: string, draft: OrderDraft, hash: string, ids: IdSource, at: Date): Promise<string>;
  /** Per order line id, the highest quantity any return case has ever asked for (lines cannot shrink below it). */
  returnedLineQuantities(orderId: string): Promise<Map<string, number>>;
}

export interface CaseListQuery {
  readonly statuses?: readonly CaseStatus[];
  /** Cursor: the last case id of the previous page (in the chosen sort order). */
  readonly before?: string;
  readonly sort?: "newest" | "oldest";
  readonly limit: number;
  readonly customerId?: string;
  readonly orderId?: string;
  readonly vendor?: string;
  /** The order's shipping country (ISO 3166-1 alpha-2). */
  readonly market?: string;
  /** Any line with this reason. */
  readonly reason?: ReturnReason;
  readonly resolution?: Resolution;
  /** Open cases whose statutory refund deadline is on or before this local date. */
  readonly refundDueOnOrBefore?: string;
  readonly refundDueOnOrAfter?: string;
  readonly refundDueBefore?: string;
}

export interface StoredEvent extends CaseEvent {
  readonly id: number;
  readonly seq: number;
  readonly caseId: string;
}

export interface CaseRepo {
  load(merchantId: string, id: string): Promise<ReturnCase | null>;
  insert(c: ReturnCase, events: readonly CaseEvent[]): Promise<void>;
  /** Writes the case if its stored version is still `expectedVersion`; false when someone else won. */
  update(c: ReturnCase, expectedVersion: number, events: readonly CaseEvent[]): Promise<boolean>;
  list(merchantId: string, q: CaseListQuery): Promise<ReturnCase[]>;
  events(caseId: string): Promise<StoredEvent[]>;
  /** Per order line id: units held by the order's cases other than `exceptCaseId` (invariant 1). */
  heldByOrder(orderId: string, exceptCaseId: string | null): Promise<Map<string, number>>;
  /** Appends events that do not change the case itself (money and logistics records). */
  append(c: Pick<ReturnCase, "id" | "merchantId">, events: readonly CaseEvent[]): Promise<void>;
  nextNumber(merchantId: string): Promise<number>;
  recordReceipts(rows: readonly ReceiptRow[]): Promise<void>;
  recordInspections(rows: readonly InspectionRow[]): Promise<void>;
}

export interface ReceiptRow {
  readonly id: string;
  readonly caseId: string;
  readonly lineId: string | null;
  readonly locationId: string | null;
  readonly quantity: number;
  readonly exception: string | null;
  readonly note: string | null;
  readonly at: Date;
  readonly actorId: string;
}

export interface InspectionRow {
  readonly id: string;
  readonly caseId: string;
  readonly lineId: string;
  readonly quantity: number;
  readonly outcome: string;
  readonly condition: string;
  readonly disposition: string;
  readonly note: string | null;
  readonly at: Date;
  readonly actorId: string;
}

export type LedgerAccountKind = "customer_store_credit" | "store_credit_issued";

export interface LedgerPosting {
  readonly id: string;
  readonly merchantId: string;
  readonly caseId: string | null;
  readonly kind: string;
  readonly memo: string | null;
  readonly at: Date;
  readonly entries: readonly { readonly account: LedgerAccountRef; readonly amount: Money }[];
}

export interface LedgerAccountRef {
  readonly kind: LedgerAccountKind;
  readonly customerId: string | null;
}

export interface LedgerRepo {
  post(p: LedgerPosting, ids: IdSource): Promise<void>;
  /** Balance of each of the customer's store-credit accounts, one per currency. */
  customerBalances(merchantId: string, customerId: string): Promise<Money[]>;
}

export type { SettlementStatus };

export type SettlementMethod =
  | "original_payment"
  | "store_credit"
  | "bank_transfer"
  | "exchange"
  | "payment_request";

/** The settlement's value in the merchant's settlement currency, and the FX gain or loss since capture. */
export interface SettlementFx {
  readonly currency: string;
  readonly amount: number;
  readonly rate: string;
  readonly rateDate: string;
  readonly source: string;
  /** At the rate of the capture day: what the same money was worth then (null if no rate). */
  readonly amountAtCapture: number | null;
  /** amountAtCapture − amount: positive is a gain for the merchant (the refund costs less than it brought in). */
  readonly gainLoss: number | null;
}

export interface Settlement {
  readonly id: string;
  readonly merchantId: string;
  /** The return case it settles; null for the refund of a cancelled order. */
  readonly caseId: string | null;
  readonly orderId: string | null;
  readonly tenderId: string | null;
  readonly method: SettlementMethod;
  readonly gateway: string | null;
  readonly amount: Money;
  readonly status: SettlementStatus;
  readonly idempotencyKey: string;
  readonly providerReference: string | null;
  readonly failureReason: string | null;
  readonly attempts: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly calculationId?: string | null;
  readonly fx?: SettlementFx | null;
  readonly bankAccount?: Readonly<Record<string, unknown>> | null;
  readonly approvedBy?: string | null;
  readonly approvedAt?: Date | null;
  /** Four eyes: who gave the first of the two approvals a payout above the threshold needs. */
  readonly firstApprovedBy?: string | null;
  readonly firstApprovedAt?: Date | null;
  readonly exportedAt?: Date | null;
  readonly nextAttemptAt?: Date | null;
}

export interface FxReportRow {
  readonly currency: string;
  readonly settlementCurrency: string;
  readonly refunds: number;
  readonly refunded: number;
  readonly settlementValue: number;
  readonly valueAtCapture: number;
  readonly gainLoss: number;
  /** Settlements without a rate on record (import ECB rates to value them). */
  readonly unvalued: number;
}

/** What a state change may write: the status and the data that goes with it (never ids or amounts). */
export type SettlementChange = Partial<
  Pick<
    Settlement,
    | "status"
    | "providerReference"
    | "failureReason"
    | "fx"
    | "bankAccount"
    | "approvedBy"
    | "approvedAt"
    | "firstApprovedBy"
    | "firstApprovedAt"
    | "exportedAt"
    | "attempts"
  >
>;

export interface SettlementRepo {
  insert(s: Settlement): Promise<void>;
  /**
   * Compare-and-set: writes `change` only while the settlement is still in status `expected`
   * (`UPDATE … WHERE status = expected`); null when it moved meanwhile.
   */
  transition(
    id: string,
    expected: SettlementStatus,
    change: SettlementChange,
    at: Date,
  ): Promise<Settlement | null>;
  /** Reads a settlement and locks its row until the transaction ends (`SELECT … FOR UPDATE`). */
  lock(id: string): Promise<Settlement | null>;
  byCase(caseId: string): Promise<Settlement[]>;
  get(id: string): Promise<Settlement | null>;
  /**
   * Moves a pending provider refund (or one a crash left in processing since before `staleBefore`
   * with fewer than `maxAttempts` claims) to processing; null when another worker has it.
   */
  claim(id: string, at: Date, staleBefore: Date, maxAttempts: number): Promise<Settlement | null>;
  /** Provider refunds waiting for their call: pending, or processing since before `staleBefore`. */
  recoverable(staleBefore: Date, limit: number): Promise<Settlement[]>;
  /** Provider refunds in `status` not touched since `before` (the sweep's overdue list). */
  stuck(status: SettlementStatus, before: Date, limit: number): Promise<Settlement[]>;
  byProviderReference(gateway: string, reference: string): Promise<Settlement | null>;
  /** Succeeded refunds between two instants, summed per refund currency and settlement currency. */
  fxReport(merchantId: string, from: Date, to: Date): Promise<FxReportRow[]>;
  /** Bank-transfer settlements approved and not yet exported (for a SEPA file). */
  exportable(merchantId: string, currency: string): Promise<Settlement[]>;
  list(
    merchantId: string,
    q: { status?: SettlementStatus; method?: SettlementMethod; limit: number },
  ): Promise<Settlement[]>;
  /** Sum of non-failed, non-cancelled refunds per tender id. */
  refundedByTender(tenderIds: readonly string[]): Promise<Map<string, number>>;
  /** Whether any settlement (of any status) exists for the order, and the tenders they point at. */
  ofOrder(orderId: string): Promise<{ readonly any: boolean; readonly tenderIds: ReadonlySet<string> }>;
}

export interface IdempotencyRecord {
  readonly fingerprint: string;
  readonly state: "processing" | "committed" | "completed";
  readonly statusCode: number | null;
  readonly response: unknown;
  readonly updatedAt: Date;
}

export interface IdempotencyRepo {
  /** Inserts a `processing` row; returns the existing record instead when the key is taken. */
  claim(merchantId: string, key: string, fingerprint: string, at: Date): Promise<IdempotencyRecord | null>;
  /** Takes over a stale `processing` claim (its process died before committing anything). */
  reclaim(merchantId: string, key: string, staleBefore: Date, at: Date): Promise<boolean>;
  finish(
    merchantId: string,
    key: string,
    state: "committed" | "completed",
    statusCode: number,
    response: unknown,
    at: Date,
  ): Promise<void>;
  release(merchantId: string, key: string): Promise<void>;
}

export interface LegalEntity {
  readonly id: string;
  /** The merchant's key for it (`PUT /legal-entities/{code}`); null for entities set up otherwise. */
  readonly code?: string | null;
  readonly name: string;
  readonly country: string;
  readonly vatNumber: string | null;
  readonly eoriNumber: string | null;
  readonly iossNumber: string | null;
  readonly address: Readonly<Record<string, string>>;
}

export interface Market {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly countries: string[];
  readonly currency: string;
  readonly languages: string[];
  readonly legalEntityId: string | null;
}

export interface Location {
  readonly id: string;
  readonly code: string;
  readonly kind: "warehouse" | "hub" | "vendor";
  readonly name: string;
  readonly country: string;
  readonly address: Readonly<Record<string, string>>;
}

export interface Vendor {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly country: string;
  readonly returnLocationId: string | null;
}

export interface SetupRepo {
  insertLegalEntity(merchantId: string, e: LegalEntity): Promise<void>;
  insertMarket(merchantId: string, m: Market): Promise<void>;
  insertLocation(merchantId: string, l: Location): Promise<void>;
  insertVendor(merchantId: string, v: Vendor): Promise<void>;
  /** Creates or replaces the entity with this code (its id stays). */
  upsertLegalEntity(merchantId: string, e: LegalEntity & { readonly code: string }): Promise<LegalEntity>;
  /** Creates or replaces the market with this code (its id stays). */
  upsertMarket(merchantId: string, m: Market): Promise<Market>;
  legalEntities(merchantId: string): Promise<LegalEntity[]>;
  markets(merchantId: string): Promise<Market[]>;
  locations(merchantId: string): Promise<Location[]>;
  vendors(merchantId: string): Promise<Vendor[]>;
  locationByCode(merchantId: string, code: string): Promise<Location | null>;
}

/** One saved version of a merchant return policy (its document is the public JSON, defaults applied). */
export interface StoredPolicy {
  readonly id: string;
  readonly version: number;
  readonly document: unknown;
  readonly createdAt: Date;
  readonly actorId: string;
}

export interface PolicyRepo {
  /** Serialises policy writes of one merchant until the transaction ends (overlap checks stay true). */
  lock(merchantId: string): Promise<void>;
  insert(merchantId: string, p: StoredPolicy): Promise<boolean>;
  get(merchantId: string, id: string, version?: number): Promise<StoredPolicy | null>;
  /** The latest version of every policy of the merchant. */
  latestAll(merchantId: string): Promise<StoredPolicy[]>;
  versions(merchantId: string, id: string): Promise<{ version: number; createdAt: Date; actorId: string }[]>;
}

export interface ExtenuatingEventRepo {
  /** Inserts or replaces the event with this id. */
  upsert(merchantId: string, e: ExtenuatingEvent, at: Date, actorId: string, rowId: string): Promise<void>;
  list(merchantId: string): Promise<ExtenuatingEvent[]>;
}

export interface OrderCancellation {
  readonly decision: unknown;
  readonly reason: string | null;
  readonly cancelledAt: Date;
  readonly actorId: string;
}

export interface CancellationRepo {
  /** False when the order was already cancelled. */
  insert(merchantId: string, orderId: string, c: OrderCancellation): Promise<boolean>;
  get(orderId: string): Promise<OrderCancellation | null>;
}

export interface RefundRepo {
  insert(merchantId: string, calc: RefundCalculation, actorId: string): Promise<void>;
  byCase(caseId: string): Promise<RefundCalculation[]>;
  get(merchantId: string, id: string): Promise<RefundCalculation | null>;
  /** What all calculations of the order's cases already gave back (and which cases charged their fee). */
  priorForOrder(orderId: string, caseId: string, currency: string): Promise<PriorRefunds>;
}

export interface CreditNoteRecord {
  readonly id: string;
  readonly merchantId: string;
  readonly legalEntityId: string;
  readonly number: string;
  readonly caseId: string;
  readonly calculationId: string;
  readonly document: Readonly<Record<string, unknown>>;
  readonly issuedAt: Date;
}

export interface CreditNoteRepo {
  /** Takes the next number of the legal entity's year in this transaction (gapless: a rollback returns it). */
  nextSequence(legalEntityId: string, year: number): Promise<number>;
  insert(note: CreditNoteRecord & { readonly year: number; readonly sequence: number }): Promise<void>;
  get(merchantId: string, id: string): Promise<CreditNoteRecord | null>;
  byCase(caseId: string): Promise<CreditNoteRecord[]>;
  list(merchantId: string, limit: number, caseId?: string): Promise<CreditNoteRecord[]>;
}

export interface StoreCreditLot {
  readonly id: string;
  readonly customerId: string;
  readonly currency: string;
  readonly amount: number;
  readonly remaining: number;
  readonly expiresAt: Date | null;
  readonly caseId: string | null;
  readonly createdAt: Date;
}

export interface StoreCreditRepo {
  addLot(merchantId: string, lot: StoreCreditLot): Promise<void>;
  /** Live lots of the customer in a currency, the soonest to expire first (locked until the transaction ends). */
  liveLots(merchantId: string, customerId: string, currency: string, at: Date): Promise<StoreCreditLot[]>;
  setRemaining(lotId: string, remaining: number): Promise<void>;
  /** Lots past their expiry that still hold credit. */
  expiring(at: Date, limit: number): Promise<(StoreCreditLot & { merchantId: string })[]>;
  markExpired(lotId: string): Promise<void>;
  lots(merchantId: string, customerId: string): Promise<StoreCreditLot[]>;
}

export interface FxRepo {
  upsert(source: string, rates: readonly { date: string; currency: string; rate: string }[]): Promise<number>;
  /** The latest rate (units of `currency` per EUR) on or before `date`. */
  rateOn(source: string, currency: string, date: string): Promise<{ date: string; rate: string } | null>;
}

export interface WebhookEventRepo {
  /** Records an event id; false when it was seen before (a replay). */
  firstSeen(provider: string, eventId: string, at: Date): Promise<boolean>;
}

/** A photo a shopper uploaded in the portal; the bytes are in the PhotoStorage under `storageKey`. */
export interface PortalUpload {
  readonly id: string;
  readonly merchantId: string;
  readonly orderId: string;
  readonly caseId: string | null;
  readonly lineId: string | null;
  readonly storage: string;
  readonly storageKey: string;
  readonly contentType: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly createdAt: Date;
}

export interface PortalRepo {
  insertUpload(u: PortalUpload): Promise<void>;
  /** The order's uploads among `ids` (others are ignored). */
  uploads(merchantId: string, orderId: string, ids: readonly string[]): Promise<PortalUpload[]>;
  caseUploads(merchantId: string, caseId: string): Promise<PortalUpload[]>;
  uploadCount(orderId: string): Promise<number>;
  linkUploads(ids: readonly string[], caseId: string, lineId: string): Promise<void>;
  recordLookup(l: {
    merchantId: string;
    orderNumber: string;
    ip: string;
    ok: boolean;
    at: Date;
  }): Promise<void>;
  /** Failed lookups since `since` from an address (any merchant), or for one order number of a merchant. */
  failedLookups(
    q: { ip: string } | { merchantId: string; orderNumber: string },
    since: Date,
  ): Promise<{ count: number; oldest: Date | null }>;
  /** A secret of this installation, created with `create()` on first use (one value for every process). */
  secret(name: string, create: () => string, at: Date): Promise<string>;
  /** The secret if it was created (a check never creates one). */
  existingSecret(name: string): Promise<string | null>;
}

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

/** What an erasure changed (issue 8 point 13). */
export interface ErasureOutcome {
  readonly orderIds: readonly string[];
  readonly caseIds: readonly string[];
  /** Portal photos whose rows were removed: the stored files are wiped after the commit. */
  readonly photoKeys: readonly string[];
}

export interface ErasureRepo {
  /** The merchant's customer with this e-mail (as stored: trimmed, lower case). */
  customerByEmail(merchantId: string, email: string): Promise<string | null>;
  /** The customer's settlements still moving money (an erasure waits for them). */
  inFlight(
    merchantId: string,
    customerId: string,
    statuses: readonly string[],
  ): Promise<{ id: string; status: string }[]>;
  /**
   * Pseudonymises the customer's personal data on customers, orders, cases, events, shipments, credit
   * notes' documents, e-mails, webhook payloads, stored responses and portal photos; never ledger rows,
   * amounts or numbers.
   */
  pseudonymise(merchantId: string, customerId: string, email: string): Promise<ErasureOutcome>;
}

export interface Store {
  /** Runs `fn` in one database transaction: all of its writes commit together or none do. */
  transaction<T>(fn: (repos: Repos) => Promise<T>): Promise<T>;
  /** Reads outside any transaction. Never use inside transaction() — use its `repos`. */
  readonly read: Repos;
  /** Hears, after each commit, which cases got events (the outbox relay starts delivering them). */
  onCaseEvents?(listener: (caseIds: readonly string[]) => void): void;
}

export interface GatewayRefundRequest {
  readonly settlementId: string;
  readonly idempotencyKey: string;
  readonly amount: Money;
  readonly tender: {
    readonly kind: string;
    readonly provider: string | null;
    readonly reference: string | null;
  };
  readonly reason: string;
  /** The merchant's own provider account (from its settings); gateways with `needsAccount` refuse without it. */
  readonly account?: ProviderAccount | null;
  /** The merchant's shop, opened, for gateways with `needsPlatform` (a refund through the platform). */
  readonly platform?: PlatformConnection | null;
  /** Which provider call of this settlement this is (1 = the first). */
  readonly attempt?: number;
}

export type GatewayRefundResult =
  | { readonly status: "succeeded" | "processing" | "requires_action"; readonly providerReference: string }
  | { readonly status: "failed"; readonly reason: string; readonly retryable: boolean };

/** Moves money back to the shopper's original payment. Never called inside a transaction. */
export interface PaymentGateway {
  readonly name: string;
  /** true: refunds only for a merchant with its own account of this provider (never a shared one). */
  readonly needsAccount?: boolean;
  /** Refunds through the merchant's shop on this platform (Shopify: tenders Shopify processed). */
  readonly needsPlatform?: Platform;
  refund(req: GatewayRefundRequest): Promise<GatewayRefundResult>;
}

/** Background jobs (pg-boss). Enqueued after the business transaction commits; handlers are idempotent. */
export interface JobQueue {
  enqueue(
    name: string,
    data: Record<string, unknown>,
    opts?: { singletonKey?: string; startAfterSeconds?: number },
  ): Promise<void>;
}

/** The job queue as job handlers see it: their handlers and schedules (pg-boss in adapters/jobs). */
export interface JobRunner extends JobQueue {
  /** Runs `handler` for jobs of `name`; a throw makes pg-boss retry with backoff. */
  work(
    name: string,
    handler: (data: Record<string, unknown>) => Promise<void>,
    opts?: { concurrency?: number },
  ): Promise<void>;
  /** Cron-style schedule (pg-boss `schedule`), e.g. every minute. */
  schedule(name: string, cron: string): Promise<void>;
  stop(): Promise<void>;
}

/** Where portal photos are kept: the data directory, or an S3-compatible bucket. */
export interface PhotoStorage {
  readonly kind: string;
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
}

/** Structured operational log (refused state changes, recoveries); never given secrets or bank details. */
export type OperationsLog = (event: Readonly<Record<string, unknown>>) => void;

export interface Deps {
  /** Where refused settlement transitions and sweep decisions are logged (default: stderr, JSON). */
  readonly log?: OperationsLog;
  /** Portal photo uploads; without it uploads are refused. */
  readonly photos?: PhotoStorage;
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly gateways: ReadonlyMap<string, PaymentGateway>;
  /** Background jobs; without it (tests, CLI) settlements run right after the commit. */
  readonly jobs?: JobQueue;
  /** Carriers, documents, signed webhooks and the lane table (main.ts wires them). */
  readonly logistics?: LogisticsDeps;
  /** The outbox relay's settings and the senders of merchant webhooks; without it nothing is sent. */
  readonly notify?: NotifyDeps;
  /** Encrypts values kept at rest (provider API keys, bank details); without it they cannot be stored. */
  readonly secrets?: SecretBox;
  /** Shopify and WooCommerce (order import, webhooks, mirroring of cases); without it none is connected. */
  readonly platforms?: PlatformAdapters;
  /** How long idempotency keys and webhook events are kept (default DEFAULT_RETENTION). */
  readonly retention?: RetentionSettings;
  /** Renders documents (the credit-note PDF; credit-note-pdf.ts). */
  readonly documents: DocumentRenderer;
  /** Re-words the returns assistant's answers (ASSISTANT_LLM_URL); without it the assistant's own words. */
  readonly assistant?: AssistantPhraser;
}

/** Lays out an already-decided document; throws when its figures do not add up (a bug, not input). */
export interface DocumentRenderer {
  creditNotePdf(view: CreditNoteView, locale: string): Promise<Uint8Array>;
}

/** AES-256-GCM sealing with a named key (field-cipher.ts); `decrypt` reads values of retired keys too. */
export interface SecretBox {
  readonly keyId: string;
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** The key a sealed value was made with (null: not a sealed value). */
  keyIdOf(sealed: string): string | null;
}

export type { Actor };
