import { permissionFor } from "./staff/roles.ts";

/** What an API key may do (issue 8 point 11). A key holds one or more; `settings` is the widest. */
export const API_KEY_SCOPES = [
  "read",
  "returns:write",
  "refunds:write",
  "payouts:approve",
  "settings",
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const isApiKeyScope = (v: unknown): v is ApiKeyScope =>
  typeof v === "string" && API_KEY_SCOPES.some((s) => s === v);

const PAYOUT_APPROVAL = /^\/(settlements\/[^/]+\/approve|payouts(\/.*)?)$/;

/**
 * The scope a merchant-API request (path after /api/v1) needs, from the same mapping as the staff
 * roles (`permissionFor`): reads and reports → read; deciding and receiving → returns:write; money →
 * refunds:write except payout approvals and exports → payouts:approve; everything else → settings.
 */
export function scopeFor(method: string, path: string): ApiKeyScope {
  const p = permissionFor(method, path);
  if (p === "read" || p === "reports") return "read";
  if (p === "returns:decide" || p === "returns:receive") return "returns:write";
  if (p === "refunds:write") return PAYOUT_APPROVAL.test(path) ? "payouts:approve" : "refunds:write";
  return "settings";
}
