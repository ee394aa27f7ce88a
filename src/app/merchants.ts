import { createHash, randomBytes } from "node:crypto";
import { API_KEY_SCOPES, type ApiKeyScope } from "../domain/api-key-scopes.ts";
import type { DomainError } from "../domain/errors.ts";
import { err, ok, type Result } from "../domain/result.ts";
import type { ApiKeyRecord, Deps, Merchant, MerchantSettings } from "./ports/index.ts";

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

export async function createMerchant(
  deps: Deps,
  input: {
    slug: string;
    name: string;
    defaultLocale?: string;
    settlementCurrency?: string;
    settings?: MerchantSettings;
  },
): Promise<Result<Merchant, DomainError>> {
  if (!SLUG.test(input.slug)) {
    return err({
      code: "invalid_input",
      issues: [{ path: "slug", message: "use 2–63 lowercase letters, digits and dashes" }],
    });
  }
  if (!input.name.trim())
    return err({ code: "invalid_input", issues: [{ path: "name", message: "is required" }] });
  return deps.store.transaction(async (r) => {
    if (await r.merchants.bySlug(input.slug)) {
      return err({
        code: "invalid_input",
        issues: [{ path: "slug", message: `merchant "${input.slug}" already exists` }],
      });
    }
    const m: Merchant = {
      id: deps.ids.next(),
      slug: input.slug,
      name: input.name.trim(),
      defaultLocale: input.defaultLocale ?? "en",
      settlementCurrency: input.settlementCurrency ?? "EUR",
      settings: input.settings ?? {},
      createdAt: deps.clock.now(),
    };
    await r.merchants.insert(m);
    return ok(m);
  });
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Creates a key; the secret is returned once and only its SHA-256 is stored. */
export async function createApiKey(
  deps: Deps,
  slug: string,
  name: string,
  secret: string = `cb_live_${randomBytes(24).toString("base64url")}`,
  opts: { scopes?: readonly ApiKeyScope[]; expiresAt?: Date | null } = {},
): Promise<Result<{ key: string; record: ApiKeyRecord }, DomainError>> {
  return deps.store.transaction(async (r) => {
    const m = await r.merchants.bySlug(slug);
    if (!m) return err({ code: "not_found", entity: "merchant", id: slug });
    const record: ApiKeyRecord = {
      id: deps.ids.next(),
      merchantId: m.id,
      name,
      prefix: secret.slice(0, 16),
      createdAt: deps.clock.now(),
      revokedAt: null,
      scopes: opts.scopes && opts.scopes.length > 0 ? opts.scopes : API_KEY_SCOPES,
      expiresAt: opts.expiresAt ?? null,
      lastUsedAt: null,
    };
    await r.apiKeys.insert(record, hashApiKey(secret));
    return ok({ key: secret, record });
  });
}

export async function listApiKeys(deps: Deps, slug: string): Promise<Result<ApiKeyRecord[], DomainError>> {
  const m = await deps.store.read.merchants.bySlug(slug);
  if (!m) return err({ code: "not_found", entity: "merchant", id: slug });
  return ok(await deps.store.read.apiKeys.list(m.id));
}

export async function revokeApiKey(
  deps: Deps,
  slug: string,
  idOrPrefix: string,
): Promise<Result<ApiKeyRecord, DomainError>> {
  return deps.store.transaction(async (r) => {
    const m = await r.merchants.bySlug(slug);
    if (!m) return err({ code: "not_found", entity: "merchant", id: slug });
    const k = await r.apiKeys.revoke(m.id, idOrPrefix, deps.clock.now());
    return k ? ok(k) : err({ code: "not_found", entity: "active api key", id: idOrPrefix });
  });
}

const TOUCH_EVERY_MS = 60_000;

/** The key behind a bearer token, if it exists and is not revoked. */
export async function authenticate(deps: Deps, token: string): Promise<ApiKeyRecord | null> {
  const now = deps.clock.now();
  const key = await deps.store.read.apiKeys.activeByHash(hashApiKey(token), now);
  // "Last used" is kept to the minute (touch writes only when older): skip the round trip when it is fresh.
  const stale = !key?.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= TOUCH_EVERY_MS;
  if (key && stale) await deps.store.read.apiKeys.touch(key.id, now);
  return key;
}
