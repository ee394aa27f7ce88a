import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { disguisedExecutable, jpegWithExif, multipart } from "../support/images.ts";
import { lookUp, PORTAL, portalCall, type Shopper, shopper } from "../support/portal.ts";

const POLICY = {
  name: "EU 30 days",
  scope: { countries: ["*"] },
  window: { days: 30, from: "delivery" },
  resolutions: ["refund", "store_credit", "exchange"],
  storeCreditBonus: { percent: 10 },
  returnShipping: { paidBy: "customer", flatFee: { EUR: "4.95" } },
  reasons: {
    changed_mind: { allowed: true },
    wrong_size: { allowed: true },
    defective: { allowed: true, photosRequired: true },
  },
};

/** Returns through the portal: the same numbers as the API preview, photos, exchanges, gifts, withdrawal. */
describeEachDb("portal returns", (kind) => {
  let h: Harness;
  let auth = "";
  let merchantId = "";
  beforeAll(async () => {
    h = await startHarness(kind, { now: "2026-03-10T10:00:00Z" });
    ({ auth, merchantId } = await merchantWithKey(h.deps, "acme", { policy: POLICY }));
    const product = (sku: string, price: string, size: string) =>
      call(h.app, auth, "PUT", `/api/v1/products/${sku}`, {
        title: `Linen tee ${size}`,
        variantGroup: "TEE",
        variantOptions: { size },
        prices: { EUR: price },
      });
    expect((await product("TEE-1", "49.90", "M")).status).toBe(201);
    expect((await product("TEE-1-XL", "59.90", "XL")).status).toBe(201);
    for (const [id, extra] of [
      ["O-1", {}],
      ["O-2", {}],
      ["O-GIFT", { giftCode: "GIFT-5678" }],
      ["O-COD", { tenders: [{ kind: "cash_on_delivery", amount: "124.60" }] }],
    ] as const)
      expect((await call(h.app, auth, "PUT", `/api/v1/orders/${id}`, orderJson(extra))).status).toBe(201);
  });
  afterAll(() => h?.close());

  // One address per session: the portal's rate limits count per address (a random one could repeat).
  let sessions = 0;
  const session = async (order: string, how: Record<string, string> = { email: "ana@example.de" }) => {
    const s = shopper(`198.51.100.${++sessions}`);
    expect((await lookUp(h.app, s, "acme", { orderNumber: order, ...how })).status).toBe(200);
    return s;
  };
  const upload = (s: Shopper, file: Buffer, name = "photo.jpg", type = "image/jpeg") => {
    const m = multipart(file, name, type);
    return h.app.inject({
      method: "POST",
      url: `${PORTAL}/acme/photos`,
      remoteAddress: s.ip,
      headers: { cookie: s.cookie ?? "", "content-type": m.contentType },
      payload: m.body,
    });
  };

  it("shows each line with its basis, and previews the same numbers as POST /api/v1/returns/preview", async () => {
    const s = await session("O-1");
    const order = await portalCall(h.app, s, "GET", "/acme/order");
    expect(order.status).toBe(200);
    const lines = order.body.lines as Json[];
    expect(lines[0]).toMatchObject({
      externalId: "L1",
      returnable: 2,
      unitPaid: { amount: "44.90", currency: "EUR" },
    });
    expect(lines[0]?.photosRequiredFor).toEqual(["defective"]);
    expect(lines[0]?.changeOfMind).toMatchObject({
      basis: { track: "statutory_withdrawal", citation: expect.stringContaining("BGB") },
    });
    expect(order.body.withdrawalFunction).toBe(true);

    const body = {
      lines: [{ orderLineExternalId: "L1", quantity: 2, reason: "changed_mind" }],
      resolution: "store_credit",
    };
    const portal = await portalCall(h.app, s, "POST", "/acme/preview", body);
    const api = await call(h.app, auth, "POST", "/api/v1/returns/preview", {
      orderExternalId: "O-1",
      lines: body.lines,
      requestedResolution: "store_credit",
    });
    expect(portal.status).toBe(200);
    expect(portal.body.refund).toEqual(api.body.refund);
    const refund = portal.body.refund as Json;
    expect(refund.byDestination).toMatchObject({ store_credit: expect.any(String) });
    expect((refund.lines as Json[]).map((l) => l.type)).toContain("store_credit_bonus");
    expect(portal.body.refundDeadline).toMatchObject({ citation: expect.stringContaining("BGB") });
    expect((portal.body.timing as Json[])[0]).toMatchObject({
      method: "store_credit",
      trigger: "inspection",
    });
  });

  it("needs a photo where the policy asks; refuses a disguised executable and an oversized file; strips EXIF", async () => {
    const s = await session("O-2");
    const defective = { orderLineExternalId: "L2", quantity: 1, reason: "defective" };
    const without = await portalCall(h.app, s, "POST", "/acme/returns", {
      lines: [defective],
      resolution: "refund",
    });
    expect(without.status).toBe(422);
    expect((without.body.errors as Json[])[0]).toMatchObject({ path: "lines[0].photoIds" });

    const exe = await upload(s, disguisedExecutable(), "photo.jpg", "image/jpeg");
    expect(exe.statusCode).toBe(415);
    expect(exe.json()).toMatchObject({
      code: "unsupported_media_type",
      found: "a Windows executable",
      errors: [{ path: "photo" }],
    });
    const big = await upload(s, Buffer.concat([jpegWithExif(), Buffer.alloc(8 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ errors: [{ path: "photo" }] });

    const ok = await upload(s, jpegWithExif());
    expect(ok.statusCode).toBe(201);
    const photo = ok.json() as { id: string; bytes: number };
    expect(photo.bytes).toBeLessThan(jpegWithExif().length);
    const opened = await portalCall(h.app, s, "POST", "/acme/returns", {
      lines: [{ ...defective, photoIds: [photo.id], comment: "seam came apart" }],
      resolution: "refund",
    });
    expect(opened.status).toBe(201);
    // The photo is used: it cannot be attached to a second return.
    const again = await portalCall(h.app, s, "POST", "/acme/returns", {
      lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "defective", photoIds: [photo.id] }],
      resolution: "refund",
    });
    expect(again.status).toBe(422);
    // Stored without its metadata: no GPS position, no comment; the JFIF header and the scan stay.
    const [stored] = await h.deps.store.read.portal.caseUploads(merchantId, String(opened.body.id));
    const bytes = Buffer.from((await h.deps.photos?.get(stored?.storageKey ?? "")) ?? []).toString("latin1");
    expect(bytes).toContain("JFIF");
    expect(bytes).not.toContain("GPS");
    expect(bytes).not.toContain("shot on my phone");
    expect(stored?.contentType).toBe("image/jpeg");
    const status = await portalCall(h.app, s, "GET", `/acme/returns/${opened.body.id}`);
    expect((status.body.lines as Json[])[0]).toMatchObject({ photos: 1, comment: "seam came apart" });
  });

  it("exchanges for a dearer variant: the difference becomes a payment request the shopper confirms", async () => {
    const s = await session("O-1");
    const variants = await portalCall(h.app, s, "GET", "/acme/order/lines/L1/variants");
    expect((variants.body.items as Json[]).map((v) => v.sku)).toEqual(["TEE-1", "TEE-1-XL"]);
    const body = {
      lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "wrong_size" }],
      resolution: "exchange",
      replacementSku: "TEE-1-XL",
    };
    const preview = await portalCall(h.app, s, "POST", "/acme/preview", body);
    const diff = ((preview.body.refund as Json).lines as Json[]).find(
      (l) => l.type === "exchange_difference",
    );
    expect(diff?.amount).toBe("-59.90");
    const api = await call(h.app, auth, "POST", "/api/v1/returns/preview", {
      orderExternalId: "O-1",
      lines: body.lines,
      requestedResolution: "exchange",
      replacementSku: "TEE-1-XL",
    });
    expect(preview.body.refund).toEqual(api.body.refund);
    const opened = await portalCall(h.app, s, "POST", "/acme/returns", body);
    expect(opened.status).toBe(201);
    const id = String(opened.body.id);
    // The agent resolves without naming a replacement: the variant the shopper picked is used.
    for (const cmd of ["approve", "ship", "receive", "inspect", "resolve"]) {
      const c = await call(h.app, auth, "GET", `/api/v1/returns/${id}`);
      const line = (c.body.lines as Json[])[0]?.id;
      const payload =
        cmd === "receive"
          ? { lines: [{ lineId: line, quantity: 1 }] }
          : cmd === "inspect"
            ? { lines: [{ lineId: line, quantity: 1, outcome: "accepted", condition: "like_new" }] }
            : {};
      expect((await call(h.app, auth, "POST", `/api/v1/returns/${id}/${cmd}`, payload)).status).toBe(200);
    }
    const view = await portalCall(h.app, s, "GET", `/acme/returns/${id}`);
    const request = (view.body.settlements as Json[]).find((x) => x.method === "payment_request");
    expect(request).toMatchObject({ status: "requires_action", amount: "15.00" });
    expect(view.body.replacement).toMatchObject({ sku: "TEE-1-XL", quantity: 1 });
    const replacementOrder = await call(h.app, auth, "GET", `/api/v1/orders/O-1-X-${view.body.number}`);
    expect((replacementOrder.body.lines as Json[])[0]).toMatchObject({ sku: "TEE-1-XL", unitPrice: "59.90" });
    const confirmed = await portalCall(
      h.app,
      s,
      "POST",
      `/acme/returns/${id}/settlements/${request?.id}/confirm`,
    );
    expect((confirmed.body.settlements as Json[]).find((x) => x.id === request?.id)?.status).toBe(
      "awaiting_payment",
    );
  });

  it("lets a gift recipient return without prices; the store credit goes to the recipient", async () => {
    const s = await session("O-GIFT", { giftCode: "GIFT-5678" });
    const order = await portalCall(h.app, s, "GET", "/acme/order");
    expect(JSON.stringify(order.body)).not.toMatch(/"amount"|49\.90|44\.90/);
    const line = { orderLineExternalId: "L2", quantity: 1, reason: "changed_mind" };
    const preview = await portalCall(h.app, s, "POST", "/acme/preview", {
      lines: [line],
      resolution: "store_credit",
    });
    expect(preview.body.refund).toBeNull();
    const refund = await portalCall(h.app, s, "POST", "/acme/returns", {
      lines: [line],
      resolution: "refund",
    });
    expect((refund.body.errors as Json[]).map((e) => e.path)).toEqual(["resolution", "giftRecipient.email"]);
    const opened = await portalCall(h.app, s, "POST", "/acme/returns", {
      lines: [line],
      resolution: "store_credit",
      giftRecipient: { email: "Friend@Example.org", name: "Friend" },
    });
    expect(opened.status).toBe(201);
    const id = String(opened.body.id);
    const c = await call(h.app, auth, "GET", `/api/v1/returns/${id}`);
    const lineId = (c.body.lines as Json[])[0]?.id;
    await call(h.app, auth, "POST", `/api/v1/returns/${id}/approve`, {});
    await call(h.app, auth, "POST", `/api/v1/returns/${id}/receive`, { lines: [{ lineId, quantity: 1 }] });
    await call(h.app, auth, "POST", `/api/v1/returns/${id}/inspect`, {
      lines: [{ lineId, quantity: 1, outcome: "accepted", condition: "like_new" }],
    });
    const view = await portalCall(h.app, s, "GET", `/acme/returns/${id}`);
    expect(view.body.giftRecipient).toEqual({ email: "friend@example.org" });
    expect((view.body.settlements as Json[])[0]).toMatchObject({ method: "store_credit", amount: null });
    const buyer = String(c.body.customerId);
    const buyerCredit = await call(h.app, auth, "GET", `/api/v1/customers/${buyer}/store-credit`);
    expect(JSON.stringify(buyerCredit.body)).not.toMatch(/"[1-9][0-9]*\.[0-9]{2}"/);
    // The buyer's session does not see the recipient's return.
    const b = await session("O-GIFT");
    expect((await portalCall(h.app, b, "GET", `/acme/returns/${id}`)).status).toBe(404);
  });

  it("asks cash-on-delivery shoppers for a bank account, checked with the API's rules", async () => {
    const s = await session("O-COD");
    const check = await portalCall(h.app, s, "POST", "/acme/bank-account/check", {
      scheme: "iban",
      accountHolder: "Ana Schmidt",
      iban: "DE89 3704 0044 0532 0130 00",
    });
    expect(check.body).toMatchObject({ valid: true, masked: expect.stringMatching(/^DE/) });
    const wrong = await portalCall(h.app, s, "POST", "/acme/bank-account/check", {
      scheme: "iban",
      accountHolder: "Ana Schmidt",
      iban: "DE89370400440532013001",
    });
    expect(wrong.body).toMatchObject({ valid: false, errors: [{ path: "iban" }] });
    const line = { orderLineExternalId: "L2", quantity: 1, reason: "changed_mind" };
    const missing = await portalCall(h.app, s, "POST", "/acme/returns", {
      lines: [line],
      resolution: "refund",
    });
    expect((missing.body.errors as Json[])[0]).toMatchObject({ path: "bankAccount" });
    const bad = await portalCall(h.app, s, "POST", "/acme/returns", {
      lines: [line],
      resolution: "refund",
      bankAccount: { scheme: "iban", accountHolder: "Ana", iban: "DE00370400440532013000" },
    });
    expect((bad.body.errors as Json[])[0]?.path).toBe("bankAccount.iban");
  });

  it("withdraws from the contract in two steps and stores the acknowledgement; tracking and cancel", async () => {
    const s = await session("O-2");
    const ack = await portalCall(h.app, s, "POST", "/acme/withdrawals", {
      lines: [{ orderLineExternalId: "L1", quantity: 2 }],
      name: "Ana Schmidt",
      email: "ana@example.de",
      locale: "de",
      confirm: true,
    });
    expect(ack.status).toBe(201);
    expect(ack.body.acknowledgement).toMatchObject({
      declaredAt: "2026-03-10T10:00:00.000Z",
      citation: expect.stringContaining("2023/2673"),
      lines: [{ orderLineExternalId: "L1", quantity: 2 }],
    });
    const id = String((ack.body.case as Json).id);
    const events = await call(h.app, auth, "GET", `/api/v1/returns/${id}/events`);
    expect((events.body.items as Json[]).map((e) => e.type)).toContain("return.withdrawal_declared");
    const view = await portalCall(h.app, s, "GET", `/acme/returns/${id}`);
    expect(view.body).toMatchObject({
      withdrawal: { declaredAt: "2026-03-10T10:00:00.000Z" },
      canCancel: true,
    });
    expect((view.body.timeline as Json[])[0]).toMatchObject({ key: "requested", state: "done" });

    await call(h.app, auth, "POST", `/api/v1/returns/${id}/approve`, {});
    const tracked = await portalCall(h.app, s, "POST", `/acme/returns/${id}/tracking`, {
      carrier: "DHL",
      trackingNumber: "JJD0099887766",
    });
    expect(tracked.body).toMatchObject({
      tracking: { trackingNumber: "JJD0099887766" },
      status: "awaiting_shipment",
    });
    expect((tracked.body.instructions as Json).reference).toBe(view.body.number);
    const cancelled = await portalCall(h.app, s, "POST", `/acme/returns/${id}/cancel`);
    expect(cancelled.body.status).toBe("cancelled");
    expect((await portalCall(h.app, s, "POST", `/acme/returns/${id}/cancel`)).status).toBe(409);
  });

  it("refuses a withdrawal after the statutory period and says why", async () => {
    h.clock.set("2026-03-25T10:00:00Z");
    const s = await session("O-1");
    const late = await portalCall(h.app, s, "POST", "/acme/withdrawals", {
      lines: [{ orderLineExternalId: "L2", quantity: 1 }],
      name: "Ana",
      email: "ana@example.de",
      confirm: true,
    });
    expect(late.status).toBe(422);
    const preview = await portalCall(h.app, s, "POST", "/acme/preview", {
      lines: [{ orderLineExternalId: "L2", quantity: 1, reason: "changed_mind" }],
    });
    const line = (preview.body.lines as Json[])[0];
    expect(line?.eligible).toBe(true); // the merchant's 30 days still run
    expect((await portalCall(h.app, s, "GET", "/acme/order")).status).toBe(200);
    h.clock.set("2026-04-10T10:00:00Z");
    const s2 = await session("O-1");
    const refused = await portalCall(h.app, s2, "POST", "/acme/preview", {
      lines: [{ orderLineExternalId: "L2", quantity: 1, reason: "changed_mind" }],
    });
    expect((refused.body.lines as Json[])[0]).toMatchObject({
      eligible: false,
      whyNot: expect.arrayContaining([
        { code: "withdrawal_period_ended", date: "2026-03-17", citation: expect.stringContaining("BGB") },
        { code: "policy_window_ended", date: "2026-04-02" },
      ]),
    });
  });
});
