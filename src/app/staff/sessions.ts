import { createHash, randomBytes } from "node:crypto";
import type { Deps, Repos } from "../ports/index.ts";
import type { StaffAccount, StaffSession } from "./records.ts";

export const SESSION_HOURS = 12;
/** How long a password-checked session waits for its TOTP code. */
export const PENDING_MINUTES = 5;

export const tokenHash = (token: string): string => createHash("sha256").update(token).digest("hex");
export const newToken = (): string => randomBytes(32).toString("base64url");

/** A brand-new session (never one the browser brought along: no session fixation). */
export async function openSession(
  deps: Deps,
  r: Repos,
  account: StaffAccount,
  pendingTotp: boolean,
): Promise<{ token: string; session: StaffSession }> {
  const token = newToken();
  const now = deps.clock.now();
  const ms = pendingTotp ? PENDING_MINUTES * 60_000 : SESSION_HOURS * 3_600_000;
  const session: StaffSession = {
    tokenHash: tokenHash(token),
    accountId: account.id,
    csrfToken: randomBytes(24).toString("base64url"),
    pendingTotp,
    createdAt: now,
    expiresAt: new Date(now.getTime() + ms),
  };
  await r.staff.insertSession(session);
  return { token, session };
}

export interface SignedIn {
  readonly session: StaffSession;
  readonly account: StaffAccount;
}

/** The session and account behind a cookie's token: null when unknown, revoked, expired or disabled. */
export async function resolveSession(deps: Deps, token: string): Promise<SignedIn | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const session = await deps.store.read.staff.sessionByHash(tokenHash(token));
  if (!session || session.expiresAt <= deps.clock.now()) return null;
  const account = await deps.store.read.staff.accountById(session.accountId);
  if (!account || account.disabledAt) return null;
  return { session, account };
}

export async function signOut(deps: Deps, token: string): Promise<void> {
  await deps.store.transaction((r) => r.staff.revokeSession(tokenHash(token), deps.clock.now()));
}
