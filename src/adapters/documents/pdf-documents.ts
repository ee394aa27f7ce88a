import type { DocumentRenderer } from "../../app/ports.ts";
import { renderCreditNotePdf } from "./credit-note-pdf.ts";

/** The document renderer port on pdfkit (credit-note-pdf.ts). */
export const pdfDocuments: DocumentRenderer = {
  creditNotePdf: (view, locale) => renderCreditNotePdf(view, locale),
};
