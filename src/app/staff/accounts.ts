import { type DomainError, invalid } from "../../domain/errors.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import { assignableRoles, type StaffRole } from "../../domain/staff/roles.ts";
import type { Deps, Repos } from "../ports/index.ts";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords.ts";
import type { StaffAccount } from "./records.ts";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(email: string): Result<string, DomainError> {
  const e = email.trim().toLowerCase();
  return EMAIL.test(e) && e.length <= 254 ? ok(e) : err(invalid("email", "is not an e-mail address"));
}

export function vendorProblem(role: StaffRole, vendor: string | null | undefined): DomainError | null {
  if (role === "vendor" && !vendor?.trim()) return invalid("vendor", "is required for a vendor account");
  if (role !== "vendor" && vendor) return invalid("vendor", "only vendor accounts act for a vendor");
  return null;
}

/** Creates an account inside the caller's transaction (invitation accepted, demo seed, CLI). */
export async function insertAccount(
  deps: Deps,
  r: Repos,
  input: {
    merchantId: string;
    email: string;
    name: string;
    role: StaffRole;
    vendor?: string | null;
    password: string;
  },
): Promise<Result<StaffAccount, DomainError>> {
  const email = normaliseEmail(input.email);
  if (!email.ok) return email;
  if (!input.name.trim()) return err(invalid("name", "is required"));
  const weak = passwordProblem(input.password, email.value);
  if (weak) return err(invalid("password", weak));
  const v = vendorProblem(input.role, input.vendor);
  if (v) return err(v);
  if (await r.staff.accountByEmail(email.value)) return err(invalid("email", "already has an account"));
  const account: StaffAccount = {
    id: deps.ids.next(),
    merchantId: input.merchantId,
    email: email.value,
    name: input.name.trim(),
    role: input.role,
    vendor: input.vendor?.trim() || null,
    totpEnabled: false,
    disabledAt: null,
    createdAt: deps.clock.now(),
  };
  await r.staff.insertAccount(account, await hashPassword(input.password));
  return ok(account);
}

/** A role change or (de)activation by a colleague; nobody changes their own role or disables themself. */
export async function updateAccount(
  deps: Deps,
  by: StaffAccount,
  id: string,
  patch: { role?: StaffRole; vendor?: string | null; disabled?: boolean },
): Promise<Result<StaffAccount, DomainError>> {
  return deps.store.transaction(async (r) => {
    const target = await r.staff.accountById(id);
    if (!target || target.merchantId !== by.merchantId)
      return err({ code: "not_found", entity: "account", id });
    if (target.id === by.id) return err(invalid("id", "you cannot change your own account here"));
    const allowed = assignableRoles(by.role);
    if (!allowed.includes(target.role))
      return err(invalid("id", `a ${by.role} cannot change a ${target.role}`));
    const role = patch.role ?? target.role;
    if (!allowed.includes(role)) return err(invalid("role", `a ${by.role} cannot give the role ${role}`));
    const vendor = patch.vendor !== undefined ? patch.vendor : role === "vendor" ? target.vendor : null;
    const v = vendorProblem(role, vendor);
    if (v) return err(v);
    const now = deps.clock.now();
    const disabledAt = patch.disabled === undefined ? target.disabledAt : patch.disabled ? now : null;
    await r.staff.updateAccount(id, { role, vendor: vendor?.trim() || null, disabledAt });
    // A demoted or disabled account signs in again: its sessions end now.
    if (role !== target.role || disabledAt) await r.staff.revokeSessionsOf(id, now);
    return ok({ ...target, role, vendor: vendor?.trim() || null, disabledAt });
  });
}

export async function changePassword(
  deps: Deps,
  account: StaffAccount,
  input: { current: string; password: string },
): Promise<Result<null, DomainError>> {
  const creds = await deps.store.read.staff.credentials(account.id);
  if (!creds || !(await verifyPassword(input.current, creds.passwordHash)))
    return err(invalid("current", "is not your current password"));
  const weak = passwordProblem(input.password, account.email);
  if (weak) return err(invalid("password", weak));
  const passwordHash = await hashPassword(input.password);
  await deps.store.transaction((r) => r.staff.updateAccount(account.id, { passwordHash }));
  return ok(null);
}
