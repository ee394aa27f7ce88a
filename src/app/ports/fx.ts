export interface FxRepo {
  upsert(source: string, rates: readonly { date: string; currency: string; rate: string }[]): Promise<number>;
  /** The latest rate (units of `currency` per EUR) on or before `date`. */
  rateOn(source: string, currency: string, date: string): Promise<{ date: string; rate: string } | null>;
}
