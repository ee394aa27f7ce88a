/** The queue's filters: the same names as GET /api/v1/returns, kept in the page's URL. */
export const FILTER_KEYS = [
  "status",
  "market",
  "reason",
  "resolution",
  "refundDue",
  "vendor",
  "sort",
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filter = Partial<Record<FilterKey, string>>;

export function filterFromSearch(search: string): Filter {
  const q = new URLSearchParams(search);
  const f: Filter = {};
  for (const k of FILTER_KEYS) {
    const v = q.get(k)?.trim();
    if (v) f[k] = v;
  }
  return f;
}

export function filterQuery(f: Filter, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k]) q.set(k, f[k] ?? "");
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

export interface SavedView {
  readonly name: string;
  readonly filter: Filter;
}

const storageKey = (accountId: string) => `crossback.admin.views.${accountId}`;

/** Saved views live in this browser, per account. */
export function loadViews(accountId: string): SavedView[] {
  try {
    const raw = window.localStorage.getItem(storageKey(accountId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter(isView) : [];
  } catch {
    return [];
  }
}

export function storeViews(accountId: string, views: readonly SavedView[]): void {
  window.localStorage.setItem(storageKey(accountId), JSON.stringify(views));
}

function isView(v: unknown): v is SavedView {
  return typeof v === "object" && v !== null && typeof (v as { name?: unknown }).name === "string";
}
