/** The return shipment's state machine as data (domain model: Shipment states). */
export const SHIPMENT_STATUSES = [
  "purchasing",
  "label_created",
  "in_transit",
  "delivered",
  "exception",
  "expired",
  "voided",
  "failed",
] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** Which status may follow which. `purchasing` is the recorded intent before the carrier call. */
export const SHIPMENT_TRANSITIONS: Readonly<Record<ShipmentStatus, readonly ShipmentStatus[]>> = {
  purchasing: ["label_created", "failed"],
  label_created: ["in_transit", "delivered", "exception", "expired", "voided"],
  in_transit: ["in_transit", "delivered", "exception"],
  exception: ["in_transit", "delivered", "exception"],
  delivered: [],
  expired: [],
  voided: [],
  failed: [],
};

export function canMove(from: ShipmentStatus, to: ShipmentStatus): boolean {
  return SHIPMENT_TRANSITIONS[from].includes(to);
}

/** A carrier's tracking status, normalised across carriers. */
export type TrackingStatus =
  | "pre_transit"
  | "in_transit"
  | "out_for_delivery"
  | "delivered"
  | "exception"
  | "unknown";

/** The shipment status a tracking status moves it to (null: no change). */
export function statusForTracking(t: TrackingStatus): ShipmentStatus | null {
  switch (t) {
    case "in_transit":
    case "out_for_delivery":
      return "in_transit";
    case "delivered":
      return "delivered";
    case "exception":
      return "exception";
    default:
      return null;
  }
}

/** A tracking event counts as the carrier's first scan when the parcel is moving (or already there). */
export const isScan = (t: TrackingStatus): boolean => statusForTracking(t) !== null;
