import { createHash, randomBytes } from "node:crypto";
import { type DomainError, invalid } from "../../domain/errors.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import { assignableRoles, type StaffRole } from "../../domain/staff/roles.ts";
import type { Deps } from "../ports/index.ts";
import { insertAccount, normaliseEmail, vendorProblem } from "./accounts.ts";
import type { StaffAccount, StaffInvitation } from "./records.ts";
import { openSession } from "./sessions.ts";

export const INVITATION_DAYS = 7;
const hash = (t: string) => createHash("sha256").update(t).digest("hex");

/** An invitation for an address and role; the token is returned once (it goes into the e-mailed link). */
export async function invite(
  deps: Deps,
  by: StaffAccount,
  input: { email: string; role: StaffRole; vendor?: string | null },
): Promise<Result<{ invitation: StaffInvitation; token: string }, DomainError>> {
  const email = normaliseEmail(input.email);
  if (!email.ok) return email;
  if (!assignableRoles(by.role).includes(input.role))
    return err(invalid("role", `a ${by.role} cannot invite a ${input.role}`));
  const v = vendorProblem(input.role, input.vendor);
  if (v) return err(v);
  const token = randomBytes(32).toString("base64url");
  const now = deps.clock.now();
  return deps.store.transaction(async (r) => {
    if (await r.staff.accountByEmail(email.value)) return err(invalid("email", "already has an account"));
    const invitation: StaffInvitation = {
      id: deps.ids.next(),
      merchantId: by.merchantId,
      email: email.value,
      role: input.role,
      vendor: input.vendor?.trim() || null,
      invitedBy: by.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
      acceptedAt: null,
      revokedAt: null,
    };
    await r.staff.insertInvitation(invitation, hash(token));
    return ok({ invitation, token });
  });
}

/** The open invitation behind a link's token, or not_found (unknown, used, revoked or expired). */
export async function openInvitation(
  deps: Deps,
  token: string,
): Promise<Result<StaffInvitation, DomainError>> {
  const i = /^[A-Za-z0-9_-]{20,100}$/.test(token)
    ? await deps.store.read.staff.invitationByHash(hash(token))
    : null;
  if (!i || i.acceptedAt || i.revokedAt || i.expiresAt <= deps.clock.now())
    return err({ code: "not_found", entity: "invitation", id: "link" });
  return ok(i);
}

/** The invitee chooses a name and password: the account is created and signed in. */
export async function acceptInvitation(
  deps: Deps,
  input: { token: string; name: string; password: string },
): Promise<Result<{ account: StaffAccount; token: string; csrfToken: string }, DomainError>> {
  const open = await openInvitation(deps, input.token);
  if (!open.ok) return open;
  const i = open.value;
  return deps.store.transaction(async (r) => {
    const created = await insertAccount(deps, r, { ...i, name: input.name, password: input.password });
    if (!created.ok) return created;
    await r.staff.updateInvitation(i.id, { acceptedAt: deps.clock.now() });
    const { token, session } = await openSession(deps, r, created.value, false);
    return ok({ account: created.value, token, csrfToken: session.csrfToken });
  });
}

export async function revokeInvitation(
  deps: Deps,
  by: StaffAccount,
  id: string,
): Promise<Result<null, DomainError>> {
  return deps.store.transaction(async (r) => {
    const all = await r.staff.listInvitations(by.merchantId);
    const i = all.find((x) => x.id === id && !x.acceptedAt && !x.revokedAt);
    if (!i) return err({ code: "not_found", entity: "invitation", id });
    await r.staff.updateInvitation(id, { revokedAt: deps.clock.now() });
    return ok(null);
  });
}
