import type { Deps } from "../ports/index.ts";
import { burnPasswordCheck, verifyPassword } from "./passwords.ts";
import type { StaffAccount } from "./records.ts";
import { openSession, type SignedIn, tokenHash } from "./sessions.ts";
import { verifyTotp } from "./totp.ts";

/** Consecutive failures (password or TOTP code) that lock an account, and for how long. */
export const LOCK_AFTER = 5;
export const LOCK_MINUTES = 15;
/** Failed sign-ins from one address within the window before it must wait. */
export const IP_FAILURES = 20;
export const IP_WINDOW_MINUTES = 15;

export type SignInOutcome =
  | { readonly kind: "signed_in"; readonly token: string; readonly signedIn: SignedIn }
  | { readonly kind: "totp_required"; readonly token: string; readonly signedIn: SignedIn }
  | { readonly kind: "invalid" }
  | { readonly kind: "locked"; readonly retryAfterSeconds: number }
  | { readonly kind: "rate_limited"; readonly retryAfterSeconds: number };

const secondsUntil = (until: Date, now: Date) =>
  Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

/** A failure counts against the account; the fifth in a row locks it. */
async function fail(deps: Deps, account: StaffAccount, failedBefore: number): Promise<void> {
  const failed = failedBefore + 1;
  const now = deps.clock.now();
  const lockedUntil = failed >= LOCK_AFTER ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
  await deps.store.transaction((r) =>
    r.staff.updateAccount(account.id, { failedLogins: lockedUntil ? 0 : failed, lockedUntil }),
  );
}

/** Email and password → a session (or a pending one that still needs the TOTP code). */
export async function signIn(
  deps: Deps,
  input: { email: string; password: string; ip: string },
): Promise<SignInOutcome> {
  const now = deps.clock.now();
  const email = input.email.trim().toLowerCase();
  const since = new Date(now.getTime() - IP_WINDOW_MINUTES * 60_000);
  if ((await deps.store.read.staff.failedLoginsFrom(input.ip, since)) >= IP_FAILURES)
    return { kind: "rate_limited", retryAfterSeconds: IP_WINDOW_MINUTES * 60 };
  const record = await deps.store.read.staff.accountByEmail(email);
  const log = (ok: boolean) =>
    deps.store.transaction((r) => r.staff.recordLogin({ email, ip: input.ip, ok, at: now }));
  if (!record || record.disabledAt) {
    await burnPasswordCheck(input.password);
    await log(false);
    return { kind: "invalid" };
  }
  if (record.lockedUntil && record.lockedUntil > now) {
    await log(false);
    return { kind: "locked", retryAfterSeconds: secondsUntil(record.lockedUntil, now) };
  }
  if (!(await verifyPassword(input.password, record.passwordHash))) {
    await log(false);
    await fail(deps, record, record.failedLogins);
    return { kind: "invalid" };
  }
  const pending = record.totpEnabled && record.totpSecret !== null;
  return deps.store.transaction(async (r) => {
    await r.staff.recordLogin({ email, ip: input.ip, ok: true, at: now });
    if (!pending) await r.staff.updateAccount(record.id, { failedLogins: 0, lockedUntil: null });
    const { token, session } = await openSession(deps, r, record, pending);
    const signedIn = { session, account: record };
    return pending ? { kind: "totp_required", token, signedIn } : { kind: "signed_in", token, signedIn };
  });
}

/** The second step: the TOTP code turns the pending session into a new, full one. */
export async function completeTotp(
  deps: Deps,
  pendingToken: string,
  pending: SignedIn,
  code: string,
): Promise<SignInOutcome> {
  const now = deps.clock.now();
  const creds = await deps.store.read.staff.credentials(pending.account.id);
  if (!creds?.totpSecret) return { kind: "invalid" };
  if (creds.lockedUntil && creds.lockedUntil > now)
    return { kind: "locked", retryAfterSeconds: secondsUntil(creds.lockedUntil, now) };
  if (!verifyTotp(creds.totpSecret, code.trim(), now)) {
    await fail(deps, pending.account, creds.failedLogins);
    return { kind: "invalid" };
  }
  return deps.store.transaction(async (r) => {
    await r.staff.revokeSession(tokenHash(pendingToken), now);
    await r.staff.updateAccount(pending.account.id, { failedLogins: 0, lockedUntil: null });
    const { token, session } = await openSession(deps, r, pending.account, false);
    return { kind: "signed_in", token, signedIn: { session, account: pending.account } };
  });
}
