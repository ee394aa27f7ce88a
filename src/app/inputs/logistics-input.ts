import { z } from "zod";
import { DISPOSITIONS, RETURN_REASONS } from "../../domain/return-reasons.ts";
import { boundedRecord, checkMoneyFields, countryCode, currencyCode, moneyText } from "./fields.ts";

/** The public contract of locations, logistics settings and return shipments. */

export const moneyObject = z
  .object({ amount: moneyText, currency: currencyCode })
  .superRefine((m, ctx) => checkMoneyFields(m.currency, [[["amount"], m.amount]], ctx));

const text = (max = 200) => z.string().trim().min(1).max(max);
const countryOrAll = z.union([z.literal("*"), countryCode]);

export const laneOverrideBody = z.strictObject({
  transitDays: z.int().min(0).max(120).optional(),
  clearanceDays: z.int().min(0).max(60).optional(),
  labelCost: moneyObject.optional(),
});

export const addressBody = z.strictObject({
  name: text().optional(),
  line1: text(),
  city: text(),
  postalCode: text(32),
  region: text(64).optional(),
  phone: text(40).optional(),
  email: z.email().optional(),
});

export const locationBody = z.strictObject({
  kind: z.enum(["warehouse", "hub", "vendor"]),
  name: text(),
  country: countryCode,
  address: addressBody,
  accepts: z.array(countryOrAll).max(300).default([]),
  handlingPerUnit: moneyObject.nullish(),
  lanes: boundedRecord(countryCode, laneOverrideBody).default({}),
  asn: z
    .strictObject({ url: z.url({ protocol: /^https?$/ }), secret: z.string().min(16).max(300) })
    .nullish(),
  vendor: text().nullish(),
  active: z.boolean().default(true),
});
export type LocationBody = z.infer<typeof locationBody>;

const carrierRule = z.discriminatedUnion("rule", [
  z.strictObject({ rule: z.literal("cheapest") }),
  z.strictObject({ rule: z.literal("fastest") }),
  z.strictObject({ rule: z.literal("preferred"), carrier: text(60), service: text(100).optional() }),
]);

export const parcelBody = z.strictObject({
  weightGrams: z.int().min(1).max(70_000),
  lengthCm: z.number().min(1).max(300),
  widthCm: z.number().min(1).max(300),
  heightCm: z.number().min(1).max(300),
});

export const logisticsSettingsBody = z.strictObject({
  prefer: z.enum(["cheapest", "fastest"]).default("cheapest"),
  recoveryPercent: z.partialRecord(z.enum(DISPOSITIONS), z.int().min(0).max(100)).default({}),
  expectedDisposition: z.partialRecord(z.enum(RETURN_REASONS), z.enum(DISPOSITIONS)).default({}),
  keepIt: z.boolean().default(true),
  donate: z.strictObject({ cost: moneyObject }).nullish(),
  liquidate: z
    .strictObject({
      percent: z.int().min(0).max(100),
      cost: moneyObject,
      countries: z.array(countryCode).min(1).max(300),
    })
    .nullish(),
  carrierRules: boundedRecord(countryOrAll, carrierRule).default({}),
  customs: z
    .strictObject({
      signer: text().nullish(),
      incoterm: z.enum(["DAP", "DDP", "DDU"]).default("DAP"),
      exportedFrom: countryCode.nullish(),
      /** Importer of record for return parcels when no market names a legal entity. */
      importer: z
        .strictObject({
          name: text(),
          country: countryCode,
          vatNumber: text(40),
          eoriNumber: text(40).nullish(),
          iossNumber: text(40).nullish(),
        })
        .nullish(),
    })
    .default({ incoterm: "DAP" }),
  defaultParcel: parcelBody.default({ weightGrams: 1000, lengthCm: 30, widthCm: 20, heightCm: 10 }),
  delayGraceDays: z.int().min(0).max(30).default(1),
  /** An unused label is voided at the carrier (shipment `expired`) this many days after it was made. */
  labelValidityDays: z.int().min(1).max(365).default(30),
});
export type LogisticsSettingsBody = z.infer<typeof logisticsSettingsBody>;

export const SHIPMENT_METHODS = ["carrier", "self_ship", "qr_dropoff", "merchant_label"] as const;

export const shipmentBody = z
  .strictObject({
    method: z.enum(SHIPMENT_METHODS).default("carrier"),
    carrier: text(40).optional(),
    carrierName: text(60).optional(),
    trackingNumber: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{4,64}$/, "must be 4 to 64 letters, digits or dashes")
      .optional(),
    destination: text(64).optional(),
    lines: z
      .array(z.strictObject({ lineId: z.uuid(), quantity: z.int().min(1).max(100_000) }))
      .min(1)
      .max(200)
      .optional(),
    parcel: parcelBody.optional(),
  })
  .superRefine((b, ctx) => {
    const need = (field: "carrier" | "trackingNumber" | "carrierName", why: string) => {
      if (!b[field]) ctx.addIssue({ code: "custom", path: [field], message: `is required ${why}` });
    };
    if (b.method === "carrier") need("carrier", 'with method "carrier" (easypost or shippo)');
    if (b.method === "self_ship") {
      need("trackingNumber", 'with method "self_ship"');
      need("carrierName", 'with method "self_ship" (the carrier the shopper used)');
    }
    if (b.method === "merchant_label")
      need("trackingNumber", 'with method "merchant_label" (the printed label\'s number)');
  });
export type ShipmentBody = z.infer<typeof shipmentBody>;

export const scanBody = z.strictObject({ code: z.string().trim().min(3).max(200) });
export const licencePlateBody = z.strictObject({ licencePlate: text(64) });
export const palletBody = z.strictObject({ bags: z.array(text(64)).min(1).max(500) });
export const consolidationBody = z.strictObject({
  destination: text(64),
  pallets: z.array(text(64)).min(1).max(200),
  carrier: text(60).optional(),
  trackingNumber: text(64).optional(),
});
export const receiptBody = z.strictObject({
  bags: z
    .array(z.strictObject({ code: text(64), licencePlates: z.array(text(64)).max(5000).optional() }))
    .max(2000),
});
