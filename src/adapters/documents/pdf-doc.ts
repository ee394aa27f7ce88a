import PDFDocument from "pdfkit";
import { locateFont } from "./fonts.ts";
import { Typesetter } from "./typesetter.ts";

/**
 * A pdfkit document with the embedded-font typesetter, for logistics papers (labels, customs papers,
 * manifests, claim packs). Dates in the PDF come from `date`, never the clock: same input, same bytes.
 */
export function openPdf(o: { title: string; size: readonly [number, number]; date: Date; locale?: string }): {
  doc: PDFKit.PDFDocument;
  ts: Typesetter;
  done: Promise<Buffer>;
} {
  const locale = o.locale ?? "en";
  const doc = new PDFDocument({
    size: [...o.size],
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    font: locateFont("latin", "regular").path,
    lang: locale,
    displayTitle: true,
    info: {
      Title: o.title,
      Creator: "Crossback",
      Producer: "Crossback",
      CreationDate: o.date,
      ModDate: o.date,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, ts: new Typesetter(doc, { locale }), done };
}
