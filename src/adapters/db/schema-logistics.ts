import { bigint, index, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { minor, ts } from "./schema-columns.ts";
import { locations, merchants, orders } from "./schema-commerce.ts";
import { returnCases, returnLines } from "./schema-returns.ts";

/** A merchant's routing, carrier and customs settings (the public JSON of /logistics/settings). */
export const logisticsSettings = pgTable("logistics_settings", {
  merchantId: uuid("merchant_id")
    .primaryKey()
    .references(() => merchants.id),
  document: jsonb("document").notNull(),
  updatedAt: ts("updated_at").notNull(),
});

/** Where an approved case goes, with every option's numbers and the rule (frozen at approval). */
export const caseRoutes = pgTable("case_routes", {
  caseId: uuid("case_id")
    .primaryKey()
    .references(() => returnCases.id),
  merchantId: uuid("merchant_id")
    .notNull()
    .references(() => merchants.id),
  decision: jsonb("decision").notNull(),
  decidedAt: ts("decided_at").notNull(),
});

/** A return parcel: the purchase intent (status purchasing) first, then its label, then its tracking. */
export const returnShipments = pgTable(
  "return_shipments",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => returnCases.id),
    code: text("code").notNull(),
    method: text("method").notNull(),
    carrier: text("carrier"),
    carrierName: text("carrier_name"),
    service: text("service"),
    status: text("status").notNull(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    providerShipmentId: text("provider_shipment_id"),
    providerRateId: text("provider_rate_id"),
    providerLabelId: text("provider_label_id"),
    trackingNumber: text("tracking_number"),
    carrierLabelUrl: text("carrier_label_url"),
    cost: minor("cost"),
    costCurrency: text("cost_currency"),
    destinationCode: text("destination_code").notNull(),
    destination: jsonb("destination").notNull(),
    lines: jsonb("lines").notNull(),
    customs: jsonb("customs"),
    lane: jsonb("lane"),
    request: jsonb("request").notNull(),
    failureReason: text("failure_reason"),
    attempts: integer("attempts").notNull().default(0),
    firstScanAt: ts("first_scan_at"),
    deliveredAt: ts("delivered_at"),
    delayedAt: ts("delayed_at"),
    polledAt: ts("polled_at"),
    labelExpiresAt: ts("label_expires_at"),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    unique().on(t.merchantId, t.code),
    index().on(t.caseId),
    index().on(t.carrier, t.trackingNumber),
    index().on(t.status),
  ],
);

/** Append-only tracking history of a shipment. */
export const shipmentEvents = pgTable(
  "shipment_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    shipmentId: uuid("shipment_id")
      .notNull()
      .references(() => returnShipments.id),
    at: ts("at").notNull(),
    status: text("status").notNull(),
    trackingStatus: text("tracking_status"),
    message: text("message"),
    location: text("location"),
    source: text("source").notNull(),
  },
  (t) => [index().on(t.shipmentId)],
);

export const hubParcels = pgTable("hub_parcels", {
  id: uuid("id").primaryKey(),
  merchantId: uuid("merchant_id")
    .notNull()
    .references(() => merchants.id),
  locationId: uuid("location_id")
    .notNull()
    .references(() => locations.id),
  shipmentId: uuid("shipment_id")
    .notNull()
    .unique()
    .references(() => returnShipments.id),
  caseId: uuid("case_id")
    .notNull()
    .references(() => returnCases.id),
  scannedCode: text("scanned_code").notNull(),
  registeredAt: ts("registered_at").notNull(),
  actorId: text("actor_id").notNull(),
});

export const consolidations = pgTable("consolidations", {
  id: uuid("id").primaryKey(),
  merchantId: uuid("merchant_id")
    .notNull()
    .references(() => merchants.id),
  code: text("code").notNull().unique(),
  fromLocationId: uuid("from_location_id")
    .notNull()
    .references(() => locations.id),
  toLocationId: uuid("to_location_id")
    .notNull()
    .references(() => locations.id),
  carrier: text("carrier"),
  trackingNumber: text("tracking_number"),
  status: text("status").notNull(),
  manifest: jsonb("manifest").notNull(),
  reconciliation: jsonb("reconciliation"),
  shippedAt: ts("shipped_at").notNull(),
  receivedAt: ts("received_at"),
});

export const hubPallets = pgTable("hub_pallets", {
  id: uuid("id").primaryKey(),
  merchantId: uuid("merchant_id")
    .notNull()
    .references(() => merchants.id),
  locationId: uuid("location_id")
    .notNull()
    .references(() => locations.id),
  code: text("code").notNull().unique(),
  consolidationId: uuid("consolidation_id").references(() => consolidations.id),
  createdAt: ts("created_at").notNull(),
});

export const hubBags = pgTable("hub_bags", {
  id: uuid("id").primaryKey(),
  merchantId: uuid("merchant_id")
    .notNull()
    .references(() => merchants.id),
  locationId: uuid("location_id")
    .notNull()
    .references(() => locations.id),
  code: text("code").notNull().unique(),
  status: text("status").notNull(),
  palletId: uuid("pallet_id").references(() => hubPallets.id),
  createdAt: ts("created_at").notNull(),
  sealedAt: ts("sealed_at"),
});

export const hubUnits = pgTable(
  "hub_units",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    locationId: uuid("location_id")
      .notNull()
      .references(() => locations.id),
    licencePlate: text("licence_plate").notNull().unique(),
    parcelId: uuid("parcel_id")
      .notNull()
      .references(() => hubParcels.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => returnCases.id),
    lineId: uuid("line_id")
      .notNull()
      .references(() => returnLines.id),
    bagId: uuid("bag_id").references(() => hubBags.id),
    status: text("status").notNull(),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [index().on(t.bagId), index().on(t.caseId)],
);

/** Outgoing signed webhooks (advance shipping notices): the intent first, then each delivery attempt. */
export const outboundWebhooks = pgTable(
  "outbound_webhooks",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    locationId: uuid("location_id").references(() => locations.id),
    subjectId: uuid("subject_id").notNull(),
    type: text("type").notNull(),
    payload: jsonb("payload").notNull(),
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    deliveredAt: ts("delivered_at"),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [index().on(t.status), index().on(t.subjectId)],
);

/** The duty and tax recovery ledger: one row per returned line and regime. */
export const dutyClaims = pgTable(
  "duty_claims",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => returnCases.id),
    lineId: uuid("line_id")
      .notNull()
      .references(() => returnLines.id),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    regime: text("regime").notNull(),
    currency: text("currency").notNull(),
    paid: minor("paid").notNull(),
    recoverable: minor("recoverable").notNull(),
    recovered: minor("recovered"),
    quantity: integer("quantity").notNull(),
    deadline: text("deadline").notNull(),
    state: text("state").notNull(),
    evidence: jsonb("evidence").notNull(),
    citation: text("citation").notNull(),
    lostReason: text("lost_reason"),
    claimReference: text("claim_reference"),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [
    unique().on(t.caseId, t.lineId, t.regime),
    index().on(t.merchantId, t.state),
    index("duty_claims_merchant_regime").on(t.merchantId, t.regime),
  ],
);
