/**
 * Loads the rule packs once, at module load: validates every file, merges each over its parent
 * chain (a child rule overrides its parent's field by field) and validates the result.
 * A broken pack is a bug: loading throws and names the pack.
 */

import { PACK_FILES } from "./pack-files.ts";
import {
  DEFAULT_PACK_ID,
  type EffectivePack,
  EffectivePackSchema,
  type PackFile,
  PackFileSchema,
} from "./pack-schema.ts";
import { present } from "./rule-refs.ts";

export { DEFAULT_PACK_ID };

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === "object" && v !== null && !Array.isArray(v);

/** `over` on top of `base`: nested objects merge, anything else (arrays, null, scalars) replaces. */
export function mergeOver(base: Plain, over: Plain): Plain {
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isPlain(b) && isPlain(v) ? mergeOver(b, v) : v;
  }
  return out;
}

export function parsePackFiles(raw: readonly unknown[]): Map<string, PackFile> {
  const files = new Map<string, PackFile>();
  for (const [i, json] of raw.entries()) {
    const parsed = PackFileSchema.safeParse(json);
    const id = isPlain(json) ? String(json.id) : `#${i}`;
    if (!parsed.success) throw new Error(`statutory pack ${id} is invalid: ${parsed.error.message}`);
    if (files.has(parsed.data.id)) throw new Error(`statutory pack ${id} is defined twice`);
    files.set(parsed.data.id, parsed.data);
  }
  return files;
}

function chainOf(id: string, files: ReadonlyMap<string, PackFile>): PackFile[] {
  const chain: PackFile[] = [];
  let current: string | null = id;
  while (current !== null) {
    const file = files.get(current);
    if (!file) throw new Error(`statutory pack ${id}: parent ${current} does not exist`);
    if (chain.includes(file)) throw new Error(`statutory pack ${id}: parent cycle`);
    chain.unshift(file);
    current = file.parent;
  }
  return chain;
}

/** Merges a pack over its ancestors and validates the result against the effective schema. */
export function effectivePackOf(id: string, files: ReadonlyMap<string, PackFile>): EffectivePack {
  const chain = chainOf(id, files);
  let merged: Plain = { calendar: {}, withdrawal: { exceptions: {}, conditions: {} }, guarantee: {} };
  const notes: string[] = [];
  for (const file of chain) {
    const { id: _id, name: _name, parent: _parent, appliesTo: _applies, notes: fileNotes, ...rules } = file;
    merged = mergeOver(merged, rules);
    notes.push(...fileNotes.map((n) => (file.id === id ? n : `[${file.id}] ${n}`)));
  }
  const leaf = present(chain.at(-1), `pack ${id}`);
  const candidate = {
    ...merged,
    id: leaf.id,
    name: leaf.name,
    chain: chain.map((f) => f.id),
    appliesTo: leaf.appliesTo,
    notes,
  };
  const parsed = EffectivePackSchema.safeParse(candidate);
  if (!parsed.success) throw new Error(`statutory pack ${id} (merged) is invalid: ${parsed.error.message}`);
  return parsed.data;
}

export interface PackRegistry {
  readonly packs: ReadonlyMap<string, EffectivePack>;
  /** "DE", "US-CA", … → effective pack; the deepest pack naming a code wins (DE over EU). */
  readonly byCode: ReadonlyMap<string, EffectivePack>;
}

export function buildRegistry(raw: readonly unknown[]): PackRegistry {
  const files = parsePackFiles(raw);
  if (!files.has(DEFAULT_PACK_ID)) throw new Error(`statutory pack ${DEFAULT_PACK_ID} is missing`);
  const packs = new Map<string, EffectivePack>();
  for (const id of files.keys()) packs.set(id, effectivePackOf(id, files));
  const byCode = new Map<string, EffectivePack>();
  for (const pack of packs.values()) {
    for (const code of pack.appliesTo) {
      const existing = byCode.get(code);
      if (existing && existing.chain.length === pack.chain.length) {
        throw new Error(`statutory packs ${existing.id} and ${pack.id} both apply to ${code}`);
      }
      if (!existing || existing.chain.length < pack.chain.length) byCode.set(code, pack);
    }
  }
  return { packs, byCode };
}

/** All packs of reference/statutory/, loaded and validated once. */
export const REGISTRY: PackRegistry = buildRegistry(PACK_FILES);

const resolved = new Map<string, EffectivePack>();

/**
 * The effective pack for a shipping address: the region's pack over its country's
 * (US + CA → US-CA), else the country's (DE over the EU baseline), else an EU/EEA baseline,
 * else the DEFAULT pack.
 */
export function statutoryPackFor(country: string, region: string | null): EffectivePack {
  const key = region ? `${country}|${region}` : country;
  let pack = resolved.get(key);
  if (!pack) {
    const c = country.trim().toUpperCase();
    let r = region ? region.trim().toUpperCase() : "";
    if (r.startsWith(`${c}-`)) r = r.slice(c.length + 1);
    pack =
      (r ? REGISTRY.byCode.get(`${c}-${r}`) : undefined) ??
      REGISTRY.byCode.get(c) ??
      present(REGISTRY.packs.get(DEFAULT_PACK_ID), "default pack");
    if (resolved.size >= 10_000) resolved.clear();
    resolved.set(key, pack);
  }
  return pack;
}

export function statutoryPackById(id: string): EffectivePack | undefined {
  return REGISTRY.packs.get(id);
}
