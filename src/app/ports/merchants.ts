import type { Resolution } from "../../domain/return-reasons.ts";

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

export interface MerchantRepo {
  bySlug(slug: string): Promise<Merchant | null>;
  byId(id: string): Promise<Merchant | null>;
  insert(m: Merchant): Promise<void>;
  list(): Promise<Merchant[]>;
  updateSettings(id: string, settings: MerchantSettings): Promise<void>;
}
