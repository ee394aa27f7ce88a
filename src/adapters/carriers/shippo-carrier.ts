import { createHmac, timingSafeEqual } from "node:crypto";
import { Shippo } from "shippo";
import type { CarrierAdapter, LabelRequest, LabelResult, TrackingUpdate } from "../../app/logistics/ports.ts";
import { chooseRate, type RateQuote } from "../../domain/logistics/carrier-choice.ts";
import { err, ok } from "../../domain/result.ts";
import {
  decimalToMinor,
  failed,
  minorToDecimal,
  retryableStatus,
  shippoStatus,
  street,
} from "./carrier-common.ts";

/**
 * Return labels through Shippo with the official SDK (`shippo`). Docs followed:
 * - https://docs.goshippo.com/docs/shipments/returns — `extra.is_return: true`.
 * - https://docs.goshippo.com/docs/international/customs — customs declaration with
 *   `contents_type: RETURN_MERCHANDISE`, `incoterm`, `certify`/`certify_signer`, items with HS code,
 *   origin country, value, net weight.
 * - Transactions (label purchase) carry our idempotency key in `metadata`; Shippo has no
 *   idempotency-key header, so a retry first lists the transactions of the recorded rate
 *   (`GET /transactions?rate=`) and takes the one bought with our key instead of buying again.
 * - https://docs.goshippo.com/docs/tracking/webhooksecurity — `Shippo-Auth-Signature: t=…,v1=…`
 *   (HMAC-SHA256 of "<t>.<body>"), and/or a `?token=` on the webhook URL.
 */
export interface ShippoOptions {
  readonly apiKey: string;
  /** HMAC secret for Shippo-Auth-Signature (as provisioned by Shippo). */
  readonly webhookSecret: string;
  /** A self-generated token Shippo appends to the webhook URL (`?token=`); checked when set. */
  readonly webhookToken?: string;
  readonly serverURL?: string;
  readonly timeoutMs?: number;
  /** Signature timestamp tolerance (seconds). */
  readonly toleranceSeconds?: number;
}

type Client = InstanceType<typeof Shippo>;
type Shipment = Awaited<ReturnType<Client["shipments"]["create"]>>;
type Transaction = Awaited<ReturnType<Client["transactions"]["create"]>>;

function shipmentRequest(req: LabelRequest) {
  const c = req.customs;
  const p = req.parcel;
  return {
    addressFrom: street(req.from),
    addressTo: street(req.to),
    parcels: [
      {
        massUnit: "g" as const,
        weight: String(p.weightGrams),
        distanceUnit: "cm" as const,
        length: String(p.lengthCm),
        width: String(p.widthCm),
        height: String(p.heightCm),
      },
    ],
    extra: { isReturn: true, reference1: req.reference },
    metadata: req.reference,
    async: false,
    ...(c
      ? {
          customsDeclaration: {
            contentsType: "RETURN_MERCHANDISE" as const,
            contentsExplanation: `Return ${c.rmaNumber} of order ${c.orderNumber}`,
            certify: true,
            certifySigner: c.signer ?? "",
            incoterm: (c.incoterm === "DDP" ? "DDP" : "DDU") as "DDP" | "DDU",
            nonDeliveryOption: "RETURN" as const,
            invoice: c.exportReference.invoiceNumber ?? undefined,
            exporterReference: c.exportReference.trackingNumber ?? undefined,
            items: c.lines.map((l) => ({
              description: l.description.slice(0, 200),
              quantity: l.quantity,
              netWeight: String((l.weightGrams ?? 0) * l.quantity),
              massUnit: "g" as const,
              valueAmount: minorToDecimal(l.value.amount),
              valueCurrency: l.value.currency,
              originCountry: l.originCountry ?? "",
              hsCode: l.hsCode ?? undefined,
              tariffNumber: l.hsCode ?? undefined,
              skuCode: l.sku,
            })),
          },
        }
      : {}),
  };
}

const quotes = (s: Shipment): RateQuote[] =>
  s.rates.map((r) => ({
    carrier: r.provider,
    service: r.servicelevel.name ?? r.servicelevel.token ?? "",
    amount: decimalToMinor(r.amount),
    currency: r.currency,
    days: r.estimatedDays ?? null,
    rateId: r.objectId,
  }));

function label(
  t: Transaction,
  rate: RateQuote | null,
  shipmentId: string,
  applied: string,
  recovered: boolean,
): LabelResult {
  if (t.status !== "SUCCESS" || !t.trackingNumber || !t.labelUrl) {
    const why = (t.messages ?? []).map((m) => m.text).join("; ") || `transaction ${t.status}`;
    return failed(`Shippo could not buy the label: ${why}`, t.status === "QUEUED" || t.status === "WAITING");
  }
  return {
    status: "purchased",
    trackingNumber: t.trackingNumber,
    labelUrl: t.labelUrl,
    carrierName: rate?.carrier ?? "shippo",
    service: rate?.service ?? "",
    cost: rate ? { amount: rate.amount, currency: rate.currency } : { amount: 0, currency: "EUR" },
    providerShipmentId: shipmentId,
    providerLabelId: t.objectId ?? "",
    rateId: rate?.rateId ?? (typeof t.rate === "string" ? t.rate : ""),
    ruleApplied: applied,
    recovered,
  };
}

function fromError(e: unknown): LabelResult {
  const x = e as { statusCode?: number; body?: string; message?: string; name?: string };
  return failed(
    `Shippo ${x.statusCode ?? x.name ?? "error"}: ${x.body ?? x.message ?? String(e)}`.slice(0, 2000),
    retryableStatus(x.statusCode),
  );
}

export function shippoCarrier(o: ShippoOptions): CarrierAdapter {
  const client = new Shippo({
    apiKeyHeader: o.apiKey,
    shippoApiVersion: "2018-02-08",
    ...(o.serverURL ? { serverURL: o.serverURL } : {}),
    timeoutMs: o.timeoutMs ?? 30_000,
  });
  const tolerance = o.toleranceSeconds ?? 300;
  return {
    name: "shippo",
    async purchase(req, onProgress) {
      try {
        const { providerShipmentId, rateId } = req.progress;
        if (providerShipmentId && rateId) {
          const done = (await client.transactions.list({ rate: rateId })).results?.find(
            (t) => t.metadata === req.idempotencyKey && t.status === "SUCCESS",
          );
          if (done) return label(done, null, providerShipmentId, "recovered", true);
        }
        const shipment = await client.shipments.create(shipmentRequest(req));
        const chosen = chooseRate(quotes(shipment), req.rule);
        if (!chosen) return failed("Shippo offered no rate for this parcel", false);
        await onProgress({ providerShipmentId: shipment.objectId, rateId: chosen.rate.rateId });
        const t = await client.transactions.create({
          rate: chosen.rate.rateId,
          labelFileType: "PDF_4x6",
          metadata: req.idempotencyKey,
          async: false,
        });
        return label(t, chosen.rate, shipment.objectId, chosen.applied, false);
      } catch (e) {
        return fromError(e);
      }
    },
    async track(trackingNumber, carrierName) {
      try {
        const t = await client.trackingStatus.get(trackingNumber, carrierName ?? "shippo");
        return t.trackingHistory.map(
          (s): TrackingUpdate => ({
            provider: "shippo",
            eventId: s.objectId,
            trackingNumber,
            status: shippoStatus(s.status),
            at: s.statusDate ?? s.objectCreated,
            message: s.statusDetails,
            location: [s.location?.city, s.location?.country].filter(Boolean).join(", ") || null,
          }),
        );
      } catch {
        return null;
      }
    },
    async voidLabel(l) {
      // https://docs.goshippo.com/shippoapi/public-api/refunds — POST /refunds {transaction, async}.
      if (!l.providerLabelId) return { status: "failed", reason: "no Shippo transaction recorded" };
      try {
        const r = await client.refunds.create({ transaction: l.providerLabelId, async: false });
        return r.status === "ERROR"
          ? { status: "failed", reason: "Shippo refused the refund (status ERROR)" }
          : { status: "voided", providerStatus: r.status ?? "QUEUED" };
      } catch (e) {
        const x = e as { statusCode?: number; body?: string; message?: string };
        return {
          status: "failed",
          reason: `Shippo ${x.statusCode ?? ""} ${x.body ?? x.message ?? e}`.trim(),
        };
      }
    },
    webhooks: {
      provider: "shippo",
      receive(raw, headers, query) {
        if (o.webhookToken && query.token !== o.webhookToken)
          return err("Shippo webhook rejected: wrong or missing ?token=");
        const header = headers["shippo-auth-signature"];
        const sig = Array.isArray(header) ? header[0] : header;
        const parts = new Map((sig ?? "").split(",").map((p) => p.split("=", 2) as [string, string]));
        const t = Number(parts.get("t"));
        const v1 = parts.get("v1") ?? "";
        if (!sig || !Number.isFinite(t) || !v1)
          return err("Shippo webhook rejected: missing Shippo-Auth-Signature");
        const expected = createHmac("sha256", o.webhookSecret)
          .update(`${t}.${raw.toString("utf8")}`, "utf8")
          .digest("hex");
        if (v1.length !== expected.length || !timingSafeEqual(Buffer.from(v1), Buffer.from(expected)))
          return err("Shippo webhook rejected: signature does not match");
        if (Math.abs(Date.now() / 1000 - t) > tolerance)
          return err(`Shippo webhook rejected: timestamp outside ${tolerance} s (a replay?)`);
        let body: {
          event?: string;
          data?: {
            tracking_number?: string;
            tracking_status?: {
              object_id?: string;
              status?: string;
              status_details?: string;
              status_date?: string;
              location?: { city?: string; country?: string };
            };
          };
        };
        try {
          body = JSON.parse(raw.toString("utf8"));
        } catch {
          return err("Shippo webhook rejected: body is not JSON");
        }
        const s = body.data?.tracking_status;
        if (body.event !== "track_updated" || !s || !body.data?.tracking_number) return ok([]);
        return ok([
          {
            provider: "shippo",
            eventId: s.object_id ?? `${body.data.tracking_number}:${s.status}:${s.status_date}`,
            trackingNumber: body.data.tracking_number,
            status: shippoStatus(s.status),
            at: new Date(s.status_date ?? Date.now()),
            message: s.status_details ?? null,
            location: [s.location?.city, s.location?.country].filter(Boolean).join(", ") || null,
          },
        ]);
      },
    },
  };
}
