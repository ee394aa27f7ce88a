import { and, count, desc, eq, gte, isNull } from "drizzle-orm";
import type { StaffAccount, StaffInvitation, StaffRepo } from "../../app/staff/records.ts";
import { isStaffRole, type StaffRole } from "../../domain/staff/roles.ts";
import type { Executor } from "./database.ts";
import { staffAccounts, staffInvitations, staffLogins, staffSessions } from "./schema.ts";

const role = (r: string): StaffRole => {
  if (!isStaffRole(r)) throw new Error(`unknown staff role ${r} in the database`);
  return r;
};

const toAccount = (r: typeof staffAccounts.$inferSelect): StaffAccount => ({
  id: r.id,
  merchantId: r.merchantId,
  email: r.email,
  name: r.name,
  role: role(r.role),
  vendor: r.vendor,
  totpEnabled: r.totpEnabled,
  disabledAt: r.disabledAt,
  createdAt: r.createdAt,
});

const toInvitation = (r: typeof staffInvitations.$inferSelect): StaffInvitation => ({
  id: r.id,
  merchantId: r.merchantId,
  email: r.email,
  role: role(r.role),
  vendor: r.vendor,
  invitedBy: r.invitedBy,
  createdAt: r.createdAt,
  expiresAt: r.expiresAt,
  acceptedAt: r.acceptedAt,
  revokedAt: r.revokedAt,
});

export function staffRepo(db: Executor): StaffRepo {
  return {
    async insertAccount(a, passwordHash) {
      await db.insert(staffAccounts).values({ ...a, passwordHash });
    },
    async accountById(id) {
      const [r] = await db.select().from(staffAccounts).where(eq(staffAccounts.id, id));
      return r ? toAccount(r) : null;
    },
    async accountByEmail(email) {
      const [r] = await db.select().from(staffAccounts).where(eq(staffAccounts.email, email));
      return r
        ? {
            ...toAccount(r),
            passwordHash: r.passwordHash,
            totpSecret: r.totpSecret,
            failedLogins: r.failedLogins,
            lockedUntil: r.lockedUntil,
          }
        : null;
    },
    async credentials(id) {
      const [r] = await db.select().from(staffAccounts).where(eq(staffAccounts.id, id));
      return r
        ? {
            passwordHash: r.passwordHash,
            totpSecret: r.totpSecret,
            failedLogins: r.failedLogins,
            lockedUntil: r.lockedUntil,
          }
        : null;
    },
    listAccounts: async (merchantId) =>
      (
        await db
          .select()
          .from(staffAccounts)
          .where(eq(staffAccounts.merchantId, merchantId))
          .orderBy(staffAccounts.email)
      ).map(toAccount),
    async updateAccount(id, patch) {
      if (Object.keys(patch).length)
        await db.update(staffAccounts).set(patch).where(eq(staffAccounts.id, id));
    },
    async insertSession(s) {
      await db.insert(staffSessions).values(s);
    },
    async sessionByHash(tokenHash) {
      const [r] = await db
        .select()
        .from(staffSessions)
        .where(and(eq(staffSessions.tokenHash, tokenHash), isNull(staffSessions.revokedAt)));
      return r ?? null;
    },
    async revokeSession(tokenHash, at) {
      await db.update(staffSessions).set({ revokedAt: at }).where(eq(staffSessions.tokenHash, tokenHash));
    },
    async revokeSessionsOf(accountId, at) {
      await db
        .update(staffSessions)
        .set({ revokedAt: at })
        .where(and(eq(staffSessions.accountId, accountId), isNull(staffSessions.revokedAt)));
    },
    async insertInvitation(i, tokenHash) {
      await db.insert(staffInvitations).values({ ...i, tokenHash });
    },
    async invitationByHash(tokenHash) {
      const [r] = await db.select().from(staffInvitations).where(eq(staffInvitations.tokenHash, tokenHash));
      return r ? toInvitation(r) : null;
    },
    listInvitations: async (merchantId) =>
      (
        await db
          .select()
          .from(staffInvitations)
          .where(eq(staffInvitations.merchantId, merchantId))
          .orderBy(desc(staffInvitations.createdAt))
      ).map(toInvitation),
    async updateInvitation(id, patch) {
      await db.update(staffInvitations).set(patch).where(eq(staffInvitations.id, id));
    },
    async recordLogin(l) {
      await db.insert(staffLogins).values(l);
    },
    async failedLoginsFrom(ip, since) {
      const [r] = await db
        .select({ n: count() })
        .from(staffLogins)
        .where(and(eq(staffLogins.ip, ip), eq(staffLogins.ok, false), gte(staffLogins.at, since)));
      return Number(r?.n ?? 0);
    },
  };
}
