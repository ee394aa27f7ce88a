import { type DomainError, invalid } from "../../domain/errors.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import type { Deps } from "../ports/index.ts";
import type { StaffAccount } from "./records.ts";
import { newTotpSecret, otpauthUri, verifyTotp } from "./totp.ts";

/** Step 1: a new secret, kept but not yet in force, and the URI to scan. */
export async function beginTotp(
  deps: Deps,
  account: StaffAccount,
  issuer: string,
): Promise<Result<{ secret: string; uri: string }, DomainError>> {
  if (account.totpEnabled) return err(invalid("totp", "is already on; turn it off first"));
  const secret = newTotpSecret();
  await deps.store.transaction((r) => r.staff.updateAccount(account.id, { totpSecret: secret }));
  return ok({ secret, uri: otpauthUri(issuer, account.email, secret) });
}

/** Step 2: the first code from the app proves it holds the secret; from now on sign-in asks for it. */
export async function confirmTotp(
  deps: Deps,
  account: StaffAccount,
  code: string,
): Promise<Result<null, DomainError>> {
  const creds = await deps.store.read.staff.credentials(account.id);
  if (!creds?.totpSecret || account.totpEnabled) return err(invalid("code", "start setting up first"));
  if (!verifyTotp(creds.totpSecret, code.trim(), deps.clock.now()))
    return err(invalid("code", "is not the current code of your app"));
  await deps.store.transaction((r) => r.staff.updateAccount(account.id, { totpEnabled: true }));
  return ok(null);
}

/** Turning it off needs a current code too. */
export async function disableTotp(
  deps: Deps,
  account: StaffAccount,
  code: string,
): Promise<Result<null, DomainError>> {
  const creds = await deps.store.read.staff.credentials(account.id);
  if (!creds?.totpSecret || !account.totpEnabled) return err(invalid("code", "two-step sign-in is not on"));
  if (!verifyTotp(creds.totpSecret, code.trim(), deps.clock.now()))
    return err(invalid("code", "is not the current code of your app"));
  await deps.store.transaction((r) =>
    r.staff.updateAccount(account.id, { totpEnabled: false, totpSecret: null }),
  );
  return ok(null);
}
