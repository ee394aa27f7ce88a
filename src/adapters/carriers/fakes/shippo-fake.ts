import { createHmac } from "node:crypto";
import { crossesBorder } from "../../../domain/logistics/territories.ts";
import {
  deliver,
  type FakeReply,
  type FakeRequest,
  type FakeServer,
  fakeId,
  startFakeServer,
} from "../../payments/fakes/fake-http.ts";

/**
 * A local stand-in for Shippo's API (2018-02-08) on 127.0.0.1 (random port). Point the official SDK at
 * it with `new Shippo({ apiKeyHeader, serverURL: fake.url })`. Follows the published docs:
 * - https://docs.goshippo.com/docs/guides_general/authentication — `Authorization: ShippoToken <token>`.
 * - POST /shipments {address_from, address_to, parcels, customs_declaration, extra: {is_return}} answers
 *   a Shipment with `rates` (object_id, amount, currency, provider, servicelevel, estimated_days).
 * - Customs declarations: `contents_type` DOCUMENTS | GIFT | SAMPLE | MERCHANDISE | HUMANITARIAN_DONATION |
 *   RETURN_MERCHANDISE | OTHER, `incoterm`, `certify`, `certify_signer`, items with `tariff_number`/`hs_code`,
 *   `origin_country`, `value_amount`, `value_currency`, `net_weight`, `mass_unit`, `quantity`.
 * - POST /transactions {rate, label_file_type, metadata, async} buys the label (status SUCCESS,
 *   tracking_number, label_url); GET /transactions?rate=… lists the transactions of a rate.
 * - GET /tracks/{carrier}/{tracking_number}: tracking_status and tracking_history.
 * - https://docs.goshippo.com/shippoapi/public-api/refunds — POST /refunds {transaction, async}: a Refund
 *   with status QUEUED, or ERROR when the label was already used.
 * - Webhooks (docs.goshippo.com/docs/tracking/webhooksecurity): `{event: "track_updated", test, data}`
 *   with `Shippo-Auth-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
 */
export interface ShippoFake extends FakeServer {
  readonly apiKey: string;
  readonly webhookSecret: string;
  purchases(): { transactionId: string; rateId: string; trackingNumber: string; metadata: string }[];
  /** Transactions whose label refund was queued (POST /refunds; ERROR once the parcel was scanned). */
  refunds(): string[];
  scan(
    trackingNumber: string,
    status: "TRANSIT" | "DELIVERED" | "FAILURE" | "RETURNED",
    details?: string,
    at?: Date,
  ): void;
  signedEvent(
    trackingNumber: string,
    opts?: { secret?: string; timestamp?: number },
  ): { payload: string; signature: string };
  sendWebhook(
    url: string,
    trackingNumber: string,
    opts?: { secret?: string; timestamp?: number },
  ): Promise<{ status: number; body: string }>;
}

type Obj = Record<string, unknown>;
const iso = (d = new Date()) => d.toISOString();
const CONTENTS = [
  "DOCUMENTS",
  "GIFT",
  "SAMPLE",
  "MERCHANDISE",
  "HUMANITARIAN_DONATION",
  "RETURN_MERCHANDISE",
  "OTHER",
];
const shippoError = (status: number, detail: unknown): FakeReply => ({
  status,
  body: typeof detail === "string" ? { detail } : detail,
});

const SERVICES = [
  {
    provider: "DHL Express",
    token: "dhl_express_worldwide",
    name: "Express Worldwide",
    amount: "29.90",
    days: 2,
  },
  { provider: "UPS", token: "ups_standard", name: "Standard", amount: "17.60", days: 5 },
];

function validate(s: Obj): Obj {
  const errors: Obj = {};
  const to = (s.address_to ?? {}) as Obj;
  const from = (s.address_from ?? {}) as Obj;
  if (!to.country) errors.address_to = ["country: This field is required."];
  if (!from.country) errors.address_from = ["country: This field is required."];
  if (!Array.isArray(s.parcels) || s.parcels.length === 0) errors.parcels = ["This field is required."];
  // Carriers need customs papers between customs territories (not inside the EU customs union).
  if (to.country && from.country && crossesBorder(String(from.country), String(to.country))) {
    const cd = s.customs_declaration as Obj | undefined;
    if (!cd) errors.customs_declaration = ["A customs declaration is required for international shipments."];
    else {
      const bad: string[] = [];
      if (!CONTENTS.includes(String(cd.contents_type)))
        bad.push(`contents_type: "${cd.contents_type}" is not a valid choice.`);
      if (cd.certify !== true || !cd.certify_signer) bad.push("certify and certify_signer are required.");
      const items = (cd.items ?? []) as Obj[];
      if (items.length === 0) bad.push("items: This field is required.");
      items.forEach((it, i) => {
        for (const f of [
          "description",
          "quantity",
          "net_weight",
          "mass_unit",
          "value_amount",
          "value_currency",
          "origin_country",
        ])
          if (it[f] === undefined || it[f] === "") bad.push(`items[${i}].${f}: This field is required.`);
      });
      if (bad.length > 0) errors.customs_declaration = bad;
    }
  }
  return errors;
}

export async function startShippoFake(
  opts: { apiKey?: string; webhookSecret?: string; currency?: string } = {},
): Promise<ShippoFake> {
  const apiKey = opts.apiKey ?? "shippo_test_crossback_fake";
  const webhookSecret = opts.webhookSecret ?? "shippo-hmac-secret";
  const currency = opts.currency ?? "EUR";
  const rates = new Map<string, Obj>();
  const transactions: Obj[] = [];
  const refunds: Obj[] = [];
  const tracks = new Map<string, Obj>();
  const owner = "crossback@example.com";

  const handle = (req: FakeRequest): FakeReply => {
    if (req.headers.authorization !== `ShippoToken ${apiKey}`) return shippoError(401, "Invalid token.");
    const [path = "", query = ""] = req.path.split("?");
    const body = (req.body ? JSON.parse(req.body) : {}) as Obj;
    if (req.method === "POST" && path.replace(/\/$/, "") === "/shipments") {
      const errors = validate(body);
      if (Object.keys(errors).length > 0) return shippoError(400, errors);
      const id = fakeId("", 32, "0123456789abcdef");
      const now = iso();
      const shipmentRates = SERVICES.map((s) => {
        const r = {
          object_id: fakeId("", 32, "0123456789abcdef"),
          object_owner: owner,
          object_created: now,
          shipment: id,
          amount: s.amount,
          currency,
          amount_local: s.amount,
          currency_local: currency,
          provider: s.provider,
          servicelevel: { name: s.name, token: s.token },
          estimated_days: s.days,
          attributes: [],
          carrier_account: fakeId("", 32, "0123456789abcdef"),
          test: true,
        };
        rates.set(r.object_id, r);
        return r;
      });
      const addr = (a: unknown) => ({
        ...(a as Obj),
        object_id: fakeId("", 32, "0123456789abcdef"),
        is_complete: true,
      });
      const parcels = ((body.parcels ?? []) as Obj[]).map((p) => ({
        ...p,
        object_id: fakeId("", 32, "0123456789abcdef"),
        object_state: "VALID",
      }));
      return {
        status: 201,
        body: {
          object_id: id,
          object_owner: owner,
          object_created: now,
          object_updated: now,
          status: "SUCCESS",
          metadata: String(body.metadata ?? ""),
          address_from: addr(body.address_from),
          address_to: addr(body.address_to),
          parcels,
          carrier_accounts: [],
          messages: [],
          rates: shipmentRates,
          extra: body.extra ?? {},
          test: true,
        },
      };
    }
    if (req.method === "POST" && path.replace(/\/$/, "") === "/transactions") {
      const rate = rates.get(String(body.rate ?? ""));
      if (!rate) return shippoError(400, { rate: ["Rate not found."] });
      const tracking = `SH${String(transactions.length + 1).padStart(4, "0")}${fakeId("", 14, "0123456789")}`;
      const id = fakeId("", 32, "0123456789abcdef");
      const tx = {
        object_id: id,
        object_owner: owner,
        object_state: "VALID",
        object_created: iso(),
        object_updated: iso(),
        status: "SUCCESS",
        rate: rate.object_id,
        tracking_number: tracking,
        tracking_status: "UNKNOWN",
        tracking_url_provider: `https://tracking.example/${tracking}`,
        label_url: `${server.url}/labels/${id}.pdf`,
        label_file_type: body.label_file_type ?? "PDF_4x6",
        metadata: String(body.metadata ?? ""),
        messages: [],
        test: true,
      };
      transactions.push(tx);
      tracks.set(tracking, {
        carrier: String(rate.provider).toLowerCase().includes("dhl") ? "dhl_express" : "ups",
        tracking_number: tracking,
        transaction: id,
        messages: [],
        metadata: tx.metadata,
        tracking_status: {
          object_id: fakeId("", 32, "0123456789abcdef"),
          object_created: iso(),
          object_updated: iso(),
          status: "PRE_TRANSIT",
          status_details: "Label created",
          status_date: iso(),
        },
        tracking_history: [],
      });
      return { status: 201, body: tx };
    }
    if (req.method === "GET" && path.replace(/\/$/, "") === "/transactions") {
      const rate = new URLSearchParams(query).get("rate");
      return {
        status: 200,
        body: { next: null, previous: null, results: transactions.filter((t) => !rate || t.rate === rate) },
      };
    }
    if (req.method === "POST" && path.replace(/\/$/, "") === "/refunds") {
      const tx = transactions.find((t) => t.object_id === body.transaction);
      if (!tx) return shippoError(400, { transaction: ["Transaction not found."] });
      const known = refunds.find((r) => r.transaction === tx.object_id);
      if (known) return { status: 201, body: known };
      const status = (tracks.get(String(tx.tracking_number))?.tracking_status as Obj | undefined)?.status;
      const refund = {
        object_id: fakeId("", 32, "0123456789abcdef"),
        object_owner: owner,
        object_created: iso(),
        object_updated: iso(),
        status: status === "PRE_TRANSIT" ? "QUEUED" : "ERROR",
        transaction: tx.object_id,
        test: true,
      };
      if (refund.status === "QUEUED") refunds.push(refund);
      return { status: 201, body: refund };
    }
    const track = /^\/tracks\/([^/]+)\/([^/]+)$/.exec(path);
    if (req.method === "GET" && track) {
      const t = tracks.get(decodeURIComponent(track[2] ?? ""));
      return t ? { status: 200, body: t } : shippoError(404, "Not found.");
    }
    return shippoError(404, `Not found: ${req.method} ${path}`);
  };

  const signedEvent = (tracking: string, o: { secret?: string; timestamp?: number } = {}) => {
    const t = tracks.get(tracking);
    if (!t) throw new Error(`no track ${tracking}`);
    const payload = JSON.stringify({ event: "track_updated", test: true, data: t });
    const ts = o.timestamp ?? Math.floor(Date.now() / 1000);
    const v1 = createHmac("sha256", o.secret ?? webhookSecret)
      .update(`${ts}.${payload}`, "utf8")
      .digest("hex");
    return { payload, signature: `t=${ts},v1=${v1}` };
  };

  const server = await startFakeServer(handle, (status) => ({
    detail: status === 429 ? "Request was throttled." : "Internal server error (fake).",
  }));
  return Object.assign(server, {
    apiKey,
    webhookSecret,
    purchases: () =>
      transactions.map((t) => ({
        transactionId: String(t.object_id),
        rateId: String(t.rate),
        trackingNumber: String(t.tracking_number),
        metadata: String(t.metadata),
      })),
    refunds: () => refunds.map((r) => String(r.transaction)),
    scan(
      tracking: string,
      status: "TRANSIT" | "DELIVERED" | "FAILURE" | "RETURNED",
      details?: string,
      at = new Date(),
    ) {
      const t = tracks.get(tracking);
      if (!t) throw new Error(`no track ${tracking}`);
      const s = {
        object_id: fakeId("", 32, "0123456789abcdef"),
        object_created: iso(),
        object_updated: iso(),
        status,
        status_details: details ?? status,
        status_date: iso(at),
        location: { city: "Amsterdam", country: "NL" },
      };
      (t.tracking_history as Obj[]).push(s);
      t.tracking_status = s;
    },
    signedEvent,
    sendWebhook(url: string, tracking: string, o?: { secret?: string; timestamp?: number }) {
      const { payload, signature } = signedEvent(tracking, o);
      return deliver(url, payload, { "Shippo-Auth-Signature": signature });
    },
  });
}
