import type { LabelView, PostalParty } from "../../app/logistics/ports.ts";
import { code128Png, qrPng } from "./barcodes.ts";
import { A4 } from "./page-frame.ts";
import { openPdf } from "./pdf-doc.ts";

/** A 4×6 in thermal label (288 × 432 pt), and the same label on A4 with packing instructions. */
export const LABEL_4X6: readonly [number, number] = [288, 432];

const party = (p: PostalParty) =>
  [p.name, p.line1, [p.postalCode, p.city].filter(Boolean).join(" "), p.region, p.country]
    .filter(Boolean)
    .join("\n");

async function drawLabel(
  doc: PDFKit.PDFDocument,
  ts: ReturnType<typeof openPdf>["ts"],
  v: LabelView,
  x: number,
  y: number,
): Promise<void> {
  const w = LABEL_4X6[0];
  const h = LABEL_4X6[1];
  doc
    .rect(x + 4, y + 4, w - 8, h - 8)
    .lineWidth(1.2)
    .strokeColor("#000000")
    .stroke();
  let cy = y + 12;
  cy += ts.write(
    `RETURN · ${v.carrierName ?? v.method.replaceAll("_", " ").toUpperCase()}${v.service ? ` · ${v.service}` : ""}`,
    x + 12,
    cy,
    w - 24,
    { size: 10, bold: true },
  );
  cy += 4;
  ts.write("FROM", x + 12, cy, 60, { size: 6.5, color: "#555555" });
  cy += ts.write(party(v.from), x + 12, cy + 8, w - 24, { size: 7.5 }) + 10;
  ts.write("TO", x + 12, cy, 60, { size: 6.5, color: "#555555" });
  cy += ts.write(party(v.to), x + 12, cy + 8, w - 24, { size: 10, bold: true }) + 12;
  doc
    .moveTo(x + 8, cy)
    .lineTo(x + w - 8, cy)
    .lineWidth(0.8)
    .stroke();
  cy += 6;
  const barcodeText = v.trackingNumber ?? v.code;
  doc.image(await code128Png(barcodeText), x + 16, cy, { width: w - 32, height: 62 });
  cy += 70;
  doc.image(await qrPng(v.qrPayload), x + 12, cy, { width: 96, height: 96 });
  const side = [
    `RMA ${v.rmaNumber}`,
    `Parcel ${v.code}`,
    `${(v.weightGrams / 1000).toFixed(2)} kg`,
    v.customsSummary ?? "",
  ]
    .filter(Boolean)
    .join("\n");
  ts.write(side, x + 116, cy + 4, w - 128, { size: 7.5 });
}

export async function renderLabelPdf(v: LabelView, size: "4x6" | "a4", date: Date): Promise<Buffer> {
  const { doc, ts, done } = openPdf({
    title: `Return label ${v.code}`,
    size: size === "a4" ? A4 : LABEL_4X6,
    date,
  });
  doc.addPage({ size: [...(size === "a4" ? A4 : LABEL_4X6)], margin: 0 });
  if (size === "4x6") await drawLabel(doc, ts, v, 0, 0);
  else {
    ts.write(`Return ${v.rmaNumber} — your label`, 48, 40, A4[0] - 96, { size: 16, bold: true });
    ts.write(v.instructions, 48, 66, A4[0] - 96, { size: 9.5 });
    doc
      .dash(4, { space: 3 })
      .rect(A4[0] / 2 - 150, 190, 300, 444)
      .lineWidth(0.5)
      .strokeColor("#888888")
      .stroke()
      .undash();
    await drawLabel(doc, ts, v, A4[0] / 2 - 144, 196);
    ts.write(
      "Cut along the dashed line and tape the label flat on the largest side of the parcel.",
      48,
      650,
      A4[0] - 96,
      { size: 8, color: "#555555" },
    );
  }
  doc.end();
  return done;
}
