/** The back office's roles, and what each may do. Pure data: the HTTP layer asks `may()`. */
export const STAFF_ROLES = ["owner", "manager", "agent", "warehouse", "vendor"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const isStaffRole = (v: unknown): v is StaffRole =>
  typeof v === "string" && STAFF_ROLES.some((r) => r === v);

/**
 * What an action needs. `read` is every GET; the rest group the commands by who does them in a
 * merchant's team: `reports` (the managers' dashboard) is for managers, owners and vendors (their own figures); agents decide and refund, the warehouse receives and inspects, managers also run
 * policies, settings and invite staff, the owner also makes owners and managers and holds the API keys.
 */
export const PERMISSIONS = [
  "read",
  "returns:decide",
  "returns:receive",
  "refunds:write",
  "policies:write",
  "settings",
  "reports",
  "accounts",
  "api_keys",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Readonly<Record<StaffRole, readonly Permission[]>> = {
  owner: PERMISSIONS,
  manager: [
    "read",
    "returns:decide",
    "returns:receive",
    "refunds:write",
    "policies:write",
    "settings",
    "reports",
    "accounts",
  ],
  agent: ["read", "returns:decide", "refunds:write"],
  warehouse: ["read", "returns:receive"],
  /**
   * A marketplace vendor decides, receives, inspects and refunds its own cases (its own inspection
   * and refund liability) and sees its own figures; vendor-reach.ts keeps it to those cases.
   */
  vendor: ["read", "returns:decide", "returns:receive", "refunds:write", "reports"],
};

export const may = (role: StaffRole, p: Permission): boolean => GRANTS[role].includes(p);

/**
 * What a role may do on its own things only, beyond its grants: a vendor writes its own vendor's
 * return policies (vendor-reach.ts and the policy use cases hold it to them). Not a grant, so the
 * back office's merchant-wide policy editor stays hidden from it.
 */
const OWN_GRANTS: Readonly<Partial<Record<StaffRole, readonly Permission[]>>> = {
  vendor: ["policies:write"],
};

export const mayOnOwn = (role: StaffRole, p: Permission): boolean => OWN_GRANTS[role]?.includes(p) ?? false;

export const permissionsOf = (role: StaffRole): readonly Permission[] => GRANTS[role];

/** Roles an account of `role` may give in an invitation or a role change. */
export function assignableRoles(role: StaffRole): readonly StaffRole[] {
  if (role === "owner") return STAFF_ROLES;
  if (role === "manager") return ["agent", "warehouse", "vendor"];
  return [];
}

const DECIDE = /^\/returns\/[^/]+\/(approve|reject|review|cancel|close|expire|notes)$/;
const RECEIVE = /^\/(returns\/[^/]+\/(ship|receive|inspect|photos)|blind-receipts(\/[^/]+\/match)?)$/;
const MONEY =
  /^\/(returns\/[^/]+\/(resolve|refunds|refund-preview)|settlements(\/.*)?|payouts(\/.*)?|customers\/[^/]+\/store-credit\/redeem)$/;

/**
 * The permission a request of the merchant API (path after /api/v1) needs. Reads need `read`;
 * anything not named here changes the merchant's set-up and needs `settings`.
 */
export function permissionFor(method: string, path: string): Permission {
  if ((method === "GET" || method === "HEAD") && /^\/reports(\/.*)?$/.test(path)) return "reports";
  if (method === "GET" || method === "HEAD") return "read";
  if (path === "/returns/preview" || /^\/returns\/[^/]+\/refund-preview$/.test(path)) return "read";
  if (path === "/returns" || DECIDE.test(path)) return "returns:decide";
  if (RECEIVE.test(path) || /^\/returns\/[^/]+\/(shipments|route)(\/.*)?$/.test(path))
    return "returns:receive";
  if (MONEY.test(path)) return "refunds:write";
  if (/^\/(policies|extenuating-events)(\/.*)?$/.test(path)) return "policies:write";
  return "settings";
}
