import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_STAFF, seedDemoStaff } from "../../../src/app/demo/demo-staff.ts";
import { createMerchant } from "../../../src/app/merchants.ts";
import { signIn } from "../../../src/app/staff/sign-in.ts";
import { describeEachDb } from "../../support/databases.ts";
import { type Harness, startHarness } from "../../support/harness.ts";

describeEachDb("demo back-office accounts", (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(() => h.close());

  it("creates one account per role with the README's passwords, once", async () => {
    expect(await seedDemoStaff(h.deps)).toBe(0);
    const m = await createMerchant(h.deps, { slug: "demo", name: "Northwind" });
    if (!m.ok) throw new Error("no merchant");
    expect(await seedDemoStaff(h.deps)).toBe(5);
    expect(await seedDemoStaff(h.deps)).toBe(0);
    const roles = [];
    for (const a of DEMO_STAFF) {
      const r = await signIn(h.deps, { email: a.email, password: a.password, ip: "127.0.0.1" });
      expect(r.kind, a.email).toBe("signed_in");
      if (r.kind === "signed_in") roles.push(r.signedIn.account.role);
    }
    expect(roles).toEqual(["owner", "manager", "agent", "warehouse", "vendor"]);
  });
});
