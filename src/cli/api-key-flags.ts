import { API_KEY_SCOPES, type ApiKeyScope, isApiKeyScope } from "../domain/api-key-scopes.ts";

const MAX_DAYS = 3650;

/** What `api-key create` takes beyond the name: scopes (default every one) and an optional expiry. */
export interface ApiKeyOptions {
  readonly scopes?: readonly ApiKeyScope[];
  readonly expiresInDays?: number;
}

/**
 * `--scopes read,refunds:write` (comma-separated, at least one, each known) and
 * `--expires-in-days N` (a whole number from 1 to 3650, as the back office takes). A refusal is a
 * message naming the flag.
 */
export function parseApiKeyFlags(flags: {
  readonly scopes?: string | undefined;
  readonly "expires-in-days"?: string | undefined;
}): ApiKeyOptions | { readonly error: string } {
  const out: { scopes?: ApiKeyScope[]; expiresInDays?: number } = {};
  if (flags.scopes !== undefined) {
    const parts = flags.scopes
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    const unknown = parts.filter((s) => !isApiKeyScope(s));
    if (parts.length === 0 || unknown.length > 0)
      return {
        error: `--scopes: ${parts.length === 0 ? "give at least one scope" : `unknown scope ${unknown.map((s) => `"${s}"`).join(", ")}`}; one or more of ${API_KEY_SCOPES.join(", ")}, comma-separated`,
      };
    out.scopes = [...new Set(parts.filter(isApiKeyScope))];
  }
  const days = flags["expires-in-days"];
  if (days !== undefined) {
    const n = /^[0-9]+$/.test(days.trim()) ? Number(days.trim()) : Number.NaN;
    if (!Number.isInteger(n) || n < 1 || n > MAX_DAYS)
      return {
        error: `--expires-in-days: must be a whole number of days from 1 to ${MAX_DAYS}, got "${days}"`,
      };
    out.expiresInDays = n;
  }
  return out;
}
