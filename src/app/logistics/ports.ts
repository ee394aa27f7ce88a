import type { CarrierRule } from "../../domain/logistics/carrier-choice.ts";
import type { CustomsPapers } from "../../domain/logistics/customs-papers.ts";
import type { LaneOverride, LaneRow } from "../../domain/logistics/lanes.ts";
import type { ShipmentStatus, TrackingStatus } from "../../domain/logistics/shipment-status.ts";
import type { Money } from "../../domain/money.ts";
import type { Result } from "../../domain/result.ts";
import type { Location } from "../ports/index.ts";

/** What logistics needs from the outside: carriers, documents, signed webhooks, the lane table. */

/** A location (ports/setup.ts) with what routing and hubs need. */
export interface LocationRecord extends Location {
  readonly accepts: readonly string[];
  readonly handling: Money | null;
  readonly lanes: Readonly<Record<string, LaneOverride>>;
  readonly asn: { readonly url: string; readonly secret: string } | null;
  readonly vendorCode: string | null;
  readonly active: boolean;
}

export interface PostalParty {
  readonly name: string;
  readonly line1: string;
  readonly city: string;
  readonly postalCode: string;
  readonly region: string | null;
  readonly country: string;
  readonly email: string | null;
  readonly phone: string | null;
}

export interface Parcel {
  readonly weightGrams: number;
  readonly lengthCm: number;
  readonly widthCm: number;
  readonly heightCm: number;
}

export interface LabelRequest {
  readonly shipmentId: string;
  readonly idempotencyKey: string;
  readonly reference: string;
  readonly from: PostalParty;
  readonly to: PostalParty;
  readonly parcel: Parcel;
  readonly customs: CustomsPapers | null;
  readonly rule: CarrierRule;
  /** Provider ids recorded by an earlier attempt (a crash or a retry): never buy again what was bought. */
  readonly progress: { readonly providerShipmentId: string | null; readonly rateId: string | null };
}

export interface PurchasedLabel {
  readonly status: "purchased";
  readonly trackingNumber: string;
  readonly labelUrl: string;
  readonly carrierName: string;
  readonly service: string;
  readonly cost: Money;
  readonly providerShipmentId: string;
  readonly providerLabelId: string;
  readonly rateId: string;
  readonly ruleApplied: string;
  /** The label was bought by an earlier attempt and found again (no second purchase). */
  readonly recovered: boolean;
}

export type LabelResult =
  | PurchasedLabel
  | { readonly status: "failed"; readonly reason: string; readonly retryable: boolean };

/** The carrier's answer to voiding an unused label (a refund of its postage). */
export type VoidResult =
  | { readonly status: "voided"; readonly providerStatus: string }
  | { readonly status: "failed"; readonly reason: string };

export interface TrackingUpdate {
  readonly provider: string;
  /** Unique per carrier event (deduplicates webhook retries and replays). */
  readonly eventId: string;
  readonly trackingNumber: string;
  readonly status: TrackingStatus;
  readonly at: Date;
  readonly message: string | null;
  readonly location: string | null;
}

export interface TrackingWebhookReceiver {
  readonly provider: string;
  /** Verifies the raw body's signature (and freshness); the tracking updates it carries. */
  receive(
    raw: Buffer,
    headers: Readonly<Record<string, string | string[] | undefined>>,
    query: Readonly<Record<string, string | undefined>>,
  ): Result<TrackingUpdate[], string>;
}

/** A label-buying carrier platform (EasyPost, Shippo). Never called inside a transaction. */
export interface CarrierAdapter {
  readonly name: string;
  /**
   * Quotes, picks a rate by the rule and buys it. `onProgress` is awaited with the provider's ids
   * before the purchase, so a crash after buying can be recovered without buying twice.
   */
  purchase(
    req: LabelRequest,
    onProgress: (p: { providerShipmentId: string; rateId: string }) => Promise<void>,
  ): Promise<LabelResult>;
  track(trackingNumber: string, carrierName: string | null): Promise<TrackingUpdate[] | null>;
  /** Cancels an unused label and asks for its postage back (idempotent at the carrier). */
  voidLabel(label: {
    providerShipmentId: string | null;
    providerLabelId: string | null;
  }): Promise<VoidResult>;
  readonly webhooks: TrackingWebhookReceiver;
}

export interface LabelView {
  readonly code: string;
  readonly rmaNumber: string;
  readonly method: string;
  readonly carrierName: string | null;
  readonly service: string | null;
  readonly trackingNumber: string | null;
  readonly from: PostalParty;
  readonly to: PostalParty;
  readonly qrPayload: string;
  readonly weightGrams: number;
  readonly customsSummary: string | null;
  readonly instructions: string;
}

export interface ManifestView {
  readonly code: string;
  readonly from: string;
  readonly to: string;
  readonly carrier: string | null;
  readonly trackingNumber: string | null;
  readonly shippedAt: Date;
  readonly pallets: readonly { code: string; bags: readonly { code: string; units: number }[] }[];
  readonly units: readonly import("../../domain/logistics/hub.ts").ManifestUnit[];
}

export interface ClaimPackView {
  readonly merchant: string;
  readonly regime: string;
  readonly citation: string;
  readonly generatedAt: Date;
  readonly rows: readonly Readonly<Record<string, string>>[];
  readonly totals: readonly { currency: string; paid: string; recoverable: string; recovered: string }[];
}

/** PDFs and barcodes (pdfkit with the embedded-font typesetter, bwip-js). */
export interface DocumentRenderer {
  customsInvoice(p: CustomsPapers, extra: { dutyNote: string; reliefNote: string }): Promise<Buffer>;
  cn23(p: CustomsPapers): Promise<Buffer>;
  label(v: LabelView, size: "4x6" | "a4"): Promise<Buffer>;
  qrPng(text: string): Promise<Buffer>;
  manifestPdf(v: ManifestView): Promise<Buffer>;
  claimPackPdf(v: ClaimPackView): Promise<Buffer>;
}

export interface SignedWebhook {
  readonly id: string;
  readonly type: string;
  readonly timestamp: Date;
  readonly payload: unknown;
  /** The attempt's time, signed as `webhook-timestamp` (default: `timestamp`); a retry signs anew. */
  readonly sentAt?: Date;
}

/** Sends a webhook signed per the Standard Webhooks spec; resolves with what the receiver answered. */
export interface WebhookSender {
  send(
    url: string,
    /** Several secrets while one is rotated out: one signature each, space-separated. */
    secret: string | readonly string[],
    msg: SignedWebhook,
  ): Promise<{ ok: boolean; status: number | null; error: string | null }>;
}

export interface LogisticsDeps {
  readonly carriers: ReadonlyMap<string, CarrierAdapter>;
  readonly documents: DocumentRenderer;
  readonly webhooks: WebhookSender;
  readonly lanes: readonly LaneRow[];
}

export type { ShipmentStatus };
