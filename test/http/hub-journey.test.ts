import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyStandardWebhook } from "../../src/adapters/webhooks/standard-webhooks.ts";
import { pdfText } from "../adapters/documents/poppler.ts";
import { describeEachDb } from "../support/databases.ts";
import { call, type Json, orderJson } from "../support/fixtures.ts";
import { GENEROUS_POLICY, type Harness, merchantWithKey, startHarness } from "../support/harness.ts";
import { decodePng } from "../support/zbar.ts";
import { setUpLogistics } from "./logistics-fixtures.ts";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

describeEachDb(
  "hub journey: 20 parcels from two countries → hub → bags → pallets → one ASN → warehouse",
  (kind) => {
    let h: Harness;
    let auth: string;
    const asn: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        asn.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        res.writeHead(204).end();
      });
    });
    const api = (method: "GET" | "POST" | "PUT", url: string, body?: unknown) =>
      call(h.app, auth, method, url, body);
    const ok = async (method: "GET" | "POST" | "PUT", url: string, body?: unknown) => {
      const r = await api(method, url, body);
      if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    };

    beforeAll(async () => {
      await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
      h = await startHarness(kind);
      ({ auth } = await merchantWithKey(h.deps, "hubs", {
        policy: { ...GENEROUS_POLICY, refundTrigger: "hub_receipt" },
      }));
      await setUpLogistics(h, auth);
      const { port } = receiver.address() as AddressInfo;
      const wh = await ok("GET", "/api/v1/locations/NL-WH");
      await ok("PUT", "/api/v1/locations/NL-WH", {
        kind: "warehouse",
        name: wh.name,
        country: "NL",
        address: { name: "Northwind Returns", line1: "Logistiekweg 4", city: "Venlo", postalCode: "5928 LB" },
        accepts: ["*"],
        handlingPerUnit: { amount: "2.00", currency: "EUR" },
        asn: { url: `http://127.0.0.1:${port}/asn`, secret: SECRET },
      });
    });
    afterAll(async () => {
      await h.close();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    });

    it("scans, bags, palletises, ships one ASN, reconciles the receipt and refunds at hub receipt", async () => {
      const cases: { id: string; qr: string }[] = [];
      for (let i = 0; i < 20; i++) {
        const country = i % 2 === 0 ? "DE" : "AT";
        const ext = `J-${i}`;
        await ok(
          "PUT",
          `/api/v1/orders/${ext}`,
          orderJson({
            shippingAddress: {
              country,
              postalCode: "1010",
              city: country === "DE" ? "Berlin" : "Wien",
              line1: `Gasse ${i}`,
            },
            customer: {
              email: `s${i}@example.eu`,
              name: `Shopper ${i}`,
              locale: "de-DE",
              timeZone: "Europe/Berlin",
            },
          }),
        );
        const c = await ok("POST", "/api/v1/returns", {
          orderExternalId: ext,
          requestedResolution: "refund",
          lines: [{ orderLineExternalId: "L1", quantity: 1, reason: "wrong_size" }],
        });
        await ok("POST", `/api/v1/returns/${c.id}/approve`, {});
        const s = await ok("POST", `/api/v1/returns/${c.id}/shipments`, { method: "qr_dropoff" });
        expect(s).toMatchObject({ status: "label_created", destination: { code: "DE-HUB" } });
        const png = await h.app.inject({
          url: String((s.label as Json).qrCodeUrl),
          headers: { authorization: auth },
        });
        const [qr] = decodePng(png.rawPayload);
        cases.push({ id: String(c.id), qr: String(qr) });
      }
      // At the hub: each QR code is scanned, each unit gets a licence plate, the case is shipped and received.
      const plates: string[] = [];
      for (const c of cases) {
        const r = await ok("POST", "/api/v1/hubs/DE-HUB/parcels", { code: c.qr });
        plates.push(...(r.units as Json[]).map((u) => String(u.licencePlate)));
      }
      expect(plates).toHaveLength(20);
      expect(new Set(plates).size).toBe(20);
      const again = await api("POST", "/api/v1/hubs/DE-HUB/parcels", { code: cases[0]?.qr });
      expect(again.body).toMatchObject({ alreadyRegistered: true });
      for (const c of cases) {
        const got = await ok("GET", `/api/v1/returns/${c.id}`);
        expect(got.status).toBe("received");
        expect((got.settlements as Json[]).map((s) => s.status)).toEqual(["succeeded"]);
      }
      // Four bags of five, two pallets, one consolidated shipment to the warehouse.
      const bags: string[] = [];
      for (let b = 0; b < 4; b++) {
        const bag = String((await ok("POST", "/api/v1/hubs/DE-HUB/bags")).code);
        for (const p of plates.slice(b * 5, b * 5 + 5))
          await ok("POST", `/api/v1/hubs/DE-HUB/bags/${bag}/items`, { licencePlate: p });
        await ok("POST", `/api/v1/hubs/DE-HUB/bags/${bag}/seal`);
        bags.push(bag);
      }
      const twice = await api("POST", `/api/v1/hubs/DE-HUB/bags/${bags[0]}/items`, {
        licencePlate: plates[0],
      });
      expect(twice.status).toBe(422);
      const pallets = [
        String((await ok("POST", "/api/v1/hubs/DE-HUB/pallets", { bags: bags.slice(0, 2) })).code),
        String((await ok("POST", "/api/v1/hubs/DE-HUB/pallets", { bags: bags.slice(2) })).code),
      ];
      const con = await ok("POST", "/api/v1/hubs/DE-HUB/consolidations", {
        destination: "NL-WH",
        pallets,
        carrier: "DHL Freight",
        trackingNumber: "FRT-778",
      });
      expect(con).toMatchObject({ units: 20, bags: 4, status: "shipped" });

      // Exactly one ASN, signed per Standard Webhooks, listing every bag and unit.
      expect(asn).toHaveLength(1);
      const note = asn[0];
      if (!note) throw new Error("no ASN");
      expect(verifyStandardWebhook(SECRET, note.headers, note.body, h.clock.now())).toEqual({ ok: true });
      expect(
        verifyStandardWebhook(
          "whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldA==",
          note.headers,
          note.body,
          h.clock.now(),
        ).ok,
      ).toBe(false);
      const payload = JSON.parse(note.body) as {
        type: string;
        data: { pallets: { bags: { units: unknown[] }[] }[]; units: number };
      };
      expect(payload.type).toBe("asn.created");
      expect(payload.data.units).toBe(20);
      expect(payload.data.pallets.flatMap((p) => p.bags).flatMap((b) => b.units)).toHaveLength(20);
      const details = await ok("GET", `/api/v1/consolidations/${con.id}`);
      expect(details.asn).toMatchObject([{ status: "delivered", attempts: 1 }]);

      const csv = (
        await h.app.inject({
          url: `/api/v1/consolidations/${con.id}/manifest?format=csv`,
          headers: { authorization: auth },
        })
      ).body;
      expect(csv.split("\r\n").filter(Boolean)).toHaveLength(21);
      const pdf = (
        await h.app.inject({
          url: `/api/v1/consolidations/${con.id}/manifest?format=pdf`,
          headers: { authorization: auth },
        })
      ).rawPayload;
      expect(pdfText(pdf)).toContain(String(con.code));
      expect(pdfText(pdf)).toContain(String(plates[19]));

      // The warehouse scans every bag; one unit of the last bag is missing: a shortage on its case.
      const lastBag = bags[3] ?? "";
      const present = plates.slice(15, 19);
      const rec = await ok("POST", `/api/v1/consolidations/${con.id}/receipt`, {
        bags: [...bags.slice(0, 3).map((code) => ({ code })), { code: lastBag, licencePlates: present }],
      });
      expect(rec.reconciliation).toMatchObject({
        complete: false,
        unitsExpected: 20,
        unitsReceived: 19,
        missingBags: [],
        shortages: [{ licencePlate: plates[19] }],
      });
      const short = cases[19]?.id ?? "";
      const types = ((await ok("GET", `/api/v1/returns/${short}/events`)).items as Json[]).map((e) => e.type);
      expect(types).toEqual(
        expect.arrayContaining([
          "return.routed",
          "hub.parcel_registered",
          "return.shipped",
          "return.received",
          "refund.issued",
          "hub.shortage",
        ]),
      );
    });
  },
);
