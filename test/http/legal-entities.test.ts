import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { GENEROUS_POLICY, type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

/** Credit-note numbers per legal entity (issue 8 point 7), entities and markets set up through the API. */
describeEachDb("legal entities, markets and their credit-note numbers", (kind) => {
  let h: Harness;
  let acme: string;
  let other: string;
  let n = 0;
  const policy = { ...GENEROUS_POLICY, refundTrigger: "approval" };

  beforeAll(async () => {
    h = await startHarness(kind);
    acme = (await merchantWithKey(h.deps, "acme", { policy })).auth;
    other = (await merchantWithKey(h.deps, "other", { policy })).auth;
  });
  afterAll(() => h.close());

  const entity = (name: string) => ({
    name,
    country: "NL",
    vatNumber: "NL123456789B01",
    address: { line1: "Keizersgracht 1", postalCode: "1015 CJ", city: "Amsterdam" },
  });
  /** An order shipped to `country`, 2 × L1 returned and refunded at approval: its credit-note numbers. */
  async function refundTo(auth: string, country: string): Promise<string[]> {
    const id = `CN-${++n}`;
    const o = orderJson({
      customer: { email: `n${n}@example.nl` },
      shippingAddress: { country, postalCode: "1015 CJ", city: "Amsterdam", line1: "Prinsengracht 2" },
    });
    expect((await call(h.app, auth, "PUT", `/api/v1/orders/${id}`, o)).status).toBe(201);
    const c = await call(h.app, auth, "POST", "/api/v1/returns", {
      orderExternalId: id,
      lines: [{ orderLineExternalId: "L1", quantity: 2, reason: "changed_mind" }],
      requestedResolution: "refund",
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const approved = await call(h.app, auth, "POST", `/api/v1/returns/${c.body.id}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const refunds = await call(h.app, auth, "GET", `/api/v1/returns/${c.body.id}/refunds`);
    return (refunds.body.creditNotes as Json[]).map((x) => x.number as string);
  }

  it("two legal entities in one country each number their own credit notes; every refund goes through", async () => {
    const put = (path: string, body: unknown) => call(h.app, acme, "PUT", `/api/v1/${path}`, body);
    expect((await put("legal-entities/nl-retail", entity("Acme Retail B.V."))).status).toBe(201);
    expect((await put("legal-entities/nl-market", entity("Acme Marketplace B.V."))).status).toBe(201);
    expect((await put("legal-entities/nl-retail", entity("Acme Retail Nederland B.V."))).status).toBe(200);
    const nl = await put("markets/nl", {
      name: "Netherlands",
      countries: ["NL"],
      currency: "EUR",
      languages: ["nl"],
      legalEntity: "nl-retail",
    });
    expect(nl.status, JSON.stringify(nl.body)).toBe(201);
    const be = await put("markets/be", {
      name: "Belgium",
      countries: ["BE"],
      currency: "EUR",
      legalEntity: "nl-market",
    });
    expect(be.status).toBe(201);
    expect(await refundTo(acme, "NL")).toEqual(["CN-NL-2026-000001"]);
    expect(await refundTo(acme, "BE")).toEqual(["CN-NL-2026-000001"]);
    expect(await refundTo(acme, "NL")).toEqual(["CN-NL-2026-000002"]);
    const list = await call(h.app, acme, "GET", "/api/v1/credit-notes");
    expect((list.body.items as Json[]).length).toBe(3);
    const markets = await call(h.app, acme, "GET", "/api/v1/markets");
    expect((markets.body.items as Json[]).map((m) => [m.code, m.legalEntity])).toEqual([
      ["nl", "nl-retail"],
      ["be", "nl-market"],
    ]);
  });

  it("another merchant's Dutch entity starts its own numbering (numbers are unique per entity, not globally)", async () => {
    expect(
      (await call(h.app, other, "PUT", "/api/v1/legal-entities/main", entity("Other B.V."))).status,
    ).toBe(201);
    expect(await refundTo(other, "NL")).toEqual(["CN-NL-2026-000001"]);
  });

  it("a market names an existing entity and no country twice", async () => {
    const put = (code: string, body: unknown) => call(h.app, acme, "PUT", `/api/v1/markets/${code}`, body);
    const unknown = await put("fr", {
      name: "France",
      countries: ["FR"],
      currency: "EUR",
      legalEntity: "nope",
    });
    expect([unknown.status, unknown.body.code]).toEqual([422, "invalid_input"]);
    const twice = await put("benelux", {
      name: "Benelux",
      countries: ["LU", "BE"],
      currency: "EUR",
      legalEntity: "nl-market",
    });
    expect(twice.status).toBe(422);
    expect(twice.body.errors).toEqual([expect.objectContaining({ path: "countries[1]" })]);
    const bad = await call(h.app, acme, "PUT", "/api/v1/legal-entities/x", {
      name: "X",
      country: "Netherlands",
    });
    expect(bad.status).toBe(400);
  });
});
