import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { errorForLog } from "../../src/http/log-options.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { GENEROUS_POLICY, type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

const IBAN = "DE89370400440532013000";
const HOLDER = "Ana Schmidtbauer";

/**
 * Issue 8 point 13: the request log (the production pino options, a real stream) never carries the
 * API key, cookies, bank details or a shopper's e-mail — during a whole bank-transfer refund.
 */
describeEachDb("the request log", (kind) => {
  let h: Harness;
  let auth = "";
  const lines: string[] = [];
  const as = (method: "GET" | "POST" | "PUT", url: string, body?: unknown) =>
    call(h.app, auth, method, url, body);

  beforeAll(async () => {
    h = await startHarness(kind, { logStream: { write: (line) => void lines.push(line) } });
    ({ auth } = await merchantWithKey(h.deps, "acme", {
      policy: { ...GENEROUS_POLICY, refundTrigger: "approval" },
    }));
  });
  afterAll(() => h?.close());

  it("logs requests without the API key, the IBAN, the holder or the shopper's e-mail", async () => {
    const order = orderJson({ tenders: [{ kind: "cash_on_delivery", amount: "124.60" }] });
    expect((await as("PUT", "/api/v1/orders/COD-1", order)).status).toBe(201);
    const c = await as("POST", "/api/v1/returns", {
      orderExternalId: "COD-1",
      lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
      requestedResolution: "refund",
    });
    const approved = await as("POST", `/api/v1/returns/${c.body.id}/approve`, {});
    const s = (approved.body.settlements as Json[])[0] as Json;
    const given = await as("POST", `/api/v1/settlements/${s.id}/bank-account`, {
      accountHolder: HOLDER,
      scheme: "iban",
      iban: IBAN,
    });
    expect(given.status, JSON.stringify(given.body)).toBe(200);
    expect((await as("GET", "/api/v1/returns?email=ana%40example.de")).status).toBeLessThan(500);
    // Should a handler ever log a body, the named fields are censored.
    h.app.log.info({ body: { bankAccount: { iban: IBAN }, iban: IBAN, apiKey: auth } }, "a body");

    const text = lines.join("");
    expect(lines.length).toBeGreaterThan(8);
    expect(text).toContain('"authorization":"[redacted]"');
    expect(text).toContain("/bank-account");
    for (const secret of [
      IBAN,
      "DE89 3704",
      HOLDER,
      auth.slice("Bearer ".length),
      "ana@example.de",
      "ana%40",
    ])
      expect(text, secret).not.toContain(secret);
  });

  it("logs a failed query without the values it was given", async () => {
    const failed = await h.database.db.execute(sql`select ${IBAN}::int`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(Error);
    expect(JSON.stringify(failed, Object.getOwnPropertyNames(failed))).toContain(IBAN); // what pino would print
    const logged = JSON.stringify(errorForLog(failed));
    expect(logged).not.toContain(IBAN);
    expect(logged).toContain("22P02"); // the SQLSTATE stays
  });
});
