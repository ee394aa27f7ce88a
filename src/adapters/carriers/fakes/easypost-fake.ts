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
 * A local stand-in for EasyPost's API v2 on 127.0.0.1 (random port). Point the official SDK at it
 * with `new EasyPostClient(key, { baseUrl: fake.url + "/v2/" })`. Follows the published docs:
 * - https://docs.easypost.com/docs/shipments — POST /v2/shipments {shipment: {to_address, from_address,
 *   parcel, customs_info, is_return, reference}} answers a Shipment with `rates`; POST
 *   /v2/shipments/{id}/buy {rate: {id}} adds `postage_label`, `tracking_code`, `tracker`, `selected_rate`;
 *   a second buy is refused (422 SHIPMENT.POSTAGE.EXISTS); GET /v2/shipments/{id}.
 * - https://docs.easypost.com/docs/shipments/shipping-refund — POST /v2/shipments/{id}/refund sets
 *   `refund_status` submitted (rejected once the carrier has scanned the parcel); asking again answers the same.
 * - https://docs.easypost.com/docs/customs-infos — `contents_type` one of documents, gift, merchandise,
 *   returned_goods, sample, dangerous_goods, humanitarian_donation, other; customs items with
 *   description, quantity, value, weight (oz), hs_tariff_number, origin_country; required between countries.
 * - https://docs.easypost.com/docs/trackers — POST /v2/trackers {tracker: {tracking_code, carrier}}
 *   answers the (existing) Tracker: status pre_transit | in_transit | out_for_delivery | delivered |
 *   available_for_pickup | return_to_sender | failure | cancelled | error | unknown, tracking_details.
 * - https://docs.easypost.com/guides/webhooks-guide — Events (`tracker.updated`) POSTed with
 *   `X-Hmac-Signature: hmac-sha256-hex=<hex HMAC-SHA256 of the body with the webhook secret>`.
 * - Auth: HTTP Basic with the API key as user (what the SDK sends), else 401.
 */
export interface EasyPostFake extends FakeServer {
  readonly apiKey: string;
  readonly webhookSecret: string;
  /** Shipments bought (one per label): the proof that nothing was bought twice. */
  purchases(): { shipmentId: string; rateId: string; trackingCode: string }[];
  /** Shipments whose postage refund was submitted (POST /v2/shipments/{id}/refund), once each. */
  refunds(): string[];
  shipments(): Record<string, unknown>[];
  /** A carrier scan: moves the tracker on. */
  scan(trackingCode: string, status: string, message?: string, at?: Date): void;
  signedEvent(
    trackingCode: string,
    opts?: { secret?: string },
  ): { payload: string; signature: string; id: string };
  sendWebhook(
    url: string,
    trackingCode: string,
    opts?: { secret?: string },
  ): Promise<{ status: number; body: string }>;
}

const CONTENTS = [
  "documents",
  "gift",
  "merchandise",
  "returned_goods",
  "sample",
  "dangerous_goods",
  "humanitarian_donation",
  "other",
];
type Obj = Record<string, unknown>;
const iso = (d = new Date()) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

function epError(status: number, code: string, message: string, errors: Obj[] = []): FakeReply {
  return { status, body: { error: { code, message, errors } } };
}

const RATES = [
  { carrier: "DHLExpress", service: "ExpressWorldwideNonDoc", rate: "31.20", delivery_days: 2 },
  { carrier: "UPS", service: "Standard", rate: "18.40", delivery_days: 5 },
  { carrier: "FedEx", service: "INTERNATIONAL_ECONOMY", rate: "22.75", delivery_days: 4 },
];

function validateShipment(s: Obj): Obj[] {
  const errors: Obj[] = [];
  const to = (s.to_address ?? {}) as Obj;
  const from = (s.from_address ?? {}) as Obj;
  for (const [side, a] of [
    ["to_address", to],
    ["from_address", from],
  ] as const) {
    for (const f of ["street1", "city", "country"])
      if (!a[f]) errors.push({ field: `${side}.${f}`, message: "cannot be blank" });
  }
  const parcel = (s.parcel ?? {}) as Obj;
  if (!(Number(parcel.weight) > 0))
    errors.push({ field: "parcel.weight", message: "must be greater than 0" });
  // Carriers need customs papers between customs territories (not inside the EU customs union).
  if (to.country && from.country && crossesBorder(String(from.country), String(to.country))) {
    const ci = s.customs_info as Obj | undefined;
    if (!ci) errors.push({ field: "customs_info", message: "is required for international shipments" });
    else {
      if (!CONTENTS.includes(String(ci.contents_type)))
        errors.push({
          field: "customs_info.contents_type",
          message: `must be one of ${CONTENTS.join(", ")}`,
        });
      if (ci.customs_certify && !ci.customs_signer)
        errors.push({
          field: "customs_info.customs_signer",
          message: "is required when customs_certify is true",
        });
      const items = (ci.customs_items ?? []) as Obj[];
      if (items.length === 0)
        errors.push({ field: "customs_info.customs_items", message: "cannot be empty" });
      items.forEach((it, i) => {
        for (const f of ["description", "quantity", "value", "weight", "hs_tariff_number", "origin_country"])
          if (it[f] === undefined || it[f] === null || it[f] === "")
            errors.push({ field: `customs_info.customs_items[${i}].${f}`, message: "cannot be blank" });
      });
    }
  }
  return errors;
}

export async function startEasyPostFake(
  opts: { apiKey?: string; webhookSecret?: string; currency?: string } = {},
): Promise<EasyPostFake> {
  const apiKey = opts.apiKey ?? "EZTK_crossback_fake";
  const webhookSecret = opts.webhookSecret ?? "easypost-webhook-secret";
  const currency = opts.currency ?? "EUR";
  const shipments = new Map<string, Obj>();
  const trackers = new Map<string, Obj>();
  const purchases: { shipmentId: string; rateId: string; trackingCode: string }[] = [];
  const refunds: string[] = [];
  const auth = `Basic ${Buffer.from(`${apiKey}:`).toString("base64")}`;

  const tracker = (code: string, carrier: string, shipmentId: string | null): Obj => {
    const existing = trackers.get(code);
    if (existing) return existing;
    const t: Obj = {
      id: fakeId("trk_", 32, "0123456789abcdef"),
      object: "Tracker",
      mode: "test",
      tracking_code: code,
      status: "pre_transit",
      status_detail: "label_created",
      carrier,
      shipment_id: shipmentId,
      tracking_details: [],
      est_delivery_date: null,
      created_at: iso(),
      updated_at: iso(),
    };
    trackers.set(code, t);
    return t;
  };

  const handle = (req: FakeRequest): FakeReply => {
    if (req.headers.authorization !== auth)
      return epError(401, "APIKEY.INACTIVE", "The API key is invalid or inactive.");
    const body = (req.body ? JSON.parse(req.body) : {}) as Obj;
    const path = req.path.split("?")[0] ?? "";
    if (req.method === "POST" && path === "/v2/shipments") {
      const s = (body.shipment ?? {}) as Obj;
      const errors = validateShipment(s);
      if (errors.length > 0)
        return epError(
          422,
          "SHIPMENT.INVALID_PARAMS",
          "Unable to create shipment, one or more parameters were invalid.",
          errors,
        );
      const id = fakeId("shp_", 32, "0123456789abcdef");
      const rates = RATES.map((r) => ({
        id: fakeId("rate_", 32, "0123456789abcdef"),
        object: "Rate",
        mode: "test",
        shipment_id: id,
        currency,
        list_currency: currency,
        retail_currency: currency,
        ...r,
        est_delivery_days: r.delivery_days,
        delivery_date_guaranteed: false,
        created_at: iso(),
        updated_at: iso(),
      }));
      const customs = s.customs_info
        ? {
            id: fakeId("cstinfo_", 32, "0123456789abcdef"),
            object: "CustomsInfo",
            ...(s.customs_info as Obj),
          }
        : null;
      const shipment: Obj = {
        id,
        object: "Shipment",
        mode: "test",
        reference: s.reference ?? null,
        is_return: s.is_return === true,
        status: "unknown",
        to_address: { id: fakeId("adr_"), object: "Address", ...(s.to_address as Obj) },
        from_address: { id: fakeId("adr_"), object: "Address", ...(s.from_address as Obj) },
        parcel: { id: fakeId("prcl_"), object: "Parcel", ...(s.parcel as Obj) },
        customs_info: customs,
        options: s.options ?? {},
        rates,
        selected_rate: null,
        postage_label: null,
        tracking_code: null,
        tracker: null,
        messages: [],
        created_at: iso(),
        updated_at: iso(),
      };
      shipments.set(id, shipment);
      return { status: 201, body: shipment };
    }
    const buy = /^\/v2\/shipments\/([^/]+)\/buy$/.exec(path);
    if (req.method === "POST" && buy) {
      const s = shipments.get(buy[1] ?? "");
      if (!s) return epError(404, "NOT_FOUND", "The requested resource could not be found.");
      if (s.postage_label)
        return epError(422, "SHIPMENT.POSTAGE.EXISTS", "Postage already exists for this shipment.");
      const rateId = String(((body.rate ?? {}) as Obj).id ?? "");
      const rate = (s.rates as Obj[]).find((r) => r.id === rateId);
      if (!rate)
        return epError(422, "SHIPMENT.RATE.INVALID", `Rate ${rateId} is not a rate of this shipment.`);
      const code = `EZ${String(purchases.length + 1).padStart(4, "0")}${fakeId("", 12, "0123456789")}`;
      const plId = fakeId("pl_", 32, "0123456789abcdef");
      Object.assign(s, {
        selected_rate: rate,
        tracking_code: code,
        postage_label: {
          id: plId,
          object: "PostageLabel",
          label_url: `${server.url}/labels/${plId}.png`,
          label_pdf_url: `${server.url}/labels/${plId}.pdf`,
          label_file_type: "image/png",
          label_size: "4x6",
          label_resolution: 300,
          label_date: iso(),
        },
        tracker: tracker(code, String(rate.carrier), String(s.id)),
        updated_at: iso(),
      });
      purchases.push({ shipmentId: String(s.id), rateId, trackingCode: code });
      return { status: 200, body: s };
    }
    const refund = /^\/v2\/shipments\/([^/]+)\/refund$/.exec(path);
    if (req.method === "POST" && refund) {
      const s = shipments.get(refund[1] ?? "");
      if (!s) return epError(404, "NOT_FOUND", "The requested resource could not be found.");
      if (!s.postage_label)
        return epError(422, "SHIPMENT.REFUND.UNAVAILABLE", "This shipment has no postage to refund.");
      if (!s.refund_status) {
        const moving = (s.tracker as Obj | null)?.status !== "pre_transit";
        s.refund_status = moving ? "rejected" : "submitted";
        s.updated_at = iso();
        if (!moving) refunds.push(String(s.id));
      }
      return { status: 200, body: s };
    }
    const get = /^\/v2\/shipments\/([^/]+)$/.exec(path);
    if (req.method === "GET" && get) {
      const s = shipments.get(get[1] ?? "");
      return s
        ? { status: 200, body: s }
        : epError(404, "NOT_FOUND", "The requested resource could not be found.");
    }
    if (req.method === "POST" && path === "/v2/trackers") {
      const t = (body.tracker ?? {}) as Obj;
      if (!t.tracking_code)
        return epError(422, "TRACKER.INVALID_PARAMS", "tracking_code is required", [
          { field: "tracking_code", message: "cannot be blank" },
        ]);
      const known = trackers.get(String(t.tracking_code));
      return {
        status: known ? 200 : 201,
        body: known ?? tracker(String(t.tracking_code), String(t.carrier ?? "unknown"), null),
      };
    }
    return epError(404, "NOT_FOUND", `The requested resource could not be found. (${req.method} ${path})`);
  };

  const signedEvent = (code: string, o: { secret?: string } = {}) => {
    const t = trackers.get(code);
    if (!t) throw new Error(`no tracker ${code}`);
    const id = fakeId("evt_", 32, "0123456789abcdef");
    const event = {
      id,
      object: "Event",
      mode: "test",
      description: "tracker.updated",
      previous_attributes: {},
      result: t,
      status: "pending",
      pending_urls: [],
      completed_urls: [],
      created_at: iso(),
      updated_at: iso(),
    };
    const payload = JSON.stringify(event);
    const hex = createHmac("sha256", Buffer.from((o.secret ?? webhookSecret).normalize("NFKD"), "utf8"))
      .update(payload, "utf8")
      .digest("hex");
    return { payload, signature: `hmac-sha256-hex=${hex}`, id };
  };

  const server = await startFakeServer(handle, (status) => ({
    error: {
      code: status === 429 ? "RATE_LIMITED" : "INTERNAL_SERVER_ERROR",
      message: "Something went wrong on EasyPost's end. (fake)",
      errors: [],
    },
  }));
  return Object.assign(server, {
    apiKey,
    webhookSecret,
    purchases: () => [...purchases],
    refunds: () => [...refunds],
    shipments: () => [...shipments.values()],
    scan(code: string, status: string, message?: string, at = new Date()) {
      const t = trackers.get(code);
      if (!t) throw new Error(`no tracker ${code}`);
      const details = t.tracking_details as Obj[];
      details.push({
        object: "TrackingDetail",
        status,
        message: message ?? status,
        datetime: iso(at),
        source: t.carrier,
        tracking_location: { object: "TrackingLocation", city: "Berlin", country: "DE" },
      });
      Object.assign(t, { status, status_detail: status, updated_at: iso() });
    },
    signedEvent,
    sendWebhook(url: string, code: string, o?: { secret?: string }) {
      const { payload, signature } = signedEvent(code, o);
      return deliver(url, payload, { "X-Hmac-Signature": signature });
    },
  });
}
