import { useEffect, useState } from "react";
import type { Client } from "../api.ts";

/** What every vendor's own policy must at least give (the API's settings.marketplaceMinimums). */
export interface Minimums {
  readonly windowDays?: number;
  readonly resolutions?: readonly string[];
  readonly maxRestockingFeePercent?: number;
}

/** The minimums as GET /policies answers them (also to a vendor account, which may not read settings). */
export function useMinimums(client: Client): Minimums | null | undefined {
  const [min, setMin] = useState<Minimums | null | undefined>(undefined);
  useEffect(() => {
    client.merchant<{ marketplaceMinimums: Minimums | null }>("GET", "/policies").then(
      (r) => setMin(r.marketplaceMinimums),
      () => setMin(null),
    );
  }, [client]);
  return min;
}

/** The minimums form's fields (text as typed; empty = no minimum). */
export interface MinimumsForm {
  days: string;
  resolutions: string[];
  restocking: string;
}

export const minimumsForm = (m: Minimums | null | undefined): MinimumsForm => ({
  days: m?.windowDays === undefined ? "" : String(m.windowDays),
  resolutions: [...(m?.resolutions ?? [])],
  restocking: m?.maxRestockingFeePercent === undefined ? "" : String(m.maxRestockingFeePercent),
});

/** The setting from the form; a field left empty sets no minimum (the server validates the rest). */
export function minimumsOf(f: MinimumsForm): Minimums {
  const num = (s: string) => Number(s.trim().replace(",", "."));
  return {
    ...(f.days.trim() ? { windowDays: num(f.days) } : {}),
    ...(f.resolutions.length ? { resolutions: f.resolutions } : {}),
    ...(f.restocking.trim() ? { maxRestockingFeePercent: num(f.restocking) } : {}),
  };
}
