/**
 * The station's outbox: every receipt, grade, exception and parked parcel is queued here first (in
 * localStorage, so a reload or a dropped network keeps it) with its own Idempotency-Key, then sent in
 * order. A replay after a lost answer is answered by the server's stored response: a unit is never
 * received twice.
 */
export interface QueuedAction {
  readonly key: string;
  readonly kind: "receive" | "exception" | "inspect" | "park";
  readonly path: string;
  readonly body: unknown;
  readonly caseId: string | null;
  readonly lineId: string | null;
  /** Units this action receives or grades (the page counts them before the server has them). */
  readonly units: number;
  /** What the action is, for the list of pending work (SKU, code). */
  readonly label: string;
}

/** A random idempotency key (crypto.randomUUID needs a secure context; a tablet on the LAN may not be one). */
export function newKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `rcv-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const isAction = (v: unknown): v is QueuedAction =>
  typeof v === "object" && v !== null && "key" in v && "path" in v && "kind" in v;

export function loadQueue(storageKey: string): QueuedAction[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(storageKey) ?? "[]");
    return Array.isArray(raw) ? raw.filter(isAction) : [];
  } catch {
    return [];
  }
}

export function saveQueue(storageKey: string, q: readonly QueuedAction[]): void {
  if (q.length === 0) localStorage.removeItem(storageKey);
  else localStorage.setItem(storageKey, JSON.stringify(q));
}

/** Units of a line the queue receives (+) or grades, not yet known to the server. */
export function pendingUnits(q: readonly QueuedAction[], lineId: string, kind: QueuedAction["kind"]): number {
  return q.filter((a) => a.lineId === lineId && a.kind === kind).reduce((s, a) => s + a.units, 0);
}
