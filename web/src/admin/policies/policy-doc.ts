/** A policy document as the API stores it (PUT /api/v1/policies/{id}); the form edits a few fields of it. */
export type PolicyDoc = Record<string, unknown>;

/** When the money moves (the API's refundTrigger). */
export const TRIGGERS = ["approval", "first_scan", "hub_receipt", "inspection"] as const;

export const DEFAULT_POLICY: PolicyDoc = {
  name: "",
  active: true,
  scope: { countries: ["*"] },
  window: { days: 30, from: "delivery" },
  returnShipping: { paidBy: "merchant", flatFee: {}, freeAbove: {} },
  resolutions: ["refund", "store_credit", "exchange"],
  refundTrigger: "inspection",
  requireReview: false,
};

/** The fields the form shows, read from a document (missing ones at the API's defaults). */
export interface PolicyForm {
  name: string;
  active: boolean;
  countries: string;
  days: string;
  from: string;
  paidBy: string;
  feeCurrency: string;
  feeAmount: string;
  resolutions: string[];
  refundTrigger: string;
  requireReview: boolean;
  restockingPercent: string;
  bonusPercent: string;
}

const obj = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown, d = "") => (typeof v === "string" || typeof v === "number" ? String(v) : d);

export function formOf(doc: PolicyDoc): PolicyForm {
  const scope = obj(doc.scope);
  const window = obj(doc.window);
  const shipping = obj(doc.returnShipping);
  const [feeCurrency, feeAmount] = Object.entries(obj(shipping.flatFee))[0] ?? ["", ""];
  return {
    name: str(doc.name),
    active: doc.active !== false,
    countries: Array.isArray(scope.countries) ? scope.countries.join(", ") : "*",
    days: str(window.days, "30"),
    from: str(window.from, "delivery"),
    paidBy: str(shipping.paidBy, "merchant"),
    feeCurrency,
    feeAmount: str(feeAmount),
    resolutions: Array.isArray(doc.resolutions) ? doc.resolutions.map((r) => String(r)) : ["refund"],
    refundTrigger: str(doc.refundTrigger, "inspection"),
    requireReview: doc.requireReview === true,
    restockingPercent: str(obj(doc.restockingFee).percent),
    bonusPercent: str(obj(doc.storeCreditBonus).percent),
  };
}

/** An optional term: set, cleared (null) where the document had it, absent where it never had it. */
const optional = (base: PolicyDoc, key: string, value: unknown): PolicyDoc =>
  value !== null ? { [key]: value } : key in base ? { [key]: null } : {};

/** The document with the form's fields written back; everything the form does not show is kept. */
export function docOf(base: PolicyDoc, f: PolicyForm): PolicyDoc {
  const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));
  const countries = f.countries
    .split(/[\s,]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
  const shipping = obj(base.returnShipping);
  return {
    ...base,
    name: f.name,
    active: f.active,
    scope: { ...obj(base.scope), countries: countries.length ? countries : ["*"] },
    window: { ...obj(base.window), days: num(f.days), from: f.from },
    returnShipping: {
      ...shipping,
      paidBy: f.paidBy,
      flatFee:
        f.feeCurrency.trim() && f.feeAmount.trim()
          ? { [f.feeCurrency.trim().toUpperCase()]: f.feeAmount.trim() }
          : {},
    },
    resolutions: f.resolutions,
    refundTrigger: f.refundTrigger,
    requireReview: f.requireReview,
    ...optional(
      base,
      "restockingFee",
      f.restockingPercent.trim() ? { percent: num(f.restockingPercent) } : null,
    ),
    ...optional(base, "storeCreditBonus", f.bonusPercent.trim() ? { percent: num(f.bonusPercent) } : null),
  };
}

/** Every leaf of a document as "path → value" (for the version diff). */
export function flatten(v: unknown, path = "", out: Map<string, string> = new Map()): Map<string, string> {
  if (typeof v === "object" && v !== null && !(Array.isArray(v) && v.every((x) => typeof x !== "object"))) {
    for (const [k, x] of Object.entries(v)) flatten(x, path ? `${path}.${k}` : k, out);
  } else out.set(path, JSON.stringify(v));
  return out;
}

export interface Change {
  readonly path: string;
  readonly before: string | null;
  readonly after: string | null;
}

const META = new Set(["id", "version", "savedAt", "savedBy", "warnings"]);

export function diff(a: PolicyDoc, b: PolicyDoc): Change[] {
  const fa = flatten(a);
  const fb = flatten(b);
  const paths = [...new Set([...fa.keys(), ...fb.keys()])]
    .filter((p) => !META.has(p.split(".")[0] ?? ""))
    .sort();
  return paths
    .filter((p) => fa.get(p) !== fb.get(p))
    .map((p) => ({ path: p, before: fa.get(p) ?? null, after: fb.get(p) ?? null }));
}
