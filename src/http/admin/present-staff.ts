import type { StaffAccount, StaffInvitation } from "../../app/staff/records.ts";
import { permissionsOf } from "../../domain/staff/roles.ts";

export const presentAccount = (a: StaffAccount) => ({
  id: a.id,
  email: a.email,
  name: a.name,
  role: a.role,
  vendor: a.vendor,
  totpEnabled: a.totpEnabled,
  disabled: a.disabledAt !== null,
  createdAt: a.createdAt.toISOString(),
});

export const presentMe = (a: StaffAccount, csrfToken: string) => ({
  account: presentAccount(a),
  permissions: permissionsOf(a.role),
  csrfToken,
});

export const presentInvitation = (i: StaffInvitation, now: Date) => ({
  id: i.id,
  email: i.email,
  role: i.role,
  vendor: i.vendor,
  createdAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
  status: i.acceptedAt ? "accepted" : i.revokedAt ? "revoked" : i.expiresAt <= now ? "expired" : "open",
});
