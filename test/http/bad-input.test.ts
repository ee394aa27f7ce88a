import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

const paths = (body: Json) => ((body.errors as Json[] | undefined) ?? []).map((e) => e.path);

describeEachDb("bad input is refused, names the field and changes nothing", (kind) => {
  let h: Harness;
  let auth: string;
  let other: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    auth = (await merchantWithKey(h.deps, "acme")).auth;
    other = (await merchantWithKey(h.deps, "globex")).auth;
    const put = await call(h.app, auth, "PUT", "/api/v1/orders/ORD-1", orderJson());
    expect(put.status).toBe(201);
  });
  afterAll(() => h.close());

  describe("orders", () => {
    it("lists every failing field of a malformed order", async () => {
      const bad = orderJson({ currency: "EUR", placedAt: "yesterday", taxesIncluded: "yes" });
      (bad.lines[0] as Json).quantity = 0;
      (bad.lines[1] as Json).unitPrice = "-1.00";
      (bad.customer as Json).email = "not-an-email";
      const r = await call(h.app, auth, "PUT", "/api/v1/orders/ORD-BAD", bad);
      expect(r.status).toBe(400);
      expect(r.res.headers["content-type"]).toContain("application/problem+json");
      expect(r.body.code).toBe("invalid_request");
      expect(paths(r.body)).toEqual(
        expect.arrayContaining([
          "placedAt",
          "taxesIncluded",
          "lines[0].quantity",
          "lines[1].unitPrice",
          "customer.email",
        ]),
      );
      expect((await call(h.app, auth, "GET", "/api/v1/orders/ORD-BAD")).status).toBe(404);
    });

    it("refuses an unknown currency and decimals the currency does not have", async () => {
      const unknown = await call(h.app, auth, "PUT", "/api/v1/orders/X1", orderJson({ currency: "XYZ" }));
      expect(unknown.status).toBe(400);
      expect(paths(unknown.body)).toContain("currency");

      const jpy = orderJson({ currency: "JPY", tenders: [], shipping: { amount: "500" } });
      (jpy.lines[0] as Json).unitPrice = "1990.5";
      (jpy.lines[0] as Json).discount = "0";
      (jpy.lines[0] as Json).tax = "0";
      (jpy.lines[1] as Json).unitPrice = "1990";
      (jpy.lines[1] as Json).tax = "0";
      const r = await call(h.app, auth, "PUT", "/api/v1/orders/JP1", jpy);
      expect(r.status).toBe(400);
      expect(paths(r.body)).toEqual(["lines[0].unitPrice"]);
      expect(JSON.stringify(r.body)).toContain("JPY has no minor unit");

      const kwd = orderJson({ currency: "KWD", tenders: [], shipping: { amount: "1.2345" } });
      const k = await call(h.app, auth, "PUT", "/api/v1/orders/KW1", kwd);
      expect(paths(k.body)).toContain("shipping.amount");
      expect(JSON.stringify(k.body)).toContain("at most 3 decimals");
    });

    it("refuses tenders that do not add up to the order total", async () => {
      const o = orderJson();
      (o.tenders[0] as Json).amount = "99.99";
      const r = await call(h.app, auth, "PUT", "/api/v1/orders/ORD-2", o);
      expect(r.status).toBe(422);
      expect(paths(r.body)).toEqual(["tenders"]);
      expect(r.body.detail).toContain("124.60");
    });

    it("refuses fulfilments of lines that do not exist or of more units than ordered", async () => {
      const o = orderJson();
      const f = (o.fulfilments[0] as Json).lines as Json[];
      (f[0] as Json).quantity = 3;
      (f[1] as Json).lineExternalId = "NOPE";
      const r = await call(h.app, auth, "PUT", "/api/v1/orders/ORD-3", o);
      expect(r.status).toBe(422);
      expect(paths(r.body)).toEqual([
        "fulfilments[0].lines[0].quantity",
        "fulfilments[0].lines[1].lineExternalId",
      ]);
    });
  });

  describe("returns", () => {
    const create = (body: unknown, key = auth) => call(h.app, key, "POST", "/api/v1/returns", body);

    it("refuses missing fields, wrong types, unknown reasons and zero or negative quantities", async () => {
      const r = await create({
        orderExternalId: 42,
        lines: [{ orderLineExternalId: "L1", quantity: 0, reason: "bored" }, { quantity: -1 }],
      });
      expect(r.status).toBe(400);
      expect(paths(r.body)).toEqual(
        expect.arrayContaining([
          "orderExternalId",
          "lines[0].quantity",
          "lines[0].reason",
          "lines[1].orderLineExternalId",
          "lines[1].quantity",
          "requestedResolution",
        ]),
      );
    });

    it("refuses returning more than was delivered and names the limit", async () => {
      const r = await create({
        orderExternalId: "ORD-1",
        lines: [{ orderLineExternalId: "L1", quantity: 3, reason: "changed_mind" }],
        requestedResolution: "refund",
      });
      expect(r.status).toBe(422);
      expect(r.body.code).toBe("quantity_exceeded");
      expect(r.body.limit).toBe(2);
      expect(paths(r.body)).toEqual(["lines[0].quantity"]);
    });

    it("counts what other open returns already hold", async () => {
      const first = await create({
        orderExternalId: "ORD-1",
        lines: [{ orderLineExternalId: "L2", quantity: 1, reason: "defective" }],
        requestedResolution: "refund",
      });
      expect(first.status).toBe(201);
      const second = await create({
        orderExternalId: "ORD-1",
        lines: [{ orderLineExternalId: "L2", quantity: 1, reason: "defective" }],
        requestedResolution: "refund",
      });
      expect(second.status).toBe(422);
      expect(second.body.limit).toBe(0);
      const cancel = await call(h.app, auth, "POST", `/api/v1/returns/${first.body.id}/cancel`, {
        reason: "shopper changed their mind",
      });
      expect(cancel.status).toBe(200);
      const third = await create({
        orderExternalId: "ORD-1",
        lines: [{ orderLineExternalId: "L2", quantity: 1, reason: "defective" }],
        requestedResolution: "refund",
      });
      expect(third.status).toBe(201);
    });

    it("answers 404 for unknown ids, and for another merchant's ids as if they did not exist", async () => {
      const mine = await create({
        orderExternalId: "ORD-1",
        lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "wrong_size" }],
        requestedResolution: "store_credit",
      });
      expect(mine.status).toBe(201);
      const id = mine.body.id as string;
      for (const url of [`/api/v1/returns/${id}`, `/api/v1/returns/${id}/events`]) {
        const theirs = await call(h.app, other, "GET", url);
        expect(theirs.status).toBe(404);
        expect(theirs.body.code).toBe("not_found");
      }
      const cmd = await call(h.app, other, "POST", `/api/v1/returns/${id}/approve`, {});
      expect(cmd.status).toBe(404);
      expect((await call(h.app, auth, "GET", `/api/v1/returns/${id}`)).body.status).toBe("requested");
      expect((await call(h.app, other, "GET", "/api/v1/orders/ORD-1")).status).toBe(404);
      expect(
        (
          await create(
            {
              orderExternalId: "ORD-1",
              lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "other" }],
              requestedResolution: "refund",
            },
            other,
          )
        ).status,
      ).toBe(404);
      expect((await call(h.app, auth, "GET", "/api/v1/returns/not-a-uuid")).status).toBe(404);
      expect(
        (await call(h.app, auth, "GET", "/api/v1/returns/0190c5f2-0000-7000-8000-000000000000")).status,
      ).toBe(404);
      const list = await call(h.app, other, "GET", "/api/v1/returns");
      expect(list.body.items).toEqual([]);
    });

    it("answers an illegal transition with 409 naming the status and the allowed commands", async () => {
      const c = await create({
        orderExternalId: "ORD-1",
        lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "wrong_size" }],
        requestedResolution: "refund",
      });
      const r = await call(h.app, auth, "POST", `/api/v1/returns/${c.body.id}/receive`, { lines: [] });
      expect(r.status).toBe(409);
      expect(r.body.currentStatus).toBe("requested");
      expect(r.body.allowedCommands).toEqual(["approve", "reject", "review", "cancel"]);
      await call(h.app, auth, "POST", `/api/v1/returns/${c.body.id}/cancel`, {});
    });

    it("refuses receiving more than was approved", async () => {
      const c = await create({
        orderExternalId: "ORD-1",
        lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "wrong_size" }],
        requestedResolution: "refund",
      });
      const lineId = ((c.body.lines as Json[])[0] as Json).id;
      await call(h.app, auth, "POST", `/api/v1/returns/${c.body.id}/approve`, {});
      const r = await call(h.app, auth, "POST", `/api/v1/returns/${c.body.id}/receive`, {
        lines: [{ lineId, quantity: 2 }],
      });
      expect(r.status).toBe(422);
      expect(r.body.limit).toBe(1);
      const after = await call(h.app, auth, "GET", `/api/v1/returns/${c.body.id}`);
      expect(after.body.status).toBe("awaiting_shipment");
      expect(((after.body.lines as Json[])[0]?.quantities as Json | undefined)?.received).toBe(0);
    });

    it("needs a valid API key", async () => {
      expect((await call(h.app, "", "GET", "/api/v1/returns")).status).toBe(401);
      const r = await call(h.app, "Bearer cb_live_nope", "GET", "/api/v1/returns");
      expect(r.status).toBe(401);
      expect(r.body.code).toBe("unauthorized");
    });
  });
});
