import type { Money } from "../money.ts";
import type { Disposition, ReturnReason } from "../return-reasons.ts";

/** How a merchant wants returns routed (GET/PUT /api/v1/logistics/settings); defaults below. */
export interface RoutingSettings {
  /** Among accepting locations worth returning to: the highest net recovery, or the shortest lane. */
  readonly prefer: "cheapest" | "fastest";
  /** Per disposition, the share (0–100 %) of a unit's paid value the merchant expects to recover. */
  readonly recoveryPercent: Readonly<Record<Disposition, number>>;
  /** The disposition a returned unit is expected to get, by return reason (before inspection). */
  readonly expectedDisposition: Readonly<Record<ReturnReason, Disposition>>;
  /** Let the shopper keep goods that cost more to bring back than they recover. */
  readonly keepIt: boolean;
  /** Donation through a local partner instead of keep-it: its cost per parcel. */
  readonly donate: { readonly cost: Money } | null;
  /** Local liquidation in the shopper's country: recovery share (%) and cost per parcel. */
  readonly liquidate: {
    readonly percent: number;
    readonly cost: Money;
    readonly countries: readonly string[];
  } | null;
}

export const DEFAULT_RECOVERY: Readonly<Record<Disposition, number>> = {
  restock: 90,
  restock_b_grade: 55,
  refurbish: 30,
  quarantine: 0,
  scrap: 0,
  return_to_vendor: 80,
  return_to_shopper: 0,
};

export const DEFAULT_EXPECTED: Readonly<Record<ReturnReason, Disposition>> = {
  changed_mind: "restock",
  wrong_size: "restock",
  no_longer_needed: "restock",
  arrived_late: "restock",
  other: "restock",
  wrong_item: "restock",
  not_as_described: "restock_b_grade",
  defective: "refurbish",
  damaged_in_transit: "refurbish",
};

export const DEFAULT_ROUTING: RoutingSettings = {
  prefer: "cheapest",
  recoveryPercent: DEFAULT_RECOVERY,
  expectedDisposition: DEFAULT_EXPECTED,
  keepIt: true,
  donate: null,
  liquidate: null,
};
