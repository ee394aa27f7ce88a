import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDb } from "../support/databases.ts";
import { databaseText } from "../support/db-text.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { GENEROUS_POLICY, type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { jpegWithExif, multipart } from "../support/images.ts";
import { lookUp, PORTAL, portalCall, shopper } from "../support/portal.ts";

const IBAN = "DE89370400440532013000";
const HOLDER = "Ana Schmidtbauer";
const COMMENT = "Zu klein, bitte Rückruf unter 0151 2345678";

/**
 * Issue 8 point 13: erasing a shopper pseudonymises every copy of their personal data and keeps the
 * accounting records; refused while a refund to them is not final; idempotent; audited.
 */
describeEachDb("shopper erasure", (kind) => {
  let h: Harness;
  let auth = "";
  let other = "";
  const as = (method: "GET" | "POST" | "PUT", url: string, body?: unknown) =>
    call(h.app, auth, method, url, body);
  const rows = async (query: string): Promise<string> =>
    JSON.stringify(((await h.database.db.execute(sql.raw(query))) as unknown as { rows: unknown[] }).rows);
  const accounting = () =>
    Promise.all([
      rows(
        "select account_id, currency, sum(amount)::text as total from ledger_entries group by 1, 2 order by 1, 2",
      ),
      rows("select to_jsonb(n) - 'document' as n from credit_notes n order by id"),
      rows("select id, amount, currency, status from settlements order by id"),
      rows("select id, status from return_cases order by id"),
    ]);

  beforeAll(async () => {
    h = await startHarness(kind, { now: "2026-03-10T10:00:00Z" });
    ({ auth } = await merchantWithKey(h.deps, "acme", {
      policy: { ...GENEROUS_POLICY, refundTrigger: "approval" },
    }));
    other = (await merchantWithKey(h.deps, "other")).auth;
    await as("PUT", "/api/v1/settings", {
      sepaDebtor: { name: "Acme Europe B.V.", iban: "NL91ABNA0417164300", bic: "ABNANL2A" },
      bankTransferApprovalAbove: { EUR: "1000.00" },
    });
    const cod = orderJson({ tenders: [{ kind: "cash_on_delivery", amount: "124.60" }] });
    expect((await as("PUT", "/api/v1/orders/COD-1", cod)).status).toBe(201);
  });
  afterAll(() => h?.close());

  it("waits for the refund, then pseudonymises everything and keeps the accounting; again is a no-op", async () => {
    const s = shopper("198.51.100.91");
    expect((await lookUp(h.app, s, "acme", { orderNumber: "COD-1", email: "ana@example.de" })).status).toBe(
      200,
    );
    const m = multipart(jpegWithExif(), "photo.jpg", "image/jpeg");
    const uploaded = await h.app.inject({
      method: "POST",
      url: `${PORTAL}/acme/photos`,
      remoteAddress: s.ip,
      headers: { cookie: s.cookie ?? "", "content-type": m.contentType },
      payload: m.body,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const photoId = String((uploaded.json() as Json).id);
    const submitted = await portalCall(h.app, s, "POST", "/acme/returns", {
      lines: [
        {
          orderLineExternalId: "L1",
          quantity: 1,
          reason: "wrong_size",
          comment: COMMENT,
          photoIds: [photoId],
        },
      ],
      resolution: "refund",
      bankAccount: { scheme: "iban", accountHolder: HOLDER, iban: IBAN },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const caseId = String((submitted.body.case as Json | undefined)?.id ?? submitted.body.id);
    const approved = await as("POST", `/api/v1/returns/${caseId}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const settlement = (approved.body.settlements as Json[])[0] as Json;
    const customerId = String((await as("GET", `/api/v1/returns/${caseId}`)).body.customerId);
    expect(await databaseText(h.database)).toContain("ana@example.de");

    // In flight: the transfer awaits export and payment.
    const early = await as("POST", `/api/v1/customers/${customerId}/erasure`);
    expect(early.status, JSON.stringify(early.body)).toBe(409);
    expect(early.body).toMatchObject({ code: "settlement_state", settlementId: settlement.id });
    expect(await databaseText(h.database)).toContain("ana@example.de");
    // Another merchant cannot reach this shopper.
    expect((await call(h.app, other, "POST", `/api/v1/customers/${customerId}/erasure`)).status).toBe(404);

    expect((await as("POST", "/api/v1/payouts/sepa-export", {})).status).toBe(200);
    const paid = await as("POST", `/api/v1/settlements/${settlement.id}/mark-paid`, {});
    expect(paid.body.status, JSON.stringify(paid.body)).toBe("succeeded");
    const before = await accounting();
    const [photo] = JSON.parse(await rows("select storage_key from portal_uploads")) as {
      storage_key: string;
    }[];
    expect((await h.deps.photos?.get(photo?.storage_key ?? ""))?.length).toBeGreaterThan(0);

    const erased = await as("POST", "/api/v1/customers/erasure", { email: " Ana@Example.de " });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(erased.body).toMatchObject({
      customerId,
      erased: true,
      alreadyErased: false,
      orders: 1,
      cases: 1,
    });

    const text = await databaseText(h.database);
    for (const trace of [
      "ana@example.de",
      IBAN,
      HOLDER,
      "Ana Schmidt",
      "Invalidenstr",
      COMMENT,
      "0151 2345678",
    ])
      expect(text, trace).not.toContain(trace);
    expect(await accounting()).toEqual(before);

    const events = await as("GET", `/api/v1/returns/${caseId}/events`);
    expect((events.body.items as Json[]).map((e) => e.type)).toContain("return.personal_data_erased");
    const audit = await as("GET", "/api/v1/audit-log");
    expect((audit.body.items as Json[]).map((e) => e.action)).toContain("erasure");
    const view = await as("GET", `/api/v1/settlements/${settlement.id}`);
    expect(view.body).toMatchObject({ status: "succeeded", amount: settlement.amount });

    const again = await as("POST", `/api/v1/customers/${customerId}/erasure`);
    expect(again.body).toMatchObject({ customerId, alreadyErased: true });
    expect((await as("POST", "/api/v1/customers/erasure", { email: "ana@example.de" })).status).toBe(404);
  });
});
