import EasyPostModule from "@easypost/api";
import type { CarrierAdapter, LabelRequest, LabelResult, TrackingUpdate } from "../../app/logistics/ports.ts";
import { chooseRate, type RateQuote } from "../../domain/logistics/carrier-choice.ts";
import { err, ok } from "../../domain/result.ts";
import { decimalToMinor, easyPostStatus, failed, ounces, retryableStatus, street } from "./carrier-common.ts";

/**
 * Return labels through EasyPost with the official SDK (@easypost/api). Docs followed:
 * - https://docs.easypost.com/docs/returns — `is_return: true` on the Shipment.
 * - https://docs.easypost.com/docs/customs-infos — `contents_type: "returned_goods"`, customs items with
 *   `hs_tariff_number`, `origin_country`, `value`, `weight` (oz), `quantity`, `code` (SKU).
 * - https://docs.easypost.com/docs/shipments — create (rates), buy one rate; a bought shipment keeps
 *   its `postage_label`, so a retry after a crash retrieves it instead of buying again.
 * - https://docs.easypost.com/guides/webhooks-guide — `X-Hmac-Signature` checked with the SDK's
 *   `Utils.validateWebhook`; event ids make replays harmless.
 * EasyPost has no idempotency-key header: the shipment id, recorded before `buy`, is the key.
 */
export interface EasyPostOptions {
  readonly apiKey: string;
  readonly webhookSecret: string;
  /** e.g. http://127.0.0.1:4010/v2/ for a local fake. */
  readonly baseUrl?: string;
  readonly timeoutMs?: number;
}

/**
 * The SDK's types describe a CommonJS module (TypeScript sees `module.exports` as the default import)
 * while Node loads its ESM build, whose default export is the client class itself.
 */
type EasyPostClass = typeof import("@easypost/api")["default"];
const EasyPostClient: EasyPostClass =
  (EasyPostModule as unknown as { default?: EasyPostClass }).default ??
  (EasyPostModule as unknown as EasyPostClass);

type Shipment = Awaited<ReturnType<InstanceType<EasyPostClass>["Shipment"]["create"]>>;

function quotes(s: Shipment): RateQuote[] {
  return (s.rates ?? []).map((r) => ({
    carrier: r.carrier,
    service: r.service,
    amount: decimalToMinor(String(r.rate)),
    currency: r.currency,
    days: r.delivery_days ?? null,
    rateId: r.id,
  }));
}

function label(s: Shipment, applied: string, recovered: boolean): LabelResult {
  const rate = s.selected_rate;
  return {
    status: "purchased",
    trackingNumber: s.tracking_code,
    labelUrl: s.postage_label.label_pdf_url ?? s.postage_label.label_url,
    carrierName: rate.carrier,
    service: rate.service,
    cost: { amount: decimalToMinor(String(rate.rate)), currency: rate.currency },
    providerShipmentId: s.id,
    providerLabelId: s.postage_label.id,
    rateId: rate.id,
    ruleApplied: applied,
    recovered,
  };
}

function fromError(e: unknown): LabelResult {
  const x = e as {
    statusCode?: number;
    code?: string;
    message?: string;
    errors?: { field?: string; message?: string }[];
  };
  const fields = (x.errors ?? []).map((f) => `${f.field}: ${f.message}`).join("; ");
  const why = `EasyPost ${x.statusCode ?? "connection error"} ${x.code ?? ""}: ${x.message ?? String(e)}${fields ? ` (${fields})` : ""}`;
  return failed(why.replace(/\s+/g, " "), retryableStatus(x.statusCode));
}

function shipmentParams(req: LabelRequest): Record<string, unknown> {
  const c = req.customs;
  return {
    is_return: true,
    reference: req.reference,
    from_address: street(req.from),
    to_address: street(req.to),
    parcel: {
      weight: ounces(req.parcel.weightGrams),
      length: req.parcel.lengthCm / 2.54,
      width: req.parcel.widthCm / 2.54,
      height: req.parcel.heightCm / 2.54,
    },
    options: {
      label_format: "PDF",
      label_size: "4x6",
      print_custom_1: req.reference,
      invoice_number: c?.exportReference.invoiceNumber ?? undefined,
    },
    ...(c
      ? {
          customs_info: {
            contents_type: "returned_goods",
            contents_explanation:
              `Return ${c.rmaNumber} of order ${c.orderNumber}; original export ${c.exportReference.trackingNumber ?? ""}`.trim(),
            customs_certify: true,
            customs_signer: c.signer,
            non_delivery_option: "return",
            restriction_type: "none",
            eel_pfc: "NOEEI 30.37(a)",
            customs_items: c.lines.map((l) => ({
              description: l.description.slice(0, 255),
              quantity: l.quantity,
              value: l.value.amount / 100,
              currency: l.value.currency,
              weight: ounces((l.weightGrams ?? 0) * l.quantity),
              hs_tariff_number: l.hsCode,
              origin_country: l.originCountry,
              code: l.sku,
            })),
          },
        }
      : {}),
  };
}

export function easyPostCarrier(o: EasyPostOptions): CarrierAdapter {
  const timeout = o.timeoutMs ?? 30_000;
  const client = new EasyPostClient(o.apiKey, {
    ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}),
    timeout,
    // The SDK (8.9) stores `timeout` but never applies it: set it on each superagent request.
    requestMiddleware: (request: { timeout: (t: { response: number; deadline: number }) => unknown }) =>
      request.timeout({ response: timeout, deadline: timeout }),
  });
  return {
    name: "easypost",
    async purchase(req, onProgress) {
      try {
        let shipment: Shipment;
        if (req.progress.providerShipmentId) {
          shipment = await client.Shipment.retrieve(req.progress.providerShipmentId);
          if (shipment.postage_label) return label(shipment, "recovered", true);
        } else {
          shipment = await client.Shipment.create(shipmentParams(req));
        }
        const chosen = req.progress.rateId
          ? { rateId: req.progress.rateId, applied: "recorded rate" }
          : (() => {
              const c = chooseRate(quotes(shipment), req.rule);
              return c ? { rateId: c.rate.rateId, applied: c.applied } : null;
            })();
        if (!chosen) return failed("EasyPost offered no rate for this parcel", false);
        await onProgress({ providerShipmentId: shipment.id, rateId: chosen.rateId });
        try {
          return label(await client.Shipment.buy(shipment.id, chosen.rateId), chosen.applied, false);
        } catch (e) {
          // Bought by an attempt whose answer was lost (a timeout): fetch it instead of buying again.
          if ((e as { code?: string }).code !== "SHIPMENT.POSTAGE.EXISTS") throw e;
          return label(await client.Shipment.retrieve(shipment.id), chosen.applied, true);
        }
      } catch (e) {
        return fromError(e);
      }
    },
    async track(trackingNumber, carrierName) {
      try {
        const t = await client.Tracker.create({
          tracking_code: trackingNumber,
          ...(carrierName ? { carrier: carrierName } : {}),
        });
        return (t.tracking_details ?? []).map(
          (d, i): TrackingUpdate => ({
            provider: "easypost",
            eventId: `${t.id}:${i}:${d.status}`,
            trackingNumber,
            status: easyPostStatus(d.status),
            at: new Date(d.datetime),
            message: d.message ?? null,
            location:
              [d.tracking_location?.city, d.tracking_location?.country].filter(Boolean).join(", ") || null,
          }),
        );
      } catch {
        return null;
      }
    },
    async voidLabel(l) {
      // https://docs.easypost.com/docs/shipments/shipping-refund — POST /shipments/{id}/refund; the
      // shipment's refund_status becomes submitted | refunded | rejected (asking again is harmless).
      if (!l.providerShipmentId) return { status: "failed", reason: "no EasyPost shipment recorded" };
      try {
        const s = await client.Shipment.refund(l.providerShipmentId);
        return s.refund_status === "rejected"
          ? { status: "failed", reason: "EasyPost rejected the refund (refund_status rejected)" }
          : { status: "voided", providerStatus: s.refund_status ?? "submitted" };
      } catch (e) {
        const x = e as { statusCode?: number; code?: string; message?: string };
        return {
          status: "failed",
          reason: `EasyPost ${x.statusCode ?? ""} ${x.code ?? ""}: ${x.message ?? e}`,
        };
      }
    },
    webhooks: {
      provider: "easypost",
      receive(raw, headers) {
        let event: {
          id?: string;
          description?: string;
          result?: {
            id?: string;
            tracking_code?: string;
            status?: string;
            updated_at?: string;
            tracking_details?: {
              status: string;
              message?: string;
              datetime: string;
              tracking_location?: { city?: string; country?: string };
            }[];
          };
        };
        try {
          event = client.Utils.validateWebhook(raw, headers, o.webhookSecret) as typeof event;
        } catch (e) {
          return err(`EasyPost webhook rejected: ${e instanceof Error ? e.message : String(e)}`);
        }
        if (!event.description?.startsWith("tracker.") || !event.result?.tracking_code) return ok([]);
        const t = event.result;
        const last = t.tracking_details?.at(-1);
        return ok([
          {
            provider: "easypost",
            eventId: event.id ?? `${t.id}:${t.updated_at}`,
            trackingNumber: t.tracking_code ?? "",
            status: easyPostStatus(t.status ?? "unknown"),
            at: new Date(last?.datetime ?? t.updated_at ?? Date.now()),
            message: last?.message ?? null,
            location:
              [last?.tracking_location?.city, last?.tracking_location?.country].filter(Boolean).join(", ") ||
              null,
          },
        ]);
      },
    },
  };
}
