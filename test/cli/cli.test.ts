import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { crossback, killHard, serve } from "../support/cli.ts";
import { cliEnvironment } from "../support/cli-env.ts";
import { describeEachDb } from "../support/databases.ts";

const HEADER =
  "order_id,placed_at,currency,customer_email,ship_country,ship_region,taxes_included,line_id,sku,title,quantity,unit_price,line_tax,line_discount,shipping_amount,fulfilment_id,delivered_at,tender_kind,tender_provider,tender_reference,tender_amount";
const GOOD = [
  "A-1,2026-03-01T10:00:00Z,EUR,a@example.de,DE,,true,1,TEE,Tee,2,20.00,6.39,0,4.90,P1,2026-03-03T10:00:00Z,card,stripe,pi_1,44.90",
  "A-1,,,,,,,2,CAP,Cap,1,0.00,0,0,,P1,,,,,",
  "B-1,2026-03-02T10:00:00Z,USD,b@example.com,US,CA,false,1,MUG,Mug,1,10.00,0.73,0,5.00,,,card,adyen,psp_1,15.73",
];

describeEachDb("the crossback command", (kind) => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ env, cleanup } = await cliEnvironment(kind)));
  afterAll(() => cleanup());

  it("creates merchants and API keys, prints the key alone on its last line, lists and revokes", async () => {
    const m = await crossback(["merchants", "create", "acme", "--name", "Acme GmbH"], env);
    expect(m.code, m.stderr).toBe(0);
    expect((await crossback(["merchants", "create", "acme", "--name", "Again"], env)).code).toBe(1);
    const k = await crossback(["api-key", "create", "--merchant", "acme", "--name", "shop"], env);
    expect(k.code, k.stderr).toBe(0);
    const key = k.stdout.trim().split("\n").at(-1) ?? "";
    expect(key).toMatch(/^cb_live_[A-Za-z0-9_-]{32}$/);
    const list = await crossback(["api-key", "list", "--merchant", "acme"], env);
    expect(list.stdout).toContain(key.slice(0, 16));
    expect(list.stdout).not.toContain(key);
    expect(list.stdout).toContain("active");
    const revoke = await crossback(["api-key", "revoke", key.slice(0, 16), "--merchant", "acme"], env);
    expect(revoke.code, revoke.stderr).toBe(0);
    expect((await crossback(["api-key", "list", "--merchant", "acme"], env)).stdout).toContain("revoked");
    expect((await crossback(["api-key", "create", "--merchant", "nobody"], env)).code).toBe(1);
  });

  it("creates a key with --scopes and --expires-in-days, and refuses bad values naming the flag", async () => {
    const before = (await crossback(["api-key", "list", "--merchant", "acme"], env)).stdout;
    for (const [args, flag, shown] of [
      [["--scopes", "read,bogus"], "--scopes", '"bogus"'],
      [["--scopes", ","], "--scopes", "at least one"],
      [["--expires-in-days", "0"], "--expires-in-days", '"0"'],
      [["--expires-in-days", "2.5"], "--expires-in-days", '"2.5"'],
      [["--expires-in-days", "3651"], "--expires-in-days", '"3651"'],
    ] as const) {
      const bad = await crossback(["api-key", "create", "--merchant", "acme", ...args], env);
      expect(bad.code, bad.stderr).toBe(2);
      expect(bad.stderr).toContain(`${flag}:`);
      expect(bad.stderr).toContain(shown);
    }
    expect((await crossback(["api-key", "list", "--merchant", "acme"], env)).stdout).toBe(before);

    const k = await crossback(
      [
        "api-key",
        "create",
        "--merchant",
        "acme",
        "--name",
        "reader",
        "--scopes",
        "read, refunds:write",
        "--expires-in-days",
        "30",
      ],
      env,
    );
    expect(k.code, k.stderr).toBe(0);
    const key = k.stdout.trim().split("\n").at(-1) ?? "";
    expect(key).toMatch(/^cb_live_/);
    const row = (await crossback(["api-key", "list", "--merchant", "acme"], env)).stdout
      .split("\n")
      .find((l) => l.includes(key.slice(0, 16)));
    expect(row).toContain("\tread,refunds:write\t");
    expect(row).toMatch(/\texpires \d{4}-/);
  });

  it("imports orders from CSV all-or-nothing, reporting errors per row", async () => {
    const file = join(tmpdir(), `orders-${process.pid}-${kind}.csv`);
    writeFileSync(
      file,
      [
        HEADER,
        ...GOOD,
        "C-1,2026-03-02T10:00:00Z,JPY,c@example.jp,JP,,true,1,CUP,Cup,0,1990.5,0,0,0,,,,,,",
      ].join("\n"),
    );
    const bad = await crossback(["import", "orders", file, "--merchant", "acme"], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("line 5: quantity:");
    expect(bad.stderr).toContain("line 5: unit_price: JPY has no minor unit");
    expect(bad.stderr).toContain("nothing imported");

    const skip = await crossback(["import", "orders", file, "--merchant", "acme", "--skip-invalid"], env);
    expect(skip.code, skip.stderr).toBe(0);
    expect(skip.stdout).toContain("imported 2 order(s) from 4 row(s), skipped 1 invalid order(s)");

    writeFileSync(file, [HEADER, ...GOOD].join("\n"));
    const again = await crossback(["import", "orders", file, "--merchant", "acme"], env);
    expect(again.code, again.stderr).toBe(0);
  });

  // PostgreSQL needs no lock of ours: only the embedded database has this test.
  if (kind === "pglite")
    it("refuses a second process on the same data directory, and takes over a dead one's lock", async () => {
      const server = await serve(env);
      const second = await crossback(["merchants", "list"], env);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/in use by process \d+/);
      await killHard(server);
      const after = await crossback(["merchants", "list"], env);
      expect(after.code, after.stderr).toBe(0);
      expect(after.stdout).toContain("acme");
    });
});
