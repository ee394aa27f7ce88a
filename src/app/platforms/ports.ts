import type { Money } from "../../domain/money.ts";
import type { Result } from "../../domain/result.ts";

export const PLATFORMS = ["shopify", "woocommerce"] as const;
export type Platform = (typeof PLATFORMS)[number];
export const isPlatform = (p: string): p is Platform => p === "shopify" || p === "woocommerce";

/**
 * A merchant's shop, opened. Shopify: `shop` is the shop domain (acme.myshopify.com), `credential` the
 * Admin API access token. WooCommerce: `shop` is the store URL, `keyId` the consumer key (ck_…),
 * `credential` the consumer secret. `webhookSecret` signs the platform's webhooks to us.
 */
export interface PlatformConnection {
  readonly platform: Platform;
  readonly shop: string;
  readonly keyId: string | null;
  readonly credential: string;
  readonly webhookSecret: string;
  /** Refund mirrors move money on the platform too (WooCommerce `api_refund`); default: record only. */
  readonly refundOnPlatform: boolean;
}

/** As stored: secrets sealed by the `SecretBox`, never in clear. */
export interface PlatformConnectionRecord {
  readonly merchantId: string;
  readonly platform: Platform;
  readonly shop: string;
  readonly keyId: string | null;
  readonly sealedCredential: string;
  readonly sealedWebhookSecret: string;
  readonly refundOnPlatform: boolean;
  readonly updatedAt: Date;
}

/** Where a backfill stands (saved after every page). */
export interface SyncRun {
  readonly merchantId: string;
  readonly platform: Platform;
  readonly since: Date;
  /** The next page to read (null: from the start, or nothing left when `done`). */
  readonly cursor: string | null;
  readonly pages: number;
  readonly orders: number;
  readonly status: "running" | "done";
  readonly startedAt: Date;
  readonly updatedAt: Date;
}

/** What a case already did on the platform: a retry finds it instead of doing it again. */
export type MirrorStep = "request" | "approve" | `refund:${number}`;
export interface MirrorRecord {
  readonly caseId: string;
  readonly platform: Platform;
  readonly step: MirrorStep;
  readonly merchantId: string;
  readonly platformId: string;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly createdAt: Date;
}

export interface PlatformRepo {
  putConnection(r: PlatformConnectionRecord): Promise<void>;
  connection(merchantId: string, platform: Platform): Promise<PlatformConnectionRecord | null>;
  connections(merchantId: string): Promise<PlatformConnectionRecord[]>;
  /** The connection of a shop (shops are unique across merchants). */
  connectionByShop(platform: Platform, shop: string): Promise<PlatformConnectionRecord | null>;
  removeConnection(merchantId: string, platform: Platform): Promise<boolean>;
  run(merchantId: string, platform: Platform): Promise<SyncRun | null>;
  putRun(r: SyncRun): Promise<void>;
  linkOrder(
    merchantId: string,
    platform: Platform,
    platformOrderId: string,
    externalId: string,
    at: Date,
  ): Promise<void>;
  /** The platform order our order came from (null: not imported from that platform). */
  platformOrderOf(merchantId: string, platform: Platform, externalId: string): Promise<string | null>;
  mirror(
    merchantId: string,
    caseId: string,
    platform: Platform,
    step: MirrorStep,
  ): Promise<MirrorRecord | null>;
  putMirror(r: MirrorRecord): Promise<void>;
}

/** A platform order mapped onto the public order contract (`orderBody`), with the platform's id. */
export interface PlatformOrder {
  readonly platformOrderId: string;
  /** Our order's external id (what the shopper knows: Shopify's order name, WooCommerce's number). */
  readonly externalId: string;
  /** Checked with `orderBody` before it is written. */
  readonly body: unknown;
}

export interface OrderPage {
  readonly orders: readonly PlatformOrder[];
  /** The cursor of the next page; null: this was the last. */
  readonly next: string | null;
  /** When the platform tells (WooCommerce `X-WP-TotalPages`). */
  readonly totalPages: number | null;
}

export interface MirrorLine {
  /** Our order line's external id = the platform's line item id. */
  readonly lineExternalId: string;
  readonly quantity: number;
  readonly reason: string;
}

export interface MirrorOutcome {
  readonly id: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface MirrorCase {
  readonly platformOrderId: string;
  /** Our case number (RMA-…): written on the platform, and how a retry finds what was already done. */
  readonly caseNumber: string;
  readonly lines: readonly MirrorLine[];
}

/** One shop's API. Throws on transport or platform errors (the outbox retries). */
export interface PlatformApi {
  ordersPage(since: Date, cursor: string | null): Promise<OrderPage>;
  order(platformOrderId: string): Promise<PlatformOrder | null>;
  requestReturn(c: MirrorCase): Promise<MirrorOutcome>;
  approveReturn(c: MirrorCase, request: MirrorRecord): Promise<MirrorOutcome>;
  /** Records our refund once per `key` (`moveMoney`: the platform refunds the payment too). */
  refundReturn(
    c: MirrorCase,
    request: MirrorRecord,
    refund: { amount: Money; moveMoney: boolean; key: string },
  ): Promise<MirrorOutcome>;
}

/** A webhook delivery whose signature was checked. */
export interface VerifiedDelivery {
  readonly deliveryId: string;
  readonly topic: string;
  readonly payload: unknown;
}

/** Which order a delivery is about: given whole (WooCommerce), or to be read from the API (Shopify). */
export type DeliveryOrder =
  | { readonly kind: "order"; readonly order: PlatformOrder }
  | { readonly kind: "fetch"; readonly platformOrderId: string }
  | { readonly kind: "ignore" };

export interface PlatformAdapter {
  readonly platform: Platform;
  api(c: PlatformConnection): PlatformApi;
  /** Checks the HMAC-SHA256 signature of the raw body (timing-safe). */
  verifyWebhook(
    raw: Buffer,
    headers: Readonly<Record<string, string | string[] | undefined>>,
    secret: string,
  ): Result<VerifiedDelivery, string>;
  orderOfDelivery(d: VerifiedDelivery): DeliveryOrder;
}

export type PlatformAdapters = ReadonlyMap<Platform, PlatformAdapter>;
