import type { Order } from "./order.ts";

/** The lines of one vendor (null: the merchant's own goods), with their places in the request. */
export interface VendorPart<L> {
  readonly vendor: string | null;
  readonly lines: readonly L[];
  /** Index of each line in the whole request (photos, error paths). */
  readonly positions: readonly number[];
}

/**
 * Splits a return's lines by the vendor of their products, in order of first appearance: a case
 * holds one vendor's goods (each vendor decides, receives and refunds its own). Unknown lines stay
 * with the first part, where the engine names them.
 */
export function splitByVendor<L extends { readonly orderLineExternalId: string }>(
  order: Order,
  lines: readonly L[],
): VendorPart<L>[] {
  const parts = new Map<string | null, { lines: L[]; positions: number[] }>();
  const vendorOf = (id: string): string | null | undefined => {
    const line = order.lines.find((l) => l.externalId === id);
    return line ? (line.product?.vendor ?? null) : undefined;
  };
  for (const [i, l] of lines.entries()) {
    const found = vendorOf(l.orderLineExternalId);
    const key = found === undefined ? ([...parts.keys()][0] ?? null) : found;
    const part = parts.get(key) ?? { lines: [], positions: [] };
    part.lines.push(l);
    part.positions.push(i);
    parts.set(key, part);
  }
  return [...parts].map(([vendor, p]) => ({ vendor, lines: p.lines, positions: p.positions }));
}
