import type { DocumentRenderer } from "../../app/ports/index.ts";

/**
 * The document renderer port on pdfkit (credit-note-pdf.ts). pdfkit and fontkit load on the first
 * document, so a process that renders none (most CLI commands) starts without them.
 */
export const pdfDocuments: DocumentRenderer = {
  creditNotePdf: async (view, locale) =>
    (await import("./credit-note-pdf.ts")).renderCreditNotePdf(view, locale),
};
