import { bigint, boolean, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ts } from "./schema-columns.ts";
import { merchants } from "./schema-commerce.ts";

/** A person of the merchant's team (or a marketplace vendor) who signs in to the back office. */
export const staffAccounts = pgTable(
  "staff_accounts",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    /** Lower-cased; one account per address across the installation (it is the login). */
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role").notNull(),
    /** The vendor a `vendor` account acts for (products' `vendor`). */
    vendor: text("vendor"),
    /** argon2id, PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`). */
    passwordHash: text("password_hash").notNull(),
    /** Base32 TOTP secret; `totp_enabled` once the first code was confirmed. */
    totpSecret: text("totp_secret"),
    totpEnabled: boolean("totp_enabled").notNull().default(false),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: ts("locked_until"),
    disabledAt: ts("disabled_at"),
    createdAt: ts("created_at").notNull(),
  },
  (t) => [uniqueIndex().on(t.email), index().on(t.merchantId)],
);

/** A signed-in browser: the cookie holds a random token, the database only its SHA-256. */
export const staffSessions = pgTable(
  "staff_sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => staffAccounts.id),
    /** Synchronizer token every state-changing request must echo in `x-csrf-token`. */
    csrfToken: text("csrf_token").notNull(),
    /** Password checked, TOTP code still due: the session may do nothing but send it. */
    pendingTotp: boolean("pending_totp").notNull().default(false),
    createdAt: ts("created_at").notNull(),
    expiresAt: ts("expires_at").notNull(),
    revokedAt: ts("revoked_at"),
  },
  (t) => [index().on(t.accountId)],
);

/** An invitation sent by e-mail: the link carries a random token, the database its SHA-256. */
export const staffInvitations = pgTable(
  "staff_invitations",
  {
    id: uuid("id").primaryKey(),
    merchantId: uuid("merchant_id")
      .notNull()
      .references(() => merchants.id),
    email: text("email").notNull(),
    role: text("role").notNull(),
    vendor: text("vendor"),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: uuid("invited_by").references(() => staffAccounts.id),
    createdAt: ts("created_at").notNull(),
    expiresAt: ts("expires_at").notNull(),
    acceptedAt: ts("accepted_at"),
    revokedAt: ts("revoked_at"),
  },
  (t) => [index().on(t.merchantId)],
);

/** Every sign-in attempt: the per-address rate limit and the security log. */
export const staffLogins = pgTable(
  "staff_logins",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    ok: boolean("ok").notNull(),
    at: ts("at").notNull(),
  },
  (t) => [index().on(t.ip, t.at)],
);
