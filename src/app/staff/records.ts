import type { StaffRole } from "../../domain/staff/roles.ts";

/** A back-office account (never carries its password hash or TOTP secret out of the use cases). */
export interface StaffAccount {
  readonly id: string;
  readonly merchantId: string;
  readonly email: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly vendor: string | null;
  readonly totpEnabled: boolean;
  readonly disabledAt: Date | null;
  readonly createdAt: Date;
}

/** What sign-in needs besides the account. */
export interface StaffCredentials {
  readonly passwordHash: string;
  readonly totpSecret: string | null;
  readonly failedLogins: number;
  readonly lockedUntil: Date | null;
}

export interface StaffSession {
  readonly tokenHash: string;
  readonly accountId: string;
  readonly csrfToken: string;
  readonly pendingTotp: boolean;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

export interface StaffInvitation {
  readonly id: string;
  readonly merchantId: string;
  readonly email: string;
  readonly role: StaffRole;
  readonly vendor: string | null;
  readonly invitedBy: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly acceptedAt: Date | null;
  readonly revokedAt: Date | null;
}

export interface StaffRepo {
  insertAccount(a: StaffAccount, passwordHash: string): Promise<void>;
  accountById(id: string): Promise<StaffAccount | null>;
  accountByEmail(email: string): Promise<(StaffAccount & StaffCredentials) | null>;
  credentials(id: string): Promise<StaffCredentials | null>;
  listAccounts(merchantId: string): Promise<StaffAccount[]>;
  updateAccount(
    id: string,
    patch: Partial<{
      role: StaffRole;
      vendor: string | null;
      name: string;
      disabledAt: Date | null;
      passwordHash: string;
      totpSecret: string | null;
      totpEnabled: boolean;
      failedLogins: number;
      lockedUntil: Date | null;
    }>,
  ): Promise<void>;
  insertSession(s: StaffSession): Promise<void>;
  sessionByHash(tokenHash: string): Promise<StaffSession | null>;
  revokeSession(tokenHash: string, at: Date): Promise<void>;
  revokeSessionsOf(accountId: string, at: Date): Promise<void>;
  insertInvitation(i: StaffInvitation, tokenHash: string): Promise<void>;
  invitationByHash(tokenHash: string): Promise<StaffInvitation | null>;
  listInvitations(merchantId: string): Promise<StaffInvitation[]>;
  updateInvitation(id: string, patch: { acceptedAt?: Date; revokedAt?: Date }): Promise<void>;
  recordLogin(l: { email: string; ip: string; ok: boolean; at: Date }): Promise<void>;
  failedLoginsFrom(ip: string, since: Date): Promise<number>;
}
