import type { DocumentRenderer } from "../../app/logistics/ports.ts";

/**
 * The DocumentRenderer port: pdfkit with the embedded-font typesetter, bwip-js barcodes. The
 * renderers load on first use, so CLI commands that draw nothing do not pay for pdfkit.
 */
export function logisticsDocuments(clock: { now(): Date }): DocumentRenderer {
  const customs = () => import("./customs-pdf.ts");
  const manifests = () => import("./manifest-pdf.ts");
  return {
    customsInvoice: async (p, notes) => (await customs()).renderCustomsInvoicePdf(p, notes),
    cn23: async (p) => (await customs()).renderCn23Pdf(p),
    label: async (v, size) => (await import("./label-pdf.ts")).renderLabelPdf(v, size, clock.now()),
    qrPng: async (text) => (await import("./barcodes.ts")).qrPng(text, 6),
    manifestPdf: async (v) => (await manifests()).renderManifestPdf(v),
    claimPackPdf: async (v) => (await manifests()).renderClaimPackPdf(v),
  };
}
