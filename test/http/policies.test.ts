import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { type Harness, merchantWithKey, startHarness } from "../support/harness.ts";

const paths = (body: Json) => ((body.errors as Json[] | undefined) ?? []).map((e) => e.path);

const EU_FASHION = {
  name: "EU fashion",
  scope: { countries: ["DE", "FR", "NL"] },
  window: { days: 30, from: "delivery" },
  nonReturnable: { attributes: ["finalSale"] },
  returnShipping: { paidBy: "customer", flatFee: { EUR: "4.95" }, freeAbove: { EUR: "150.00" } },
  restockingFee: { percent: 10 },
  resolutions: ["refund", "store_credit", "exchange"],
  storeCreditBonus: { percent: 10 },
  shipByDays: 10,
  refundTrigger: "inspection",
};

describeEachDb("return policies and the eligibility preview", (kind) => {
  let h: Harness;
  let auth: string;
  const preview = (body: unknown) => call(h.app, auth, "POST", "/api/v1/returns/preview", body);
  const line = (body: Json, i = 0) => (body.lines as Json[])[i] as Json;
  beforeAll(async () => {
    h = await startHarness(kind);
    auth = (await merchantWithKey(h.deps, "acme", { policy: null })).auth;
    expect((await call(h.app, auth, "PUT", "/api/v1/orders/ORD-1", orderJson())).status).toBe(201);
  });
  afterAll(() => h.close());

  describe("policies", () => {
    it("saves versions, answers warnings naming the statute, and reads them back", async () => {
      const first = await call(h.app, auth, "PUT", "/api/v1/policies/eu-fashion", EU_FASHION);
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body.version).toBe(1);
      const warnings = first.body.warnings as Json[];
      const restocking = warnings.filter((w) => w.field === "restockingFee");
      expect(restocking.map((w) => w.jurisdiction)).toEqual(["DE", "FR", "NL"]);
      expect(String(restocking[0]?.citation)).toContain("BGB");
      expect(
        warnings.some(
          (w) => w.field === "nonReturnable.attributes" && String(w.message).includes("finalSale"),
        ),
      ).toBe(true);

      const second = await call(h.app, auth, "PUT", "/api/v1/policies/eu-fashion", {
        ...EU_FASHION,
        window: { days: 45, from: "delivery" },
      });
      expect([second.status, second.body.version]).toEqual([200, 2]);
      const v1 = await call(h.app, auth, "GET", "/api/v1/policies/eu-fashion?version=1");
      expect((v1.body.window as Json).days).toBe(30);
      const latest = await call(h.app, auth, "GET", "/api/v1/policies/eu-fashion");
      expect((latest.body.window as Json).days).toBe(45);
      const list = await call(h.app, auth, "GET", "/api/v1/policies");
      expect((list.body.items as Json[]).map((p) => [p.id, p.version])).toEqual([["eu-fashion", 2]]);
      expect((await call(h.app, auth, "GET", "/api/v1/policies/nope")).status).toBe(404);
    });

    it("names every invalid field", async () => {
      const bad = {
        ...EU_FASHION,
        scope: { countries: ["XX"] },
        window: { days: -1, from: "someday" },
        holidayWindows: [{ purchasedFrom: "2026-12-24", purchasedTo: "2026-11-15", returnBy: "2027-01-31" }],
        reasons: { bored: { allowed: true } },
        returnShipping: { paidBy: "customer", flatFee: { JPY: "1.5" } },
        restockingFee: { percent: 150 },
        storeCreditBonus: { percent: 12.345 },
        keepItBelow: { XYZ: "1" },
        shipByDays: 0,
        refundTrigger: "whenever",
        cancellation: {
          tiers: [
            { hoursBefore: 24, refundPercent: 100 },
            { hoursBefore: 24, refundPercent: 50 },
          ],
        },
      };
      const r = await call(h.app, auth, "PUT", "/api/v1/policies/bad", bad);
      expect(r.status).toBe(400);
      expect(paths(r.body)).toEqual(
        expect.arrayContaining([
          "scope.countries[0]",
          "window.days",
          "window.from",
          "reasons.bored",
          "restockingFee.percent",
          "storeCreditBonus.percent",
          "keepItBelow.XYZ",
          "shipByDays",
          "refundTrigger",
        ]),
      );
      const semantic = await call(h.app, auth, "PUT", "/api/v1/policies/bad", {
        ...EU_FASHION,
        holidayWindows: [{ purchasedFrom: "2026-12-24", purchasedTo: "2026-11-15", returnBy: "2027-01-31" }],
        returnShipping: { paidBy: "customer", flatFee: { JPY: "1.5" } },
        cancellation: {
          tiers: [
            { hoursBefore: 24, refundPercent: 100 },
            { hoursBefore: 24, refundPercent: 50 },
          ],
        },
      });
      expect(semantic.status).toBe(400);
      expect(paths(semantic.body)).toEqual([
        "returnShipping.flatFee.JPY",
        "holidayWindows[0].purchasedTo",
        "cancellation.tiers",
      ]);
      expect((await call(h.app, auth, "GET", "/api/v1/policies/bad")).status).toBe(404);
    });

    it("refuses two equally specific overlapping policies, and picks the most specific", async () => {
      const clash = await call(h.app, auth, "PUT", "/api/v1/policies/germany", {
        ...EU_FASHION,
        scope: { countries: ["DE", "AT"] },
      });
      expect(clash.status).toBe(422);
      expect(paths(clash.body)).toEqual(["scope"]);
      expect(String(clash.body.detail)).toContain("eu-fashion");
      const caps = await call(h.app, auth, "PUT", "/api/v1/policies/caps", {
        name: "Caps: 7 days",
        scope: { countries: ["DE"], categories: ["caps"] },
        window: { days: 7, from: "delivery" },
        returnShipping: { paidBy: "merchant" },
      });
      expect(caps.status).toBe(201);
      await call(h.app, auth, "PUT", "/api/v1/products/CAP-1", { title: "Cap", category: "caps" });
      const p = await preview({
        orderExternalId: "ORD-1",
        lines: [{ orderLineExternalId: "L2", quantity: 1, reason: "changed_mind" }],
        at: "2026-03-08T12:00:00+01:00",
      });
      expect(line(p.body).policy).toEqual({ id: "caps", version: 1 });
    });
  });

  describe("preview", () => {
    it("judges all three tracks and gives the best one, with local return-by dates", async () => {
      // Delivered Tue 3 March 2026, 13:00 in Berlin. EU withdrawal: 14 days → Tue 17 March.
      const early = await preview({
        orderExternalId: "ORD-1",
        lines: [{ orderLineExternalId: "L1", quantity: 2, reason: "changed_mind" }],
        at: "2026-03-10T10:00:00Z",
      });
      expect(early.status, JSON.stringify(early.body)).toBe(200);
      const l = line(early.body);
      const tracks = Object.fromEntries((l.tracks as Json[]).map((t) => [t.track, t]));
      expect(tracks.statutory_withdrawal?.returnBy).toBe("2026-03-17");
      expect(tracks.merchant_policy?.returnBy).toBe("2026-04-17"); // 45 days (policy version 2)
      expect(tracks.legal_guarantee?.eligible).toBe(false);
      // The statutory track has no restocking fee: cheaper for the shopper, so it wins while it lasts;
      // the shopper can still return until the merchant's later deadline.
      expect([l.eligible, l.track, l.returnBy]).toEqual([true, "statutory_withdrawal", "2026-04-17"]);
      expect(l.fees).toEqual([]);
      expect(String(tracks.statutory_withdrawal?.citation)).toContain("BGB");
      expect(((tracks.merchant_policy?.fees ?? []) as Json[]).map((f) => [f.kind, f.amount])).toEqual([
        ["restocking", "8.98"],
      ]);
      expect((early.body.fees as Json[]).map((f) => [f.kind, f.amount, f.currency])).toEqual([
        ["return_shipping", "4.95", "EUR"],
      ]);

      // The same calculation a case uses: what the shopper would get back now.
      expect((early.body.refund as Json).total).toBe("84.85"); // 89.80 paid − 4.95 return label
      const late = await preview({
        orderExternalId: "ORD-1",
        lines: [{ orderLineExternalId: "L1", quantity: 2, reason: "changed_mind" }],
        at: "2026-03-18T10:00:00Z",
      });
      expect([line(late.body).track, line(late.body).returnBy]).toEqual(["merchant_policy", "2026-04-17"]);
      // On the merchant's track the 10 % restocking fee applies too: 89.80 − 8.98 − 4.95.
      expect((late.body.refund as Json).total).toBe("75.87");

      const faulty = await preview({
        orderExternalId: "ORD-1",
        lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "defective" }],
        at: "2026-09-01T10:00:00Z",
      });
      expect([line(faulty.body).track, line(faulty.body).returnShippingPaidBy]).toEqual([
        "legal_guarantee",
        "merchant",
      ]);
    });

    it("refuses bad input: unknown order or line, too many units, a bad date", async () => {
      expect(
        (
          await preview({
            orderExternalId: "NOPE",
            lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "defective" }],
          })
        ).status,
      ).toBe(404);
      const unknownLine = await preview({
        orderExternalId: "ORD-1",
        lines: [{ orderLineExternalId: "L9", quantity: 1, reason: "defective" }],
      });
      expect([unknownLine.status, paths(unknownLine.body)]).toEqual([422, ["lines[0].orderLineExternalId"]]);
      const tooMany = await preview({
        orderExternalId: "ORD-1",
        lines: [{ orderLineExternalId: "L1", quantity: 3, reason: "defective" }],
      });
      expect([tooMany.status, tooMany.body.limit]).toEqual([422, 2]);
      const badAt = await preview({
        orderExternalId: "ORD-1",
        lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "defective" }],
        at: "next tuesday",
      });
      expect([badAt.status, paths(badAt.body)]).toEqual([400, ["at"]]);
    });
  });

  describe("creation runs the same engine", () => {
    const request = (extra: Json = {}) => ({
      orderExternalId: "ORD-1",
      lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "changed_mind" }],
      requestedResolution: "refund",
      ...extra,
    });

    it("refuses ineligible lines listing why, unless an agent overrides on the record", async () => {
      h.clock.set("2026-06-01T10:00:00Z"); // past every change-of-mind window
      const refused = await call(h.app, auth, "POST", "/api/v1/returns", request());
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe("not_eligible");
      const blocked = ((refused.body.lines as Json[])[0] as Json).blockedBy as Json[];
      expect(blocked.map((b) => b.ruleId)).toEqual(
        expect.arrayContaining(["de.bgb.withdrawal.period", "merchant.eu-fashion.v2.window"]),
      );

      const overridden = await call(
        h.app,
        auth,
        "POST",
        "/api/v1/returns",
        request({ override: { reason: "Loyal customer, goodwill" } }),
      );
      expect(overridden.status, JSON.stringify(overridden.body)).toBe(201);
      expect(
        (overridden.body.overrides as Json[]).map((o) => [o.rule, o.reason, (o.actor as Json).kind]),
      ).toEqual([["eligibility", "Loyal customer, goodwill", "api_key"]]);
      const events = await call(h.app, auth, "GET", `/api/v1/returns/${overridden.body.id}/events`);
      expect((events.body.items as Json[]).map((e) => e.type)).toEqual([
        "return.requested",
        "return.overridden",
      ]);
      await call(h.app, auth, "POST", `/api/v1/returns/${overridden.body.id}/cancel`, {});
      h.clock.set("2026-03-20T10:00:00Z");
    });

    it("freezes the decision: a later policy edit never changes an open case", async () => {
      const c = await call(h.app, auth, "POST", "/api/v1/returns", request());
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      const before = (c.body.decision as Json).lines as Json[];
      expect((before[0] as Json).policy).toEqual({ id: "eu-fashion", version: 2 });
      expect(
        (
          await call(h.app, auth, "PUT", "/api/v1/policies/eu-fashion", {
            ...EU_FASHION,
            window: { days: 5, from: "delivery" },
          })
        ).body.version,
      ).toBe(3);
      const after = await call(h.app, auth, "GET", `/api/v1/returns/${c.body.id}`);
      expect(after.body.decision).toEqual(c.body.decision);
      const approved = await call(h.app, auth, "POST", `/api/v1/returns/${c.body.id}/approve`, {});
      expect(approved.status).toBe(200);
      // ship-by comes from the frozen policy (10 days), not the default.
      expect(Date.parse(String(approved.body.shipBy)) - Date.parse("2026-03-20T10:00:00Z")).toBe(
        10 * 86_400_000,
      );
    });

    it("sends cases to review when the policy asks for it, and refuses resolutions not offered", async () => {
      await call(h.app, auth, "PUT", "/api/v1/policies/eu-fashion", { ...EU_FASHION, requireReview: true });
      const c = await call(
        h.app,
        auth,
        "POST",
        "/api/v1/returns",
        request({ lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "defective" }] }),
      );
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      expect(c.body.status).toBe("needs_review");
      const keep = await call(
        h.app,
        auth,
        "POST",
        "/api/v1/returns",
        request({
          requestedResolution: "keep_it",
          lines: [{ orderLineExternalId: "L2", quantity: 1, reason: "defective" }],
        }),
      );
      expect(keep.status).toBe(422);
      expect(JSON.stringify(keep.body)).toContain("crossback.resolution.not_offered");
    });
  });
});

describeEachDb("the rendered policy", (kind) => {
  let h: Harness;
  let auth: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    auth = (await merchantWithKey(h.deps, "acme", { policy: null })).auth;
    expect((await call(h.app, auth, "PUT", "/api/v1/policies/eu-fashion", EU_FASHION)).status).toBe(201);
  });
  afterAll(() => h.close());

  it("renders the market's policy and the statutory rights in the shopper's language", async () => {
    const de = await call(
      h.app,
      auth,
      "GET",
      "/api/v1/policies/rendered?country=DE&locale=de-DE&currency=EUR",
    );
    expect(de.status, JSON.stringify(de.body)).toBe(200);
    expect([de.body.locale, de.body.jurisdiction, de.body.policy]).toEqual([
      "de-DE",
      "DE",
      { id: "eu-fashion", version: 1 },
    ]);
    expect((de.body.sections as Json[]).map((s) => s.id)).toEqual(
      expect.arrayContaining(["window", "statutory_rights", "legal_guarantee", "refunds"]),
    );
    expect(String(de.body.text)).toContain("Widerruf");
    expect(String(de.body.text)).toContain("4,95");
    const ja = await call(
      h.app,
      auth,
      "GET",
      "/api/v1/policies/rendered?country=JP&locale=ja-JP&currency=JPY",
    );
    expect([ja.body.locale, ja.body.policy]).toEqual(["ja-JP", null]);
    expect(String(ja.body.text)).toMatch(/8日/);
    const sv = await call(
      h.app,
      auth,
      "GET",
      "/api/v1/policies/rendered?country=FR&locale=sv-SE&currency=EUR",
    );
    expect([sv.body.locale, (sv.body.sections as Json[])[0]?.title]).toEqual(["sv-SE", "Returperiod"]);
    const fallback = await call(
      h.app,
      auth,
      "GET",
      "/api/v1/policies/rendered?country=FR&locale=tlh&currency=EUR",
    );
    expect(fallback.body.locale).toBe("en");
    const bad = await call(h.app, auth, "GET", "/api/v1/policies/rendered?country=ZZ&locale=en");
    expect([bad.status, ((bad.body.errors as Json[])[0] as Json).path]).toEqual([400, "query.country"]);
  });
});
