import type { LabelResult, PostalParty } from "../../app/logistics/ports.ts";
import type { TrackingStatus } from "../../domain/logistics/shipment-status.ts";

/** Grams → ounces (EasyPost weighs in oz), rounded up to 0.1 oz. */
export const ounces = (grams: number): number => Math.ceil((grams / 28.349523125) * 10) / 10;

export const failed = (reason: string, retryable: boolean): LabelResult => ({
  status: "failed",
  reason,
  retryable,
});

/** 408, 409, 429, 5xx and network errors (no status) may succeed on a retry; other 4xx will not. */
export function retryableStatus(status: number | undefined): boolean {
  return status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Decimal string ("31.20") → minor units with the currency's exponent (2 for carrier currencies). */
export function decimalToMinor(text: string, exponent = 2): number {
  const [whole = "0", frac = ""] = text.split(".");
  return Number(whole) * 10 ** exponent + Number((frac + "0".repeat(exponent)).slice(0, exponent));
}

export function minorToDecimal(amount: number, exponent = 2): string {
  if (exponent === 0) return String(amount);
  const s = String(Math.abs(amount)).padStart(exponent + 1, "0");
  return `${amount < 0 ? "-" : ""}${s.slice(0, -exponent)}.${s.slice(-exponent)}`;
}

export const street = (p: PostalParty) => ({
  name: p.name,
  street1: p.line1,
  city: p.city,
  zip: p.postalCode,
  state: p.region ?? undefined,
  country: p.country,
  email: p.email ?? undefined,
  phone: p.phone ?? undefined,
});

/** EasyPost tracker statuses (docs.easypost.com/docs/trackers) → ours. */
export function easyPostStatus(s: string): TrackingStatus {
  switch (s) {
    case "pre_transit":
      return "pre_transit";
    case "in_transit":
    case "available_for_pickup":
      return "in_transit";
    case "out_for_delivery":
      return "out_for_delivery";
    case "delivered":
      return "delivered";
    case "return_to_sender":
    case "failure":
    case "cancelled":
    case "error":
      return "exception";
    default:
      return "unknown";
  }
}

/** Shippo tracking statuses (UNKNOWN, PRE_TRANSIT, TRANSIT, DELIVERED, RETURNED, FAILURE) → ours. */
export function shippoStatus(s: string | undefined): TrackingStatus {
  switch (s) {
    case "PRE_TRANSIT":
      return "pre_transit";
    case "TRANSIT":
      return "in_transit";
    case "DELIVERED":
      return "delivered";
    case "RETURNED":
    case "FAILURE":
      return "exception";
    default:
      return "unknown";
  }
}
