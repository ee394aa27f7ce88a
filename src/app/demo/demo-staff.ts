import type { StaffRole } from "../../domain/staff/roles.ts";
import type { Deps } from "../ports/index.ts";
import { insertAccount } from "../staff/accounts.ts";
import { DEMO_SLUG } from "./demo-merchant.ts";

/** One back-office account per role, with public passwords (README): demo only, never in production. */
export const DEMO_STAFF: readonly {
  email: string;
  name: string;
  role: StaffRole;
  vendor?: string;
  password: string;
}[] = [
  { email: "owner@demo.crossback.dev", name: "Olivia Owner", role: "owner", password: "northwind-boss-2026" },
  {
    email: "manager@demo.crossback.dev",
    name: "Max Manager",
    role: "manager",
    password: "northwind-lead-2026",
  },
  { email: "agent@demo.crossback.dev", name: "Ada Agent", role: "agent", password: "northwind-care-2026" },
  {
    email: "warehouse@demo.crossback.dev",
    name: "Wim Warehouse",
    role: "warehouse",
    password: "northwind-dock-2026",
  },
  {
    email: "vendor@demo.crossback.dev",
    name: "Kaito (Kyoto Ceramics)",
    role: "vendor",
    vendor: "kyoto-ceramics",
    password: "kyoto-ceramics-2026",
  },
];

/** Adds the demo accounts to the demo merchant when it has none yet (also on an older demo database). */
export async function seedDemoStaff(deps: Deps): Promise<number> {
  const m = await deps.store.read.merchants.bySlug(DEMO_SLUG);
  if (!m || (await deps.store.read.staff.listAccounts(m.id)).length > 0) return 0;
  return deps.store.transaction(async (r) => {
    for (const a of DEMO_STAFF) {
      const created = await insertAccount(deps, r, { ...a, merchantId: m.id });
      if (!created.ok) throw new Error(`demo account ${a.email} refused: ${JSON.stringify(created.error)}`);
    }
    return DEMO_STAFF.length;
  });
}
