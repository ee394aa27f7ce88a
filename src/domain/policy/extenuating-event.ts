import type { Order } from "../order.ts";

/** A merchant-declared event (storm, strike, epidemic) that overrides normal schedules for affected orders. */
export interface ExtenuatingEvent {
  readonly id: string;
  readonly description: string;
  /** ISO countries; empty means every country. */
  readonly countries: readonly string[];
  /** ISO 3166-2 subdivisions without the country prefix; empty means the whole country. */
  readonly regions: readonly string[];
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly effect: "full_refund" | "extend_window";
  /** For extend_window: how many days return windows grow by. */
  readonly extendDays: number | null;
}

/** The moment an event must cover for an order to be affected: its booking start, else its delivery, else its placement. */
function relevantTime(order: Order): Date {
  const starts = order.lines.map((l) => l.startsAt).filter((d): d is Date => d instanceof Date);
  if (starts.length > 0) return new Date(Math.min(...starts.map((d) => d.getTime())));
  const delivered = order.fulfilments.map((f) => f.deliveredAt).filter((d): d is Date => d instanceof Date);
  if (delivered.length > 0) return new Date(Math.max(...delivered.map((d) => d.getTime())));
  return order.placedAt;
}

export function affects(e: ExtenuatingEvent, order: Order): boolean {
  const a = order.shippingAddress;
  if (e.countries.length > 0 && !e.countries.includes(a.country)) return false;
  if (e.regions.length > 0 && (!a.region || !e.regions.includes(a.region))) return false;
  const t = relevantTime(order).getTime();
  return t >= e.startsAt.getTime() && t <= e.endsAt.getTime();
}

/** The events that apply to an order, in declaration order. */
export function eventsAffecting(events: readonly ExtenuatingEvent[], order: Order): ExtenuatingEvent[] {
  return events.filter((e) => affects(e, order));
}
