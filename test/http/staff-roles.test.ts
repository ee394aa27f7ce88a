import { afterAll, beforeAll, expect, it } from "vitest";
import { STAFF_ROLES, type StaffRole } from "../../src/domain/staff/roles.ts";
import { describeEachDb } from "../support/databases.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { type StaffClient, signInAs, staffAccount } from "../support/staff.ts";

const NO_CASE = "01900000-0000-7000-8000-000000000000";

/**
 * Each action with the roles that may do it; every other role gets 403 before any use case runs.
 * A vendor passes the role check on case actions, and then meets the vendor scope: the unknown case
 * answers 404 (vendor-isolation.test.ts shows its own cases work and anyone else's are 404).
 */
const MATRIX: readonly {
  what: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  body?: unknown;
  allowed: readonly StaffRole[];
}[] = [
  {
    what: "list returns",
    method: "GET",
    url: "/api/v1/returns",
    allowed: ["owner", "manager", "agent", "warehouse", "vendor"],
  },
  {
    what: "approve a return",
    method: "POST",
    url: `/api/v1/returns/${NO_CASE}/approve`,
    body: {},
    allowed: ["owner", "manager", "agent", "vendor"],
  },
  {
    what: "reject a return",
    method: "POST",
    url: `/api/v1/returns/${NO_CASE}/reject`,
    body: { reason: "x" },
    allowed: ["owner", "manager", "agent", "vendor"],
  },
  {
    what: "receive a parcel",
    method: "POST",
    url: `/api/v1/returns/${NO_CASE}/receive`,
    body: { lines: [] },
    allowed: ["owner", "manager", "warehouse", "vendor"],
  },
  {
    what: "inspect units",
    method: "POST",
    url: `/api/v1/returns/${NO_CASE}/inspect`,
    body: { lines: [] },
    allowed: ["owner", "manager", "warehouse", "vendor"],
  },
  {
    what: "look up a scanned parcel",
    method: "GET",
    url: "/api/v1/receiving/lookup?code=R-000001",
    allowed: ["owner", "manager", "agent", "warehouse"],
  },
  {
    what: "park a parcel without an RMA",
    method: "POST",
    url: "/api/v1/blind-receipts",
    body: { items: [] },
    allowed: ["owner", "manager", "warehouse"],
  },
  {
    what: "match a parked parcel",
    method: "POST",
    url: `/api/v1/blind-receipts/${NO_CASE}/match`,
    body: {},
    allowed: ["owner", "manager", "warehouse"],
  },
  {
    what: "add a photo to a return",
    method: "POST",
    url: `/api/v1/returns/${NO_CASE}/photos`,
    allowed: ["owner", "manager", "warehouse", "vendor"],
  },
  {
    what: "refund",
    method: "POST",
    url: `/api/v1/returns/${NO_CASE}/refunds`,
    body: {},
    allowed: ["owner", "manager", "agent", "vendor"],
  },
  {
    what: "change settings",
    method: "PUT",
    url: "/api/v1/settings",
    body: {},
    allowed: ["owner", "manager"],
  },
  {
    what: "edit a policy (a vendor: its own vendor's only, vendor-policies.test.ts)",
    method: "PUT",
    url: "/api/v1/policies/default",
    body: {},
    allowed: ["owner", "manager", "vendor"],
  },
  {
    what: "see the managers' dashboard (a vendor: its own figures)",
    method: "GET",
    url: "/api/v1/reports/refunds",
    allowed: ["owner", "manager", "vendor"],
  },
  { what: "see the team", method: "GET", url: "/api/admin/v1/accounts", allowed: ["owner", "manager"] },
  {
    what: "invite",
    method: "POST",
    url: "/api/admin/v1/invitations",
    body: { email: "x@example.com", role: "agent" },
    allowed: ["owner", "manager"],
  },
  { what: "see API keys", method: "GET", url: "/api/admin/v1/api-keys", allowed: ["owner"] },
  {
    what: "create an API key",
    method: "POST",
    url: "/api/admin/v1/api-keys",
    body: { name: "k" },
    allowed: ["owner"],
  },
];

describeEachDb("back-office role matrix", (kind) => {
  let h: Harness;
  const as = new Map<StaffRole, StaffClient>();
  beforeAll(async () => {
    h = await startHarness(kind);
    const { merchantId } = await merchantWithKey(h.deps, "acme");
    for (const role of STAFF_ROLES)
      as.set(role, await signInAs(h.app, await staffAccount(h.deps, merchantId, role)));
  });
  afterAll(() => h.close());

  for (const a of MATRIX)
    it(`${a.what}: ${a.allowed.join(", ")} may; the others get 403`, async () => {
      const seen: Record<string, string> = {};
      const want: Record<string, string> = {};
      for (const role of STAFF_ROLES) {
        const client = as.get(role);
        if (!client) throw new Error(role);
        const r = await client.call(a.method, a.url, a.body);
        seen[role] = r.status === 403 ? "403" : r.status === 401 ? "401" : "allowed";
        want[role] = a.allowed.includes(role) ? "allowed" : "403";
      }
      expect(seen).toEqual(want);
    });
});
