import type { DomainError } from "../../domain/errors.ts";
import { totalWeightGrams } from "../../domain/logistics/customs-papers.ts";
import { err, ok, type Result } from "../../domain/result.ts";
import type { Deps } from "../ports/index.ts";
import type { CustomsAssessment } from "./customs-assessment.ts";
import { revivePapers } from "./customs-build.ts";
import { qrPayload } from "./hub-parcels.ts";
import type { LabelView, PostalParty } from "./ports.ts";
import type { ShipmentRecord } from "./records.ts";

export type ShipmentDocument = "label-4x6" | "label-a4" | "qr" | "customs-invoice" | "cn23";

const INSTRUCTIONS: Record<ShipmentRecord["method"], string> = {
  carrier:
    "Pack the items securely, attach this label and hand the parcel to the carrier (drop-off point or pickup). Keep the receipt with the tracking number.",
  qr_dropoff:
    "Bring the parcel to a Crossback return hub or partner drop-off point and show the QR code: staff scan it, no printer needed.",
  self_ship:
    "Send the parcel with the carrier you chose to the address on this label and keep the tracking number.",
  merchant_label:
    "Use the prepaid label that came with your order; this sheet identifies the parcel at our hub.",
};

export function labelView(s: ShipmentRecord, rmaNumber: string): LabelView {
  const req = s.request as { from: PostalParty; to: PostalParty; parcel?: { weightGrams: number } };
  const customs = s.customs ? revivePapers(s.customs) : null;
  return {
    code: s.code,
    rmaNumber,
    method: s.method,
    carrierName: s.carrierName,
    service: s.service,
    trackingNumber: s.trackingNumber,
    from: req.from,
    to: req.to,
    qrPayload: qrPayload(s.code),
    weightGrams: customs
      ? totalWeightGrams(customs) || (req.parcel?.weightGrams ?? 0)
      : (req.parcel?.weightGrams ?? 0),
    customsSummary: customs
      ? `Returned goods · ${customs.lines.length} line(s) · CN23 + invoice inside`
      : null,
    instructions: INSTRUCTIONS[s.method],
  };
}

/** A shipment's label (4×6 or A4 PDF), QR code (PNG) or customs papers (PDF). */
export async function shipmentDocument(
  deps: Deps,
  merchantId: string,
  caseId: string,
  shipmentId: string,
  kind: ShipmentDocument,
): Promise<Result<Buffer, DomainError>> {
  const docs = deps.logistics?.documents;
  if (!docs) throw new Error("logistics documents are not wired");
  const s = await deps.store.read.shipments.get(merchantId, shipmentId);
  if (!s || s.caseId !== caseId) return err({ code: "not_found", entity: "shipment", id: shipmentId });
  const c = await deps.store.read.cases.load(merchantId, caseId);
  if (!c) return err({ code: "not_found", entity: "return", id: caseId });
  if (kind === "qr") return ok(await docs.qrPng(qrPayload(s.code)));
  if (kind === "label-4x6" || kind === "label-a4") {
    if (s.status === "purchasing" || s.status === "failed")
      return err({
        code: "invalid_input",
        issues: [
          {
            path: "status",
            message: `no label yet: the shipment is ${s.status}${s.failureReason ? ` (${s.failureReason})` : ""}`,
          },
        ],
      });
    return ok(await docs.label(labelView(s, c.number), kind === "label-a4" ? "a4" : "4x6"));
  }
  if (!s.customs)
    return err({
      code: "not_found",
      entity: "customs papers (the parcel stays inside one customs territory)",
      id: shipmentId,
    });
  const papers = revivePapers(s.customs);
  const a = (s.customs as { assessment?: CustomsAssessment }).assessment;
  return ok(
    kind === "cn23"
      ? await docs.cn23(papers)
      : await docs.customsInvoice(papers, { dutyNote: a?.dutyNote ?? "", reliefNote: a?.reliefNote ?? "" }),
  );
}
