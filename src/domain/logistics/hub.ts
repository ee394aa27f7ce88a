/** Hub operations as pure functions: identifiers, manifests and receipt reconciliation. */

const pad = (n: number, width = 6) => String(n).padStart(width, "0");

/** Licence plate of one returned unit at a hub: LP-<hub>-<sequence>. */
export const licencePlate = (hub: string, seq: number): string => `LP-${hub}-${pad(seq)}`;
export const bagCode = (hub: string, seq: number): string => `BAG-${hub}-${pad(seq, 5)}`;
export const palletCode = (hub: string, seq: number): string => `PAL-${hub}-${pad(seq, 5)}`;
export const consolidationCode = (hub: string, seq: number): string => `CON-${hub}-${pad(seq, 5)}`;

/** One unit on a manifest: its licence plate, bag, pallet and the return it belongs to. */
export interface ManifestUnit {
  readonly licencePlate: string;
  readonly bag: string;
  readonly pallet: string | null;
  readonly rmaNumber: string;
  readonly caseId: string;
  readonly lineId: string;
  readonly sku: string;
  readonly title: string;
  readonly shopperCountry: string;
}

export interface Reconciliation {
  readonly complete: boolean;
  readonly bagsExpected: number;
  readonly bagsReceived: number;
  readonly unitsExpected: number;
  readonly unitsReceived: number;
  readonly missingBags: readonly string[];
  /** Units on the manifest not found at receipt (their bag missing, or the unit missing from it). */
  readonly shortages: readonly ManifestUnit[];
  /** Scanned at receipt but not on the manifest (or in another bag than declared). */
  readonly unexpected: readonly { readonly bag: string; readonly licencePlate: string }[];
}

/**
 * Compares what the manifest announced with what the destination scanned. A bag received without a
 * unit list counts as holding everything the manifest put in it.
 */
export function reconcile(
  manifest: readonly ManifestUnit[],
  received: readonly { readonly bag: string; readonly licencePlates?: readonly string[] }[],
): Reconciliation {
  const bags = new Set(manifest.map((u) => u.bag));
  const got = new Map(received.map((r) => [r.bag, r.licencePlates ? new Set(r.licencePlates) : null]));
  const shortages = manifest.filter((u) => {
    if (!got.has(u.bag)) return true;
    const plates = got.get(u.bag);
    return plates !== null && plates !== undefined && !plates.has(u.licencePlate);
  });
  const declared = new Map(manifest.map((u) => [u.licencePlate, u.bag]));
  const unexpected = received.flatMap((r) =>
    [...(r.licencePlates ?? [])]
      .filter((p) => declared.get(p) !== r.bag)
      .map((p) => ({ bag: r.bag, licencePlate: p })),
  );
  const missingBags = [...bags].filter((b) => !got.has(b)).sort();
  return {
    complete: shortages.length === 0 && unexpected.length === 0,
    bagsExpected: bags.size,
    bagsReceived: [...got.keys()].filter((b) => bags.has(b)).length,
    unitsExpected: manifest.length,
    unitsReceived: manifest.length - shortages.length,
    missingBags,
    shortages,
    unexpected,
  };
}

const CSV_COLUMNS = [
  "licence_plate",
  "bag",
  "pallet",
  "rma",
  "case_id",
  "line_id",
  "sku",
  "title",
  "shopper_country",
] as const;

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** The manifest as RFC 4180 CSV (CRLF line ends, header row). */
export function manifestCsv(units: readonly ManifestUnit[]): string {
  const rows = units.map((u) =>
    [u.licencePlate, u.bag, u.pallet ?? "", u.rmaNumber, u.caseId, u.lineId, u.sku, u.title, u.shopperCountry]
      .map(csvCell)
      .join(","),
  );
  return `${[CSV_COLUMNS.join(","), ...rows].join("\r\n")}\r\n`;
}

export { csvCell };
