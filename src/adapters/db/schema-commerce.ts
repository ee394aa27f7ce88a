import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { minor, ts } from "./schema-columns.ts";

const created = () => ts("created_at").notNull().defaultNow();

export const merchants = pgTable("merchants", {
  id: uuid("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  defaultLocale: text("default_locale").notNull().default("en"),
  settlementCurrency: text("settlement_currency").notNull().default("EUR"),
  /** Money settings: tender refund order, bank-transfer approval threshold, SEPA debtor account, FX source. */
  settings: jsonb("settings").notNull().default({}),
  createdAt: created(),
});

export const legalEntities = pgTable(
  "legal_entities",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    /** The merchant's own key for the entity (PUT /legal-entities/{code}). */
    code: text("code"),
    name: text("name").notNull(),
    country: text("country").notNull(),
    vatNumber: text("vat_number"),
    eoriNumber: text("eori_number"),
    iossNumber: text("ioss_number"),
    address: jsonb("address").notNull(),
    createdAt: created(),
  },
  (t) => [unique().on(t.merchantId, t.code)],
);

export const markets = pgTable(
  "markets",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    countries: text("countries").array().notNull(),
    currency: text("currency").notNull(),
    languages: text("languages").array().notNull(),
    legalEntityId: uuid("legal_entity_id").references(() => legalEntities.id),
  },
  (t) => [unique().on(t.merchantId, t.code)],
);

export const locations = pgTable(
  "locations",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    code: text("code").notNull(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    country: text("country").notNull(),
    address: jsonb("address").notNull(),
    /** Shopper countries it takes returns from ("*": all). */
    accepts: text("accepts").array().notNull().default(sql`'{}'::text[]`),
    /** Handling cost per unit: {amount (minor units), currency}. */
    handling: jsonb("handling"),
    /** Merchant lane overrides per shopper country: {DE: {transitDays, clearanceDays, labelCost, labelCurrency}}. */
    lanes: jsonb("lanes").notNull().default({}),
    /** Where advance shipping notices go: {url, secret} (Standard Webhooks signature). */
    asn: jsonb("asn"),
    vendorCode: text("vendor_code"),
    active: boolean("active").notNull().default(true),
  },
  (t) => [
    unique().on(t.merchantId, t.code),
    check("location_kind", sql`${t.kind} in ('warehouse','hub','vendor')`),
  ],
);

export const vendors = pgTable(
  "vendors",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    country: text("country").notNull(),
    returnLocationId: uuid("return_location_id").references(() => locations.id),
  },
  (t) => [unique().on(t.merchantId, t.code)],
);

export const apiKeys = pgTable("api_keys", {
  id: uuid("id").primaryKey(),
  merchantId: uuid("merchant_id")
    .notNull()
    .references(() => merchants.id),
  name: text("name").notNull(),
  prefix: text("prefix").notNull(),
  keyHash: text("key_hash").notNull().unique(),
  createdAt: created(),
  revokedAt: ts("revoked_at"),
  /** What the key may do (api-key-scopes.ts); keys made before scopes existed keep every scope. */
  scopes: text("scopes")
    .array()
    .notNull()
    .default(sql`ARRAY['read','returns:write','refunds:write','payouts:approve','settings']::text[]`),
  /** After this the key is refused like a revoked one; null: never expires. */
  expiresAt: ts("expires_at"),
  /** Last authenticated use (updated at most once a minute). */
  lastUsedAt: ts("last_used_at"),
});

export const products = pgTable(
  "products",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    sku: text("sku").notNull(),
    title: text("title").notNull(),
    category: text("category"),
    vendor: text("vendor"),
    finalSale: boolean("final_sale").notNull().default(false),
    personalised: boolean("personalised").notNull().default(false),
    perishable: boolean("perishable").notNull().default(false),
    sealedHygiene: boolean("sealed_hygiene").notNull().default(false),
    sealedMedia: boolean("sealed_media").notNull().default(false),
    digital: boolean("digital").notNull().default(false),
    hsCode: text("hs_code"),
    originCountry: text("origin_country"),
    weightGrams: integer("weight_grams"),
    /** Variants of one product share a group (sizes, colours): the portal offers them for exchanges. */
    variantGroup: text("variant_group"),
    /** The item barcode (GTIN-14, zeros in front): the receiving station finds the SKU by it. */
    gtin: text("gtin"),
    /** What sets this variant apart, e.g. {"size": "M", "colour": "Navy"}. */
    variantOptions: jsonb("variant_options").notNull().default({}),
    /** Current selling price per currency, in minor units: {"EUR": 4990}. */
    prices: jsonb("prices").notNull().default({}),
    inStock: boolean("in_stock").notNull().default(true),
    createdAt: created(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  // Partial (migration 0033): a line's product is found by (merchant, sku), never by this one.
  (t) => [
    unique().on(t.merchantId, t.sku),
    index().on(t.merchantId, t.variantGroup).where(sql`${t.variantGroup} is not null`),
  ],
);

export const customers = pgTable(
  "customers",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    email: text("email").notNull(),
    name: text("name"),
    locale: text("locale"),
    timeZone: text("time_zone"),
    createdAt: created(),
  },
  (t) => [unique().on(t.merchantId, t.email)],
);

export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    externalId: text("external_id").notNull(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    placedAt: ts("placed_at").notNull(),
    currency: text("currency").notNull(),
    taxesIncluded: boolean("taxes_included").notNull(),
    shippingAddress: jsonb("shipping_address").notNull(),
    shippingAmount: minor("shipping_amount").notNull(),
    shippingTax: minor("shipping_tax").notNull(),
    shippingMethod: text("shipping_method"),
    cheapestStandardAmount: minor("cheapest_standard_amount"),
    dutiesAmount: minor("duties_amount"),
    dutiesPaidBy: text("duties_paid_by"),
    dutiesIncoterm: text("duties_incoterm"),
    returnTermsDisclosed: boolean("return_terms_disclosed").notNull(),
    /** SHA-256 of the gift code printed on the order (a recipient returns with it); null: not a gift. */
    giftCodeHash: text("gift_code_hash"),
    contentHash: text("content_hash").notNull(),
    /** The content counted in the report rollups; different from content_hash: to be recounted. */
    rolledHash: text("rolled_hash"),
    createdAt: created(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.merchantId, t.externalId),
    index().on(t.customerId),
    // By age: the planner cannot estimate a comparison of two columns (it guesses a third of the
    // table and scans it all), but takes this index for "oldest first" and min(updated_at).
    index("orders_unrolled_index").on(t.updatedAt).where(sql`rolled_hash IS DISTINCT FROM content_hash`),
  ],
);

export const orderLines = pgTable(
  "order_lines",
  {
    id: uuid("id").primaryKey(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    externalId: text("external_id").notNull(),
    position: integer("position").notNull(),
    sku: text("sku").notNull(),
    title: text("title").notNull(),
    quantity: integer("quantity").notNull(),
    unitPrice: minor("unit_price").notNull(),
    tax: minor("tax").notNull(),
    discount: minor("discount").notNull(),
    /** Bookable goods and services: when the booking starts (cancellation schedules count back from it). */
    startsAt: ts("starts_at"),
  },
  (t) => [unique().on(t.orderId, t.externalId), check("order_line_quantity", sql`${t.quantity} > 0`)],
);

export const orderTenders = pgTable(
  "order_tenders",
  {
    id: uuid("id").primaryKey(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    position: integer("position").notNull(),
    kind: text("kind").notNull(),
    provider: text("provider"),
    reference: text("reference"),
    amount: minor("amount").notNull(),
    capturedAt: ts("captured_at"),
  },
  (t) => [index().on(t.orderId, t.position)],
);

export const fulfilments = pgTable(
  "fulfilments",
  {
    id: uuid("id").primaryKey(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    externalId: text("external_id").notNull(),
    shippedAt: ts("shipped_at"),
    deliveredAt: ts("delivered_at"),
    carrier: text("carrier"),
    trackingNumber: text("tracking_number"),
  },
  (t) => [unique().on(t.orderId, t.externalId)],
);

export const fulfilmentLines = pgTable(
  "fulfilment_lines",
  {
    fulfilmentId: uuid("fulfilment_id")
      .notNull()
      .references(() => fulfilments.id),
    orderLineId: uuid("order_line_id")
      .notNull()
      .references(() => orderLines.id),
    quantity: integer("quantity").notNull(),
  },
  (t) => [primaryKey({ columns: [t.fulfilmentId, t.orderLineId] })],
);
