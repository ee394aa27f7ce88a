import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importOrdersCsv } from "../../src/app/import-orders.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { lookUp, portalCall, shopper } from "../support/portal.ts";
import type { JsonSchema } from "../support/schema-arbitrary.ts";

const paths = (body: Json) => ((body.errors as Json[] | undefined) ?? []).map((e) => e.path);

/** Where a request schema lets a value grow without bound: arrays, free strings, integers past int4. */
function unbounded(s: JsonSchema | undefined, at: string, out: string[]): string[] {
  if (!s) return out;
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  const boundedPattern = s.pattern !== undefined && !/[+*]|\{\d+,\}/.test(s.pattern);
  if (type === "array" && s.maxItems === undefined && !s.prefixItems)
    out.push(`${at}: array without maxItems`);
  if (type === "string" && s.maxLength === undefined && !s.enum && !s.format && !boundedPattern)
    out.push(`${at}: string without maxLength`);
  if ((type === "integer" || type === "number") && (s.maximum ?? Number.POSITIVE_INFINITY) > 2_147_483_647)
    out.push(`${at}: ${type} above 2^31-1`);
  for (const [k, v] of Object.entries(s.properties ?? {})) unbounded(v, `${at}.${k}`, out);
  unbounded(s.items, `${at}[]`, out);
  if (typeof s.additionalProperties === "object") unbounded(s.additionalProperties, `${at}{}`, out);
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.prefixItems ?? [])])
    unbounded(alt, at, out);
  return out;
}

interface Operation {
  parameters?: { name: string; in: string; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

describeEachDb("every input has bounds: too large is a 400 naming the field, never a 500", (kind) => {
  let h: Harness;
  let auth: string;
  let merchantId: string;
  let caseId: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    const m = await merchantWithKey(h.deps, "acme");
    auth = m.auth;
    merchantId = m.merchantId;
    expect((await call(h.app, auth, "PUT", "/api/v1/orders/ORD-1", orderJson())).status).toBe(201);
    const c = await call(h.app, auth, "POST", "/api/v1/returns", {
      orderExternalId: "ORD-1",
      lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
      requestedResolution: "refund",
    });
    caseId = String(c.body.id);
  });
  afterAll(() => h.close());

  it("declares a bound on every array, free string and integer of every request (OpenAPI)", async () => {
    const doc = (await h.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const found: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${path}`;
        for (const p of op.parameters ?? [])
          if (p.in === "query") unbounded(p.schema, `${where} query.${p.name}`, found);
        unbounded(op.requestBody?.content?.["application/json"]?.schema, `${where} body`, found);
      }
    }
    expect(found).toEqual([]);
  });

  describe("orders", () => {
    it("refuses a unit price × quantity beyond the safe integers, naming the line", async () => {
      const o = orderJson({ tenders: [], fulfilments: [] });
      (o.lines[0] as Json).unitPrice = "90071992547409.91";
      (o.lines[0] as Json).quantity = 1000;
      const r = await call(h.app, auth, "PUT", "/api/v1/orders/BIG-1", o);
      expect(r.status).toBe(400);
      expect(paths(r.body)).toEqual(["lines[0].unitPrice"]);
      expect((await call(h.app, auth, "GET", "/api/v1/orders/BIG-1")).status).toBe(404);
    });

    it("refuses an order total or tenders that add up beyond the safe integers", async () => {
      const big = "90071992547409.91";
      const o = orderJson({ fulfilments: [] });
      (o.lines[0] as Json).unitPrice = big;
      (o.lines[0] as Json).quantity = 1;
      (o.lines[1] as Json).unitPrice = big;
      (o.tenders[0] as Json).amount = big;
      (o.tenders[1] as Json).amount = big;
      const r = await call(h.app, auth, "PUT", "/api/v1/orders/BIG-2", o);
      expect(r.status).toBe(400);
      expect(paths(r.body)).toEqual(expect.arrayContaining(["lines", "tenders"]));
    });

    it("refuses an over-long money string, naming it", async () => {
      const o = orderJson();
      (o.lines[0] as Json).unitPrice = `${"0".repeat(40)}49.90`;
      const r = await call(h.app, auth, "PUT", "/api/v1/orders/LONG-1", o);
      expect(r.status).toBe(400);
      expect(paths(r.body)).toEqual(["lines[0].unitPrice"]);
      expect(r.body.detail).toContain("at most 32 characters");
    });

    it("refuses a NUL character anywhere (PostgreSQL text cannot hold it), naming the field", async () => {
      const o = orderJson();
      (o.lines[1] as Json).title = "Cap\u0000";
      const r = await call(h.app, auth, "PUT", "/api/v1/orders/NUL-1", o);
      expect(r.status).toBe(400);
      expect(paths(r.body)).toEqual(["lines[1].title"]);
      const hub = await call(h.app, auth, "POST", "/api/v1/hubs/%00/bags");
      expect(hub.status).toBe(400);
      expect(paths(hub.body)).toEqual(["code"]);
    });

    it("refuses JSON nested deeper than any request, as malformed", async () => {
      const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
      const res = await h.app.inject({
        method: "POST",
        url: "/api/v1/hubs/HUB-1/bags",
        headers: { authorization: auth, "content-type": "application/json" },
        payload: deep,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe("malformed_json");
    });
  });

  describe("versions, arrays and codes", () => {
    it("answers ?version=3000000000 with 400 naming the parameter", async () => {
      const r = await call(h.app, auth, "GET", "/api/v1/policies/default?version=3000000000");
      expect(r.status).toBe(400);
      expect(paths(r.body)).toEqual(["query.version"]);
    });

    it("refuses an expectedVersion beyond any stored version", async () => {
      const r = await call(h.app, auth, "POST", `/api/v1/returns/${caseId}/approve`, {
        expectedVersion: 3_000_000_000,
      });
      expect(r.status).toBe(400);
      expect(paths(r.body)).toEqual(["expectedVersion"]);
    });

    it("refuses over-long line arrays and quantities on refunds", async () => {
      const lines = Array.from({ length: 201 }, () => ({ lineId: caseId, quantity: 1 }));
      const r = await call(h.app, auth, "POST", `/api/v1/returns/${caseId}/refund-preview`, { lines });
      expect(r.status).toBe(400);
      expect(paths(r.body)).toEqual(["lines"]);
      const q = await call(h.app, auth, "POST", `/api/v1/returns/${caseId}/refund-preview`, {
        lines: [{ lineId: caseId, quantity: 3_000_000_000 }],
      });
      expect(q.status).toBe(400);
      expect(paths(q.body)).toEqual(["lines[0].quantity"]);
    });

    it("refuses a malformed country code in a query with 400 (Intl used to throw)", async () => {
      const r = await call(h.app, auth, "GET", "/api/v1/policies/rendered?country=1G");
      expect(r.status).toBe(400);
      expect(paths(r.body)).toEqual(["query.country"]);
    });
  });

  it("checks bank details with a field the scheme needs missing: names it, answers no 500", async () => {
    const who = shopper("198.51.100.20");
    expect((await lookUp(h.app, who, "acme", { orderNumber: "ORD-1", email: "ana@example.de" })).status).toBe(
      200,
    );
    const r = await portalCall(h.app, who, "POST", "/acme/bank-account/check", {
      accountHolder: "Ana Schmidt",
      scheme: "us_aba",
      accountNumber: "12345678",
    });
    expect(r.status).toBe(200);
    expect(r.body.valid).toBe(false);
    expect(paths(r.body)).toEqual(["routingNumber", "accountType"]);
    const pix = await portalCall(h.app, who, "POST", "/acme/bank-account/check", {
      accountHolder: "Ana Schmidt",
      scheme: "br_pix",
    });
    expect(pix.body.valid).toBe(false);
    expect(paths(pix.body)).toEqual(["key"]);
  });

  describe("CSV import limits", () => {
    const header =
      "order_id,placed_at,currency,customer_email,ship_country,taxes_included,line_id,sku,title,quantity,unit_price";
    const row = (n: number) => `CSV-${n},2026-03-01T09:00:00Z,EUR,a@example.de,DE,true,L1,S1,Tee,1,10.00`;
    const orderCount = async () => (await call(h.app, auth, "GET", "/api/v1/orders/CSV-1")).status;

    it("refuses a file over the size limit, naming it, and imports nothing", async () => {
      const text = [header, row(1), row(2)].join("\n");
      const r = await importOrdersCsv(h.deps, merchantId, text, {
        skipInvalid: true,
        limits: { maxBytes: 100, maxRows: 10 },
      });
      expect(r.imported).toBe(false);
      expect(r.errors.map((e) => e.path)).toEqual(["file"]);
      expect(await orderCount()).toBe(404);
    });

    it("refuses more rows than the limit, naming them, and imports nothing", async () => {
      const text = [header, row(1), row(2), row(3)].join("\n");
      const r = await importOrdersCsv(h.deps, merchantId, text, {
        skipInvalid: true,
        limits: { maxBytes: 10_000, maxRows: 2 },
      });
      expect(r.imported).toBe(false);
      expect(r.errors.map((e) => e.path)).toEqual(["rows"]);
      expect(await orderCount()).toBe(404);
      const ok = await importOrdersCsv(h.deps, merchantId, [header, row(1), row(2)].join("\n"), {
        skipInvalid: false,
        limits: { maxBytes: 10_000, maxRows: 2 },
      });
      expect(ok.errors).toEqual([]);
      expect(ok.orders).toBe(2);
    });
  });
});
