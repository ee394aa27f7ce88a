import type { DocumentRenderer } from "../../app/logistics/ports.ts";
import { qrPng } from "./barcodes.ts";
import { renderCn23Pdf, renderCustomsInvoicePdf } from "./customs-pdf.ts";
import { renderLabelPdf } from "./label-pdf.ts";
import { renderClaimPackPdf, renderManifestPdf } from "./manifest-pdf.ts";

/** The DocumentRenderer port: pdfkit with the embedded-font typesetter, bwip-js barcodes. */
export function logisticsDocuments(clock: { now(): Date }): DocumentRenderer {
  return {
    customsInvoice: (p, notes) => renderCustomsInvoicePdf(p, notes),
    cn23: (p) => renderCn23Pdf(p),
    label: (v, size) => renderLabelPdf(v, size, clock.now()),
    qrPng: (text) => qrPng(text, 6),
    manifestPdf: (v) => renderManifestPdf(v),
    claimPackPdf: (v) => renderClaimPackPdf(v),
  };
}
