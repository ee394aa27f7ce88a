import { afterAll, beforeAll, expect, it } from "vitest";
import { standardWebhookSender } from "../../src/adapters/webhooks/webhook-sender.ts";
import { drainCase } from "../../src/app/notify/outbox-relay.ts";
import { DEFAULT_OUTBOX_SETTINGS } from "../../src/app/notify/ports.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { jpegWithExif, multipart } from "../support/images.ts";
import { type StaffClient, signInAs, staffAccount } from "../support/staff.ts";
import { webhookReceiver } from "../support/webhook-receiver.ts";
import { setUpLogistics } from "./logistics-fixtures.ts";

const EAN = "4006381333931";

/**
 * The receiving station's API (issue 10 point 5): lookup by what was scanned, receipt replayed with
 * its idempotency key (a unit is received once), inventory.adjusted per disposition (event and
 * webhook), blind receipts parked and matched, staff photos, bad input, roles and tenant isolation.
 */
describeEachDb("receiving station API", (kind) => {
  let h: Harness;
  let auth = "";
  let other = "";
  let dock: StaffClient;
  let agent: StaffClient;
  let n = 0;
  const api = (method: "GET" | "POST" | "PUT", url: string, body?: unknown, key = auth) =>
    call(h.app, key, method, url, body);

  async function approvedCase(): Promise<Json> {
    const ext = `ORD-${++n}`;
    expect((await api("PUT", `/api/v1/orders/${ext}`, orderJson())).status).toBe(201);
    const c = await api("POST", "/api/v1/returns", {
      orderExternalId: ext,
      lines: [{ orderLineExternalId: "L1", quantity: 2, reason: "wrong_size" }],
      requestedResolution: "refund",
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    expect((await api("POST", `/api/v1/returns/${c.body.id}/approve`, {})).status).toBe(200);
    return c.body;
  }
  const lineOf = (c: Json) => (c.lines as Json[])[0]?.id as string;

  beforeAll(async () => {
    h = await startHarness(kind, {
      notify: { settings: DEFAULT_OUTBOX_SETTINGS, webhooks: standardWebhookSender({ timeoutMs: 5000 }) },
    });
    const m = await merchantWithKey(h.deps, "dock");
    auth = m.auth;
    other = (await merchantWithKey(h.deps, "elsewhere")).auth;
    await setUpLogistics(h, auth);
    const tee = (await api("GET", "/api/v1/products/TEE-1")).body;
    const { id: _id, updatedAt: _at, prices: _p, ...attributes } = tee;
    expect((await api("PUT", "/api/v1/products/TEE-1", { ...attributes, gtin: EAN })).status).toBe(200);
    dock = await signInAs(h.app, await staffAccount(h.deps, m.merchantId, "warehouse"));
    agent = await signInAs(h.app, await staffAccount(h.deps, m.merchantId, "agent"));
  });
  afterAll(() => h.close());

  it("finds a return by RMA number or order number, with SKU and GTIN per line; bad input names the field", async () => {
    const c = await approvedCase();
    const short = `r-${Number(String(c.number).slice(2))}`;
    const byRma = await dock.call(
      "GET",
      `/api/v1/receiving/lookup?code=${encodeURIComponent(` ${short}\r`)}`,
    );
    expect(byRma.status, JSON.stringify(byRma.body)).toBe(200);
    expect(byRma.body.matchedBy).toBe("case_number");
    const [found] = byRma.body.cases as Json[];
    expect(found?.id).toBe(c.id);
    expect(((found?.lines ?? []) as Json[])[0]).toMatchObject({
      sku: "TEE-1",
      gtin: `0${EAN}`,
      expected: 2,
      toInspect: 0,
    });
    const parcel = await api("POST", `/api/v1/returns/${c.id}/shipments`, { method: "qr_dropoff" });
    expect(parcel.status, JSON.stringify(parcel.body)).toBe(201);
    const qr = String((parcel.body.label as Json).qrPayload);
    const byQr = await dock.call("GET", `/api/v1/receiving/lookup?code=${encodeURIComponent(qr)}`);
    expect([byQr.body.matchedBy, (byQr.body.cases as Json[]).map((x) => x.id)]).toEqual(["parcel", [c.id]]);
    const byOrder = await dock.call("GET", `/api/v1/receiving/lookup?code=ORD-${n}`);
    expect([byOrder.body.matchedBy, (byOrder.body.cases as Json[]).map((x) => x.id)]).toEqual([
      "order",
      [c.id],
    ]);
    const none = await dock.call("GET", "/api/v1/receiving/lookup?code=NOTHING-HERE");
    expect([none.status, none.body.matchedBy, none.body.cases]).toEqual([200, "none", []]);
    const empty = await dock.call("GET", "/api/v1/receiving/lookup?code=");
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body.errors)).toContain("code");
    const badGtin = await api("PUT", "/api/v1/products/TEE-2", { title: "Tee", gtin: "4006381333932" });
    expect([badGtin.status, (badGtin.body.errors as Json[])[0]?.path]).toEqual([400, "gtin"]);
  });

  it("a replayed receipt (same idempotency key) receives the unit once; agents may not receive", async () => {
    const c = await approvedCase();
    const receive = (key: string) =>
      h.app.inject({
        method: "POST",
        url: `/api/v1/returns/${c.id}/receive`,
        headers: { cookie: dock.cookie, "x-csrf-token": dock.csrf, "idempotency-key": key },
        payload: { locationCode: "NL-WH", lines: [{ lineId: lineOf(c), quantity: 1 }] },
      });
    const first = await receive("scan-unit-1");
    expect(first.statusCode, first.body).toBe(200);
    const again = await receive("scan-unit-1");
    expect([again.statusCode, again.headers["idempotent-replayed"], again.body]).toEqual([
      200,
      "true",
      first.body,
    ]);
    const got = await api("GET", `/api/v1/returns/${c.id}`);
    expect((got.body.lines as Json[])[0]?.quantities).toMatchObject({ received: 1 });
    const events = (await api("GET", `/api/v1/returns/${c.id}/events`)).body.items as Json[];
    const received = events.filter((e) => e.type === "return.received");
    expect(received).toHaveLength(1);
    expect(received[0]?.actor).toMatchObject({ kind: "staff", name: "warehouse person" });
    const denied = await agent.call("POST", `/api/v1/returns/${c.id}/receive`, {
      lines: [{ lineId: lineOf(c), quantity: 1 }],
    });
    expect([denied.status, denied.body.code]).toEqual([403, "forbidden"]);
    expect(
      (await agent.call("POST", "/api/v1/blind-receipts", { items: [{ code: "X", quantity: 1 }] })).status,
    ).toBe(403);
  });

  it("each disposition emits inventory.adjusted (location, SKU, quantity, grade), delivered as a webhook", async () => {
    const hooks = await webhookReceiver();
    try {
      const ep = await api("POST", "/api/v1/webhook-endpoints", {
        url: hooks.url,
        eventTypes: ["inventory.*"],
      });
      expect(ep.status).toBe(201);
      const c = await approvedCase();
      const line = lineOf(c);
      const r = await dock.call("POST", `/api/v1/returns/${c.id}/receive`, {
        locationCode: "NL-WH",
        lines: [{ lineId: line, quantity: 2 }],
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const badLocation = await dock.call("POST", `/api/v1/returns/${c.id}/inspect`, {
        locationCode: "NOWHERE",
        lines: [{ lineId: line, quantity: 1, outcome: "accepted", condition: "like_new" }],
      });
      expect([badLocation.status, (badLocation.body.errors as Json[])[0]?.path]).toEqual([
        422,
        "locationCode",
      ]);
      const inspected = await dock.call("POST", `/api/v1/returns/${c.id}/inspect`, {
        lines: [
          { lineId: line, quantity: 1, outcome: "accepted", condition: "like_new", disposition: "restock" },
          { lineId: line, quantity: 1, outcome: "refused", condition: "damaged", disposition: "quarantine" },
        ],
      });
      expect(inspected.status, JSON.stringify(inspected.body)).toBe(200);
      const events = (await api("GET", `/api/v1/returns/${c.id}/events`)).body.items as Json[];
      const adjusted = events.filter((e) => e.type === "inventory.adjusted").map((e) => e.data);
      const base = {
        caseId: c.id,
        caseNumber: c.number,
        lineId: line,
        sku: "TEE-1",
        quantity: 1,
        location: "NL-WH",
      };
      expect(adjusted).toEqual([
        { ...base, grade: "like_new", outcome: "accepted", disposition: "restock", stock: "sellable" },
        { ...base, grade: "damaged", outcome: "refused", disposition: "quarantine", stock: "quarantine" },
      ]);
      expect(await drainCase(h.deps, c.id as string)).toEqual({ status: "settled" });
      expect(hooks.received.map((m) => m.json.type)).toEqual(["inventory.adjusted", "inventory.adjusted"]);
      const data = hooks.received[1]?.json.data as Json;
      expect(data.caseId).toBe(c.id);
      expect(data.actor).toMatchObject({ kind: "staff" });
      expect(data.details).toMatchObject({ sku: "TEE-1", quantity: 1, grade: "damaged", location: "NL-WH" });
    } finally {
      await hooks.close();
    }
  });

  it("parks a parcel without an RMA, lists it, matches it to its case once; other merchants never see it", async () => {
    const c = await approvedCase();
    const noItems = await dock.call("POST", "/api/v1/blind-receipts", { items: [] });
    expect([noItems.status, (noItems.body.errors as Json[])[0]?.path]).toEqual([400, "items"]);
    const zero = await dock.call("POST", "/api/v1/blind-receipts", { items: [{ code: "X", quantity: 0 }] });
    expect((zero.body.errors as Json[])[0]?.path).toBe("items[0].quantity");
    const nowhere = await dock.call("POST", "/api/v1/blind-receipts", {
      locationCode: "NOWHERE",
      items: [{ code: "X", quantity: 1 }],
    });
    expect([nowhere.status, (nowhere.body.errors as Json[])[0]?.path]).toEqual([422, "locationCode"]);
    const parked = await dock.call("POST", "/api/v1/blind-receipts", {
      locationCode: "NL-WH",
      scannedCode: "SMUDGED-LABEL",
      items: [
        { code: EAN, quantity: 1 },
        { code: "MUG-9", quantity: 1, description: "blue mug" },
      ],
      note: "no paperwork",
    });
    expect(parked.status, JSON.stringify(parked.body)).toBe(201);
    expect(parked.body).toMatchObject({
      status: "parked",
      location: "NL-WH",
      number: expect.stringMatching(/^BR-\d{6}$/),
    });
    const list = await dock.call("GET", "/api/v1/blind-receipts?status=parked");
    expect((list.body.data as Json[]).map((b) => b.id)).toContain(parked.body.id);

    const id = parked.body.id as string;
    expect((await api("GET", `/api/v1/blind-receipts/${id}`, undefined, other)).status).toBe(404);
    expect(((await api("GET", "/api/v1/blind-receipts", undefined, other)).body.data as Json[]).length).toBe(
      0,
    );
    expect(
      (await api("GET", `/api/v1/receiving/lookup?code=${c.number}`, undefined, other)).body.cases,
    ).toEqual([]);
    const foreign = await api("POST", `/api/v1/blind-receipts/${id}/match`, { caseId: c.id }, other);
    expect(foreign.status).toBe(404);

    const both = await dock.call("POST", `/api/v1/blind-receipts/${id}/match`, {
      caseId: c.id,
      caseNumber: "R-1",
    });
    expect([both.status, (both.body.errors as Json[])[0]?.path]).toEqual([400, "caseId"]);
    const matched = await dock.call("POST", `/api/v1/blind-receipts/${id}/match`, { caseNumber: c.number });
    expect(matched.status, JSON.stringify(matched.body)).toBe(200);
    expect(matched.body.blindReceipt).toMatchObject({
      status: "matched",
      caseId: c.id,
      matchedBy: { kind: "staff" },
    });
    expect(((matched.body.return as Json).lines as Json[])[0]?.quantities).toMatchObject({ received: 1 });
    const events = (await api("GET", `/api/v1/returns/${c.id}/events`)).body.items as Json[];
    const receipt = events.find((e) => e.type === "return.received");
    expect(receipt?.reason).toBe(`blind receipt ${parked.body.number} matched`);
    expect(((receipt?.data ?? {}) as Json).exceptions).toEqual([
      { kind: "wrong_item", quantity: 1, note: `${parked.body.number}: MUG-9 (blue mug)` },
    ]);
    const twice = await dock.call("POST", `/api/v1/blind-receipts/${id}/match`, { caseId: c.id });
    expect([twice.status, twice.body.code]).toEqual([409, "already_matched"]);
    const after = await api("GET", `/api/v1/returns/${c.id}`);
    expect((after.body.lines as Json[])[0]?.quantities).toMatchObject({ received: 1 });
  });

  it("stores a photo taken at the station on the case, without its metadata", async () => {
    const c = await approvedCase();
    const { body, contentType } = multipart(jpegWithExif(), "cam.jpg", "image/jpeg");
    const upload = () =>
      h.app.inject({
        method: "POST",
        url: `/api/v1/returns/${c.id}/photos?lineId=${lineOf(c)}`,
        headers: {
          cookie: dock.cookie,
          "x-csrf-token": dock.csrf,
          "content-type": contentType,
          "idempotency-key": "photo-1",
        },
        payload: body,
      });
    const up = await upload();
    expect(up.statusCode, up.body).toBe(201);
    const again = await upload();
    expect([again.statusCode, again.headers["idempotent-replayed"], again.body]).toEqual([
      201,
      "true",
      up.body,
    ]);
    const photo = up.json() as Json;
    const bytes = await h.app.inject({
      method: "GET",
      url: photo.url as string,
      headers: { authorization: auth },
    });
    expect([bytes.statusCode, bytes.headers["content-type"]]).toEqual([200, "image/jpeg"]);
    expect(bytes.rawPayload.includes(Buffer.from("Exif"))).toBe(false);
    const foreign = await h.app.inject({
      method: "GET",
      url: photo.url as string,
      headers: { authorization: other },
    });
    expect(foreign.statusCode).toBe(404);
    const events = (await api("GET", `/api/v1/returns/${c.id}/events`)).body.items as Json[];
    const added = events.filter((e) => e.type === "return.photo_added");
    expect(added.map((e) => e.data)).toEqual([expect.objectContaining({ photoId: photo.id })]);
  });
});
