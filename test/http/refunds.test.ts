import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expireStoreCredit } from "../../src/app/store-credit.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { DAY, GENEROUS_POLICY, type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { itWith, POPPLER } from "../support/tools.ts";

const dir = mkdtempSync(join(tmpdir(), "crossback-refunds-"));

describeEachDb("the money engine through the API", (kind) => {
  let h: Harness;
  let auth: string;
  let merchantId: string;
  let n = 0;
  const api = (
    method: "GET" | "POST" | "PUT",
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => call(h.app, auth, method, url, body, headers);
  /** A fresh DE order and a return of its first line, walked to `steps`. */
  async function caseWith(
    steps: [string, unknown][],
    order: Record<string, unknown> = {},
    resolution = "refund",
    reason = "changed_mind",
    quantity = 2,
  ) {
    const id = `ORD-${++n}`;
    expect(
      (
        await api(
          "PUT",
          `/api/v1/orders/${id}`,
          orderJson({
            customer: { email: `c${n}@example.de`, locale: "de-DE", timeZone: "Europe/Berlin" },
            ...order,
          }),
        )
      ).status,
    ).toBe(201);
    const c = await api("POST", "/api/v1/returns", {
      orderExternalId: id,
      lines: [{ orderLineExternalId: "L1", quantity, reason }],
      requestedResolution: resolution,
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const caseId = c.body.id as string;
    const lineId = ((c.body.lines as Json[])[0] as Json).id as string;
    let last = c.body;
    for (const [cmd, body] of steps) {
      const r = await api(
        "POST",
        `/api/v1/returns/${caseId}/${cmd}`,
        typeof body === "function" ? body(lineId) : body,
      );
      expect(r.status, `${cmd}: ${JSON.stringify(r.body)}`).toBe(200);
      last = r.body;
    }
    return { caseId, lineId, last, orderId: id };
  }
  const toInspection = (quantity = 2): [string, unknown][] => [
    ["approve", {}],
    ["receive", (lineId: string) => ({ lines: [{ lineId, quantity }] })],
    [
      "inspect",
      (lineId: string) => ({ lines: [{ lineId, quantity, outcome: "accepted", condition: "like_new" }] }),
    ],
  ];

  beforeAll(async () => {
    h = await startHarness(kind);
    const m = await merchantWithKey(h.deps, "acme", {
      policy: { ...GENEROUS_POLICY, storeCreditBonus: { percent: 10 }, refundTrigger: "inspection" },
    });
    auth = m.auth;
    merchantId = m.merchantId;
    await h.deps.store.transaction(async (r) => {
      await r.setup.insertLegalEntity(merchantId, {
        id: h.deps.ids.next(),
        name: "Acme Europe B.V.",
        country: "NL",
        vatNumber: "NL123456789B01",
        eoriNumber: null,
        iossNumber: null,
        address: { line1: "Keizersgracht 1", city: "1015 Amsterdam" },
      });
    });
  });
  afterAll(() => h.close());

  it("refunds at the policy's trigger, itemised, with a gapless credit note readable as PDF", async () => {
    const { caseId, last } = await caseWith(toInspection());
    expect((last.settlements as Json[]).map((s) => [s.method, s.amount, s.status])).toEqual([
      ["original_payment", "89.80", "succeeded"],
    ]);
    const refunds = await api("GET", `/api/v1/returns/${caseId}/refunds`);
    const calc = (refunds.body.items as Json[])[0] as Json;
    expect([calc.version, calc.total]).toEqual([1, "89.80"]);
    expect((calc.lines as Json[]).map((l) => [l.type, l.amount])).toEqual([
      ["item_net", "85.46"],
      ["discount_reversal", "-10.00"],
      ["item_tax", "14.34"],
    ]);
    const notes = refunds.body.creditNotes as Json[];
    expect(notes.map((x) => x.number)).toEqual([`CN-NL-2026-000001`]);
    const second = await caseWith(toInspection());
    const notes2 = (await api("GET", `/api/v1/returns/${second.caseId}/refunds`)).body.creditNotes as Json[];
    expect(notes2.map((x) => x.number)).toEqual([`CN-NL-2026-000002`]);
    const pdf = await h.app.inject({
      method: "GET",
      url: `/api/v1/credit-notes/${(notes[0] as Json).id}/pdf`,
      headers: { authorization: auth },
    });
    expect([pdf.statusCode, pdf.headers["content-type"]]).toEqual([200, "application/pdf"]);
    const file = join(dir, `cn-${kind}.pdf`);
    writeFileSync(file, pdf.rawPayload);
  });

  itWith(POPPLER)("the credit note's PDF reads back with pdftotext", () => {
    const text = execFileSync("pdftotext", ["-layout", join(dir, `cn-${kind}.pdf`), "-"], {
      encoding: "utf8",
    });
    expect(text).toContain("CN-NL-2026-000001");
    expect(text).toContain("Rechnungskorrektur");
    expect(text.replace(/\s+/g, " ")).toContain("89,80 €");
  });

  it("lets only one of 100 concurrent refund requests move the money", async () => {
    await api("PUT", "/api/v1/settings", { autoRefund: false });
    const { caseId } = await caseWith(toInspection());
    expect((await api("POST", `/api/v1/returns/${caseId}/refund-preview`, {})).body.due).toBe(true);
    const results = await Promise.all(
      Array.from({ length: 100 }, () => api("POST", `/api/v1/returns/${caseId}/refunds`, {})),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 || r.status === 422)).toHaveLength(99);
    const settlements = (await api("GET", `/api/v1/returns/${caseId}`)).body.settlements as Json[];
    expect(settlements.map((s) => s.amount)).toEqual(["89.80"]);
    expect((await api("POST", `/api/v1/returns/${caseId}/refund-preview`, {})).body.due).toBe(false);
    await api("PUT", "/api/v1/settings", {});
  });

  it("issues store credit with the policy's bonus, spends it, and lets it expire", async () => {
    await api("PUT", "/api/v1/settings", { storeCreditExpiryDays: 30 });
    const { last } = await caseWith(toInspection(1), {}, "store_credit");
    // One unit: 44.90 + 10 % bonus 4.49.
    expect((last.settlements as Json[]).map((s) => [s.method, s.amount])).toEqual([
      ["store_credit", "49.39"],
    ]);
    const customer = last.customerId as string;
    const spend = await api("POST", `/api/v1/customers/${customer}/store-credit/redeem`, {
      amount: "20.00",
      currency: "EUR",
      reference: "ORDER-2",
    });
    expect(spend.body.balance).toEqual({ amount: "29.39", currency: "EUR" });
    const over = await api("POST", `/api/v1/customers/${customer}/store-credit/redeem`, {
      amount: "30.00",
      currency: "EUR",
      reference: "ORDER-3",
    });
    expect([over.status, over.body.limit]).toEqual([422, 2939]);
    h.clock.advance(31 * DAY);
    expect(await expireStoreCredit(h.deps)).toBe(1);
    h.clock.advance(-31 * DAY);
    expect((await api("GET", `/api/v1/customers/${customer}/store-credit`)).body.balances).toEqual([
      { currency: "EUR", amount: "0.00" },
    ]);
    await api("PUT", "/api/v1/settings", {});
  });

  it("pays cash-on-delivery refunds by bank transfer: details, approval, a valid SEPA file, paid", async () => {
    await api("PUT", "/api/v1/settings", {
      bankTransferApprovalAbove: { EUR: "50.00" },
      sepaDebtor: { name: "Acme Europe B.V.", iban: "NL91ABNA0417164300", bic: "ABNANL2A" },
    });
    const cod = { tenders: [{ kind: "cash_on_delivery", amount: "124.60" }] };
    const { last } = await caseWith(toInspection(), cod);
    const s = (last.settlements as Json[])[0] as Json;
    expect([s.method, s.status, s.amount]).toEqual(["bank_transfer", "requires_action", "89.80"]);
    const bad = await api("POST", `/api/v1/settlements/${s.id}/bank-account`, {
      accountHolder: "Łukasz Żółć",
      scheme: "iban",
      iban: "DE89370400440532013001",
    });
    expect([bad.status, ((bad.body.errors as Json[])[0] as Json).path]).toEqual([422, "iban"]);
    const ok = await api("POST", `/api/v1/settlements/${s.id}/bank-account`, {
      accountHolder: "Łukasz Żółć",
      scheme: "iban",
      iban: "DE89 3704 0044 0532 0130 00",
    });
    expect([ok.body.status, (ok.body.bankAccount as Json).masked]).toEqual([
      "requires_action",
      "DE89 **** **** **** **30 00",
    ]);
    expect((await api("POST", "/api/v1/payouts/sepa-export", {})).status).toBe(422); // not approved yet
    expect((await api("POST", `/api/v1/settlements/${s.id}/approve`, {})).body.status).toBe(
      "awaiting_export",
    );
    const exported = await h.app.inject({
      method: "POST",
      url: "/api/v1/payouts/sepa-export",
      headers: { authorization: auth, "content-type": "application/json" },
      payload: { requestedExecutionDate: "2026-03-23" },
    });
    expect(exported.statusCode).toBe(200);
    const file = { body: (exported.json() as { xml: string }).xml };
    const xml = join(dir, `sepa-${kind}.xml`);
    writeFileSync(xml, file.body);
    execFileSync("xmllint", ["--noout", "--schema", "reference/schemas/pain.001.001.09.xsd", xml], {
      stdio: "pipe",
    });
    expect(file.body).toContain('<InstdAmt Ccy="EUR">89.80</InstdAmt>');
    expect(file.body).toContain("Lukasz Zolc");
    const paid = await api("POST", `/api/v1/settlements/${s.id}/mark-paid`, {});
    expect(paid.body.status).toBe("succeeded");
    await api("PUT", "/api/v1/settings", {});
  });

  it("settles exchanges: a cheaper replacement refunds the difference, a dearer one asks the shopper", async () => {
    const cheaper = await caseWith(
      [
        ...toInspection(1),
        [
          "resolve",
          {
            replacement: {
              sku: "TEE-2",
              title: "Linen tee, blue",
              unitPrice: { amount: "30.00", currency: "EUR" },
            },
          },
        ],
      ],
      {},
      "exchange",
      "wrong_size",
      1,
    );
    expect(((cheaper.last.settlements as Json[]) ?? []).map((s) => [s.method, s.amount])).toEqual([
      ["original_payment", "14.90"],
    ]);
    const dearer = await caseWith(
      [
        ...toInspection(1),
        [
          "resolve",
          {
            replacement: {
              sku: "TEE-9",
              title: "Linen shirt",
              unitPrice: { amount: "69.90", currency: "EUR" },
            },
          },
        ],
      ],
      {},
      "exchange",
      "wrong_size",
      1,
    );
    const request = ((dearer.last.settlements as Json[]) ?? [])[0] as Json;
    expect([request.method, request.amount, request.status]).toEqual([
      "payment_request",
      "25.00",
      "requires_action",
    ]);
    expect((await api("POST", `/api/v1/settlements/${request.id}/confirm`, {})).body.status).toBe(
      "awaiting_payment",
    );
    expect((await api("GET", `/api/v1/orders/${dearer.orderId}-X-${dearer.last.number}`)).body.lines).toEqual(
      [expect.objectContaining({ sku: "TEE-9", unitPrice: "69.90" })],
    );
  });

  it("shows units refunded before inspection that inspection then refused", async () => {
    await api("PUT", "/api/v1/policies/default", { ...GENEROUS_POLICY, refundTrigger: "hub_receipt" });
    const { last } = await caseWith([
      ["approve", {}],
      ["receive", (lineId: string) => ({ lines: [{ lineId, quantity: 2 }] })],
      [
        "inspect",
        (lineId: string) => ({
          lines: [
            { lineId, quantity: 1, outcome: "accepted", condition: "good" },
            { lineId, quantity: 1, outcome: "refused", condition: "damaged" },
          ],
        }),
      ],
    ]);
    expect(last.refundedButRefused).toEqual([expect.objectContaining({ refused: 1, refunded: 2 })]);
    await api("PUT", "/api/v1/policies/default", {
      ...GENEROUS_POLICY,
      storeCreditBonus: { percent: 10 },
      refundTrigger: "inspection",
    });
  });

  describe("FX and deadlines", () => {
    it("records the settlement-currency value with its rate, and the FX gain or loss since capture", async () => {
      await h.deps.store.transaction((r) =>
        r.fx.upsert("ECB", [
          { date: "2026-03-01", currency: "USD", rate: "1.0500" },
          { date: "2026-03-20", currency: "USD", rate: "1.1000" },
        ]),
      );
      const us = orderJson({
        currency: "USD",
        taxesIncluded: false,
        shippingAddress: { country: "US", region: "NY" },
        customer: { email: "fx@example.com" },
      });
      us.lines = [
        {
          externalId: "L1",
          sku: "X",
          title: "Boots",
          quantity: 1,
          unitPrice: "105.00",
          tax: "0",
          discount: "0",
        },
      ];
      us.shipping = { amount: "0", tax: "0", method: "std", cheapestStandardAmount: "0" };
      us.tenders = [
        {
          kind: "card",
          provider: "stripe",
          reference: "pi_1",
          amount: "105.00",
          capturedAt: "2026-03-01T09:00:00Z",
        },
      ];
      us.fulfilments = [
        {
          externalId: "F1",
          lines: [{ lineExternalId: "L1", quantity: 1 }],
          shippedAt: "2026-03-02T08:00:00Z",
          deliveredAt: "2026-03-03T12:00:00Z",
          carrier: "UPS",
          trackingNumber: "1",
        },
      ];
      expect((await api("PUT", "/api/v1/orders/US-1", us)).status).toBe(201);
      const c = await api("POST", "/api/v1/returns", {
        orderExternalId: "US-1",
        lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "defective" }],
        requestedResolution: "refund",
      });
      const lineId = ((c.body.lines as Json[])[0] as Json).id;
      await api("POST", `/api/v1/returns/${c.body.id}/approve`, {});
      await api("POST", `/api/v1/returns/${c.body.id}/receive`, { lines: [{ lineId, quantity: 1 }] });
      const inspected = await api("POST", `/api/v1/returns/${c.body.id}/inspect`, {
        lines: [{ lineId, quantity: 1, outcome: "accepted", condition: "damaged" }],
      });
      const s = (
        await api("GET", `/api/v1/settlements/${((inspected.body.settlements as Json[])[0] as Json).id}`)
      ).body;
      // 105.00 USD: 95.45 EUR at 1.10 today, 100.00 EUR at 1.05 on capture day → the merchant gains 4.55 EUR.
      const report = await api("GET", "/api/v1/reports/fx?from=2026-03-20&to=2026-03-20");
      expect((report.body.items as Json[]).find((x) => x.currency === "USD")).toMatchObject({
        refunds: 1,
        refunded: "105.00",
        settlementCurrency: "EUR",
        settlementValue: "95.45",
        valueAtCapture: "100.00",
        gainLoss: "4.55",
      });
      expect(s.settlementValue).toMatchObject({
        currency: "EUR",
        amount: "95.45",
        rate: "0.90909091",
        source: "ECB",
        amountAtCapture: "100.00",
        gainLoss: "4.55",
      });
    });

    it("converts fees set in the merchant's currency at the policy's rate rule, and shows the conversion", async () => {
      await h.deps.store.transaction((r) =>
        r.fx.upsert("ECB", [
          { date: "2026-03-01", currency: "GBP", rate: "0.85" },
          { date: "2026-03-20", currency: "GBP", rate: "0.90" },
        ]),
      );
      const gb = orderJson({
        currency: "GBP",
        shippingAddress: { country: "GB" },
        customer: { email: "gb@example.co.uk" },
      });
      const previewFor = async (feeRate: string) => {
        await api("PUT", "/api/v1/policies/gb", {
          name: "UK",
          scope: { countries: ["GB"] },
          window: { days: 60 },
          returnShipping: { paidBy: "customer", flatFee: { EUR: "4.95" } },
          feeRate,
        });
        return api("POST", "/api/v1/returns/preview", {
          orderExternalId: "GB-1",
          lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
        });
      };
      expect((await api("PUT", "/api/v1/orders/GB-1", gb)).status).toBe(201);
      const original = await previewFor("original");
      expect((original.body.fees as Json[]).map((f) => [f.amount, f.currency])).toEqual([["4.21", "GBP"]]); // 4.95 × 0.85 = 4.2075
      expect(original.body.feeConversions).toEqual([
        expect.objectContaining({
          field: "returnShipping.flatFee",
          from: "4.95",
          fromCurrency: "EUR",
          to: "4.21",
          toCurrency: "GBP",
          rate: "0.85",
          rateDate: "2026-03-01",
          rule: "original",
        }),
      ]);
      const current = await previewFor("current");
      expect((current.body.fees as Json[]).map((f) => f.amount)).toEqual(["4.46"]); // 4.95 × 0.90 = 4.455 → half even
    });

    it("stores the statutory refund deadline on withdrawals and flags cases approaching it", async () => {
      const delivered = orderJson().fulfilments.map((f) => ({ ...f, deliveredAt: "2026-03-15T12:00:00Z" }));
      const { caseId } = await caseWith([], { fulfilments: delivered });
      const c = (await api("GET", `/api/v1/returns/${caseId}`)).body;
      // Notice on 20 March 2026 (Berlin) → refund due within 14 days: 3 April.
      expect(c.refundDeadline).toMatchObject({
        dueBy: "2026-04-03",
        jurisdiction: "DE",
        mayWithholdUntilGoodsOrProof: true,
        status: "open",
      });
      h.clock.advance(12 * DAY);
      expect(((await api("GET", `/api/v1/returns/${caseId}`)).body.refundDeadline as Json).status).toBe(
        "approaching",
      );
      const due = await api("GET", "/api/v1/returns?refundDueWithinDays=3");
      expect((due.body.items as Json[]).map((x) => x.id)).toContain(caseId);
      h.clock.advance(-12 * DAY);
    });
  });
});
