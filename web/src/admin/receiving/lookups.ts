import type { ReturnCaseJson } from "../returns/types.ts";
import type { Lookup, ReceivingCase } from "./types.ts";

/** Lookups the station made, kept in the browser so a parcel already seen opens while offline. */
const KEY = "crossback.receiving.lookups";
/** Per account: a tablet shared by several people (or merchants) never shows one the other's cases. */
const keyOf = (account: string) => `${KEY}.${account}`;
const KEEP = 40;

const norm = (code: string) => code.trim().toUpperCase();

function read(account: string): Record<string, Lookup> {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(keyOf(account)) ?? "{}");
    return typeof v === "object" && v !== null ? (v as Record<string, Lookup>) : {};
  } catch {
    return {};
  }
}

export function cachedLookup(account: string, code: string): Lookup | null {
  return read(account)[norm(code)] ?? null;
}

export function cacheLookup(account: string, code: string, l: Lookup): void {
  if (l.cases.length === 0) return;
  const all = { ...read(account), [norm(code)]: l };
  for (const c of l.cases) all[norm(c.number)] = { ...l, cases: [c] };
  const keys = Object.keys(all);
  for (const k of keys.slice(0, Math.max(0, keys.length - KEEP))) delete all[k];
  try {
    localStorage.setItem(keyOf(account), JSON.stringify(all));
  } catch {
    // Storage full: the station still works online.
  }
}

/** The case as a command answered it, in the station's shape (GTINs kept from what the station had). */
export function fromCommand(json: ReturnCaseJson, prev: ReceivingCase): ReceivingCase {
  return {
    ...prev,
    status: json.status,
    allowedCommands: json.allowedCommands,
    lines: prev.lines.map((l) => {
      const q = json.lines.find((x) => x.id === l.id)?.quantities ?? {};
      const n = (k: string) => q[k] ?? 0;
      return {
        ...l,
        approved: n("approved"),
        received: n("received"),
        accepted: n("accepted"),
        refused: n("refused"),
        expected: Math.max(0, n("approved") - n("received") - n("lost")),
        toInspect: Math.max(0, n("received") - n("accepted") - n("refused")),
      };
    }),
  };
}
