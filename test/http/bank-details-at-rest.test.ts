import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { fieldCipher } from "../../src/adapters/crypto/field-cipher.ts";
import { resealAtRest } from "../../src/adapters/db/reseal.ts";
import { dbStore } from "../../src/adapters/db/store.ts";
import { describeEachDb } from "../support/databases.ts";
import { databaseText } from "../support/db-text.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { GENEROUS_POLICY, type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { lookUp, portalCall, shopper } from "../support/portal.ts";

const IBAN = "DE89370400440532013000";
const HOLDER = "Ana Schmidtbauer";
const k1 = randomBytes(32);
const k2 = randomBytes(32);

/**
 * Issue 8 point 13: bank details are sealed at rest (settlements, portal cases), stored idempotent
 * responses (a SEPA file's IBANs) too; rows in clear from before are sealed on start-up, and a key
 * rotation re-seals under the new key.
 */
describeEachDb("bank details at rest", (kind) => {
  let h: Harness;
  let auth = "";
  const as = (method: "GET" | "POST" | "PUT", url: string, body?: unknown, key?: string) =>
    call(h.app, auth, method, url, body, key ? { "idempotency-key": key } : {});
  const everything = () => databaseText(h.database);

  beforeAll(async () => {
    h = await startHarness(kind, {
      now: "2026-03-10T10:00:00Z",
      secrets: fieldCipher({ currentId: "k1", keys: new Map([["k1", k1]]) }),
    });
    ({ auth } = await merchantWithKey(h.deps, "acme", {
      policy: { ...GENEROUS_POLICY, refundTrigger: "approval" },
    }));
    await as("PUT", "/api/v1/settings", {
      sepaDebtor: { name: "Acme Europe B.V.", iban: "NL91ABNA0417164300", bic: "ABNANL2A" },
      bankTransferApprovalAbove: { EUR: "1000.00" },
    });
    for (const id of ["COD-1", "COD-2"])
      expect(
        (
          await as(
            "PUT",
            `/api/v1/orders/${id}`,
            orderJson({ tenders: [{ kind: "cash_on_delivery", amount: "124.60" }] }),
          )
        ).status,
      ).toBe(201);
  });
  afterAll(() => h?.close());

  it("seals the account given through the API and the portal, the SEPA file's stored response too", async () => {
    const c = await as("POST", "/api/v1/returns", {
      orderExternalId: "COD-1",
      lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
      requestedResolution: "refund",
    });
    const approved = await as("POST", `/api/v1/returns/${c.body.id}/approve`, {});
    const s = (approved.body.settlements as Json[])[0] as Json;
    const given = await as(
      "POST",
      `/api/v1/settlements/${s.id}/bank-account`,
      { accountHolder: HOLDER, scheme: "iban", iban: "DE89 3704 0044 0532 0130 00" },
      "bank-1",
    );
    expect(given.status, JSON.stringify(given.body)).toBe(200);
    expect(given.body.status).toBe("awaiting_export");
    expect(JSON.stringify(given.body)).not.toContain(IBAN);
    expect((given.body.bankAccount as Json).masked).toBe("DE89 **** **** **** **30 00");

    // The portal: the shopper gives the account with the return.
    const shop = shopper("198.51.100.77");
    expect(
      (await lookUp(h.app, shop, "acme", { orderNumber: "COD-2", email: "ana@example.de" })).status,
    ).toBe(200);
    const submitted = await portalCall(h.app, shop, "POST", "/acme/returns", {
      lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
      resolution: "refund",
      bankAccount: { scheme: "iban", accountHolder: HOLDER, iban: IBAN },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);

    const file = await as("POST", "/api/v1/payouts/sepa-export", {}, "sepa-1");
    expect(file.status, JSON.stringify(file.body)).toBe(200);
    expect(String(file.body.xml)).toContain(IBAN); // the file itself must carry it
    const again = await as("POST", "/api/v1/payouts/sepa-export", {}, "sepa-1");
    expect(again.res.headers["idempotent-replayed"]).toBe("true");
    expect(again.body.xml).toBe(file.body.xml);

    const stored = await everything();
    expect(stored).toContain("enc:v1:k1:");
    expect(stored).not.toContain(IBAN);
    expect(stored).not.toContain("DE89 3704");
    expect(stored).not.toContain(HOLDER);
    // Still readable through the API (masked) after the round trip.
    const read = await as("GET", `/api/v1/settlements/${s.id}`);
    expect(read.body.bankAccount).toMatchObject({
      accountHolder: HOLDER,
      masked: "DE89 **** **** **** **30 00",
    });
  });

  it("seals rows written in clear before, on start-up; a rotation re-seals under the new key", async () => {
    const legacy = {
      scheme: "iban",
      iban: IBAN,
      bic: null,
      accountHolder: HOLDER,
      country: "DE",
      sepaReachable: true,
      manualPayout: false,
      masked: "DE89 **** **** **** **30 00",
    };
    await h.database.db.execute(
      sql`update settlements set bank_account = ${JSON.stringify(legacy)}::jsonb where bank_account is not null`,
    );
    await h.database.db.execute(
      sql`update idempotency_keys set response = ${JSON.stringify({ iban: IBAN })}::jsonb where key = 'bank-1'`,
    );
    expect(await everything()).toContain(IBAN);
    const first = await resealAtRest(
      h.database,
      h.deps.secrets ?? fieldCipher({ currentId: "x", keys: new Map() }),
    );
    expect(first.settlements).toBeGreaterThan(0);
    expect(first.responses).toBe(1);
    expect(await everything()).not.toContain(IBAN);
    expect(
      await resealAtRest(h.database, fieldCipher({ currentId: "k1", keys: new Map([["k1", k1]]) })),
    ).toEqual({
      settlements: 0,
      cases: 0,
      responses: 0,
    });

    const rotated = fieldCipher({
      currentId: "k2",
      keys: new Map([
        ["k2", k2],
        ["k1", k1],
      ]),
    });
    const second = await resealAtRest(h.database, rotated);
    expect(second.settlements + second.cases + second.responses).toBeGreaterThan(2);
    const after = await everything();
    expect(after).not.toContain("enc:v1:k1:");
    expect(after).toContain("enc:v1:k2:");
    // Only the new key is needed now.
    const onlyK2 = dbStore(h.database, fieldCipher({ currentId: "k2", keys: new Map([["k2", k2]]) }));
    const m = await onlyK2.read.merchants.bySlug("acme");
    const list = await onlyK2.read.settlements.list(m?.id ?? "", { method: "bank_transfer", limit: 10 });
    expect(list.map((x) => x.bankAccount?.iban)).toContain(IBAN);
  });
});
