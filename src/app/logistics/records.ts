import type { ClaimState, DutyRegime } from "../../domain/logistics/duty-recovery.ts";
import type { ManifestUnit, Reconciliation } from "../../domain/logistics/hub.ts";
import type { LaneEstimate } from "../../domain/logistics/lanes.ts";
import type { RoutingDecision } from "../../domain/logistics/routing.ts";
import type { ShipmentStatus } from "../../domain/logistics/shipment-status.ts";
import type { Money } from "../../domain/money.ts";
import type { LocationRecord } from "./ports.ts";

export type ShipmentMethod = "carrier" | "self_ship" | "qr_dropoff" | "merchant_label";

export interface ShipmentRecord {
  readonly id: string;
  readonly merchantId: string;
  readonly caseId: string;
  readonly code: string;
  readonly method: ShipmentMethod;
  readonly carrier: string | null;
  readonly carrierName: string | null;
  readonly service: string | null;
  readonly status: ShipmentStatus;
  readonly idempotencyKey: string;
  readonly providerShipmentId: string | null;
  readonly providerRateId: string | null;
  readonly providerLabelId: string | null;
  readonly trackingNumber: string | null;
  readonly carrierLabelUrl: string | null;
  readonly cost: Money | null;
  readonly destinationCode: string;
  readonly destination: Readonly<Record<string, unknown>>;
  readonly lines: readonly { readonly lineId: string; readonly quantity: number }[];
  readonly customs: Readonly<Record<string, unknown>> | null;
  readonly lane: LaneEstimate | null;
  /** What the caller asked for (parcel, addresses, rule) — what a retry needs to buy the same label. */
  readonly request: Readonly<Record<string, unknown>>;
  readonly failureReason: string | null;
  readonly attempts: number;
  readonly firstScanAt: Date | null;
  readonly deliveredAt: Date | null;
  readonly delayedAt: Date | null;
  readonly polledAt: Date | null;
  /** An unused label is voided at the carrier (status `expired`) after this (merchant setting). */
  readonly labelExpiresAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface ShipmentEventRow {
  readonly at: Date;
  readonly status: ShipmentStatus;
  readonly trackingStatus: string | null;
  readonly message: string | null;
  readonly location: string | null;
  readonly source: string;
}

export interface ShipmentRepo {
  insert(s: ShipmentRecord): Promise<void>;
  update(s: ShipmentRecord): Promise<void>;
  get(merchantId: string, id: string): Promise<ShipmentRecord | null>;
  /** Locks the row until the transaction ends. */
  lock(id: string): Promise<ShipmentRecord | null>;
  byCase(merchantId: string, caseId: string): Promise<ShipmentRecord[]>;
  byCode(merchantId: string, code: string): Promise<ShipmentRecord | null>;
  byTracking(trackingNumber: string, merchantId?: string): Promise<ShipmentRecord[]>;
  /** Purchases recorded as intents and not finished since `staleBefore` (a crash or a retryable failure). */
  unfinished(staleBefore: Date, limit: number): Promise<ShipmentRecord[]>;
  /** Carrier shipments still moving, polled least recently first. */
  trackable(limit: number): Promise<ShipmentRecord[]>;
  /** Unused labels (`label_created`) past their expiry or whose case is over (cancelled, rejected, expired, closed). */
  unusedToVoid(now: Date, limit: number): Promise<ShipmentRecord[]>;
  appendEvent(shipmentId: string, e: ShipmentEventRow): Promise<void>;
  events(merchantId: string, shipmentId: string): Promise<ShipmentEventRow[]>;
  saveRoute(merchantId: string, caseId: string, decision: RoutingDecision, at: Date): Promise<void>;
  route(merchantId: string, caseId: string): Promise<RoutingDecision | null>;
  nextSequence(merchantId: string, name: string): Promise<number>;
}

export interface LocationRepo {
  upsert(merchantId: string, l: LocationRecord): Promise<LocationRecord>;
  list(merchantId: string): Promise<LocationRecord[]>;
  byCode(merchantId: string, code: string): Promise<LocationRecord | null>;
  byId(merchantId: string, id: string): Promise<LocationRecord | null>;
  settings(merchantId: string): Promise<unknown | null>;
  saveSettings(merchantId: string, document: unknown, at: Date): Promise<void>;
}

export interface HubUnit {
  readonly id: string;
  readonly licencePlate: string;
  readonly parcelId: string;
  readonly caseId: string;
  readonly lineId: string;
  readonly locationId: string;
  readonly bagId: string | null;
  readonly status: "at_hub" | "bagged" | "shipped" | "received" | "missing";
}

export interface HubBag {
  readonly id: string;
  readonly code: string;
  readonly locationId: string;
  readonly status: "open" | "sealed" | "palletised" | "shipped" | "received" | "missing";
  readonly palletId: string | null;
  readonly createdAt: Date;
  readonly sealedAt: Date | null;
}

export interface HubPallet {
  readonly id: string;
  readonly code: string;
  readonly locationId: string;
  readonly consolidationId: string | null;
  readonly createdAt: Date;
}

export interface Consolidation {
  readonly id: string;
  readonly merchantId: string;
  readonly code: string;
  readonly fromLocationId: string;
  readonly toLocationId: string;
  readonly carrier: string | null;
  readonly trackingNumber: string | null;
  readonly status: "shipped" | "received";
  readonly manifest: readonly ManifestUnit[];
  readonly reconciliation: Reconciliation | null;
  readonly shippedAt: Date;
  readonly receivedAt: Date | null;
}

export interface HubRepo {
  insertParcel(p: {
    id: string;
    merchantId: string;
    locationId: string;
    shipmentId: string;
    caseId: string;
    scannedCode: string;
    registeredAt: Date;
    actorId: string;
  }): Promise<boolean>;
  parcelOf(shipmentId: string): Promise<{ id: string; locationId: string; registeredAt: Date } | null>;
  insertUnits(merchantId: string, units: readonly HubUnit[], at: Date): Promise<void>;
  unitsOfParcel(parcelId: string): Promise<HubUnit[]>;
  unit(merchantId: string, licencePlate: string): Promise<HubUnit | null>;
  unitsInBags(bagIds: readonly string[]): Promise<HubUnit[]>;
  setUnits(
    ids: readonly string[],
    patch: { bagId?: string | null; status: HubUnit["status"] },
  ): Promise<void>;
  insertBag(merchantId: string, b: HubBag): Promise<void>;
  bag(merchantId: string, code: string): Promise<HubBag | null>;
  setBags(
    ids: readonly string[],
    patch: { status: HubBag["status"]; palletId?: string; sealedAt?: Date },
  ): Promise<void>;
  insertPallet(merchantId: string, p: HubPallet): Promise<void>;
  pallet(merchantId: string, code: string): Promise<HubPallet | null>;
  bagsOnPallets(palletIds: readonly string[]): Promise<HubBag[]>;
  setPallets(ids: readonly string[], consolidationId: string): Promise<void>;
  insertConsolidation(c: Consolidation): Promise<void>;
  consolidation(merchantId: string, id: string): Promise<Consolidation | null>;
  updateConsolidation(c: Consolidation): Promise<void>;
}

export interface OutboundWebhook {
  readonly id: string;
  readonly merchantId: string;
  readonly locationId: string | null;
  readonly subjectId: string;
  readonly type: string;
  readonly payload: unknown;
  readonly status: "pending" | "delivered" | "failed";
  readonly attempts: number;
  readonly lastError: string | null;
  readonly deliveredAt: Date | null;
  readonly createdAt: Date;
}

export interface OutboundWebhookRepo {
  insert(w: OutboundWebhook): Promise<void>;
  update(w: OutboundWebhook): Promise<void>;
  /** All merchants: a sweep (the delivery job is given a webhook id, then reads it with its merchant). */
  get(id: string): Promise<OutboundWebhook | null>;
  bySubject(merchantId: string, subjectId: string): Promise<OutboundWebhook[]>;
  /** All merchants: a sweep (the delivery job picks up every merchant's pending webhooks). */
  pending(limit: number): Promise<OutboundWebhook[]>;
}

export interface DutyClaim {
  readonly id: string;
  readonly merchantId: string;
  readonly caseId: string;
  readonly lineId: string;
  readonly orderId: string;
  readonly regime: DutyRegime;
  readonly paid: Money;
  readonly recoverable: Money;
  readonly recovered: Money | null;
  readonly quantity: number;
  readonly deadline: string;
  readonly state: ClaimState;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly citation: string;
  readonly lostReason: string | null;
  readonly claimReference: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface DutyClaimRepo {
  /** False when the case line already has a row for the regime. */
  insert(c: DutyClaim): Promise<boolean>;
  update(c: DutyClaim): Promise<void>;
  get(merchantId: string, id: string): Promise<DutyClaim | null>;
  list(
    merchantId: string,
    q: { state?: ClaimState; regime?: DutyRegime; caseId?: string; limit: number },
  ): Promise<DutyClaim[]>;
}

export interface LogisticsRepos {
  readonly locations: LocationRepo;
  readonly shipments: ShipmentRepo;
  readonly hub: HubRepo;
  readonly outbound: OutboundWebhookRepo;
  readonly dutyClaims: DutyClaimRepo;
}
