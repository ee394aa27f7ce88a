import type { CustomsPapers, CustomsParty } from "../../domain/logistics/customs-papers.ts";
import { distinctTariffLines, totalWeightGrams } from "../../domain/logistics/customs-papers.ts";
import { formatMoney, type Money, sum } from "../../domain/money.ts";
import { A4, drawTable, PageFrame } from "./page-frame.ts";
import { openPdf } from "./pdf-doc.ts";
import type { Typesetter } from "./typesetter.ts";

/**
 * Customs papers of a return parcel, in English (CN23 headings also in French, as the UPU form has
 * them): the returned-goods commercial invoice and the CN23 customs declaration.
 */
const party = (p: CustomsParty) =>
  [p.name, p.line1, [p.postalCode, p.city].filter(Boolean).join(" "), p.country].filter(Boolean).join("\n");
const money = (m: Money) => `${formatMoney(m)} ${m.currency}`;
const kg = (g: number) => `${(g / 1000).toFixed(3)} kg`;

function parties(frame: PageFrame, ts: Typesetter, p: CustomsPapers, left: string, right: string): void {
  const half = frame.width / 2 - 8;
  const y = frame.y;
  const a = ts.write(`${left}\n${party(p.sender)}`, frame.left, y, half, { size: 8.5 });
  const m = p.merchant;
  const ids = [
    m.vatNumber && `VAT ${m.vatNumber}`,
    m.eoriNumber && `EORI ${m.eoriNumber}`,
    m.iossNumber && `IOSS ${m.iossNumber}`,
  ]
    .filter(Boolean)
    .join(" · ");
  const b = ts.write(
    `${right}\n${m.legalName ?? ""}\n${party(p.recipient)}\n${ids}`,
    frame.left + half + 16,
    y,
    half,
    { size: 8.5 },
  );
  frame.y += Math.max(a, b) + 10;
}

function references(frame: PageFrame, ts: Typesetter, p: CustomsPapers): void {
  const e = p.exportReference;
  const rows = [
    `Return (RMA): ${p.rmaNumber}    Order: ${p.orderNumber}    Date: ${p.date.toISOString().slice(0, 10)}`,
    `Original export: tracking/AWB ${e.trackingNumber ?? "—"}${e.carrier ? ` (${e.carrier})` : ""}, invoice ${e.invoiceNumber ?? "—"}${e.exportedAt ? `, shipped ${e.exportedAt.toISOString().slice(0, 10)}` : ""}`,
    `Contents: returned goods    Incoterm: ${p.incoterm ?? "—"}    Currency: ${p.currency}`,
  ];
  frame.y += ts.write(rows.join("\n"), frame.left, frame.y, frame.width, { size: 8.5 }) + 10;
}

function lines(frame: PageFrame, ts: Typesetter, p: CustomsPapers): void {
  drawTable(
    frame,
    ts,
    [
      { header: "Description", width: 0 },
      { header: "HS code", width: 62 },
      { header: "Origin", width: 40 },
      { header: "Qty", width: 30, align: "end" },
      { header: "Net weight", width: 62, align: "end" },
      { header: "Value", width: 80, align: "end" },
    ],
    p.lines.map((l) => ({
      cells: [
        l.description,
        l.hsCode ?? "—",
        l.originCountry ?? "—",
        String(l.quantity),
        kg((l.weightGrams ?? 0) * l.quantity),
        money(l.value),
      ],
      sub: `SKU ${l.sku}`,
    })),
  );
  const total = sum(
    p.currency,
    p.lines.map((l) => l.value),
  );
  frame.y += 6;
  frame.y +=
    ts.write(
      `Total: ${money(total)}    Gross weight: ${kg(totalWeightGrams(p))}    Tariff lines: ${distinctTariffLines(p)}`,
      frame.left,
      frame.y,
      frame.width,
      { size: 9, bold: true },
      "end",
    ) + 12;
}

function signature(frame: PageFrame, ts: Typesetter, p: CustomsPapers, text: string): void {
  frame.ensure(70);
  frame.y += ts.write(text, frame.left, frame.y, frame.width, { size: 8 }) + 18;
  frame.rule(frame.y + 14);
  ts.write(
    `Signed: ${p.signer ?? ""}    Date: ${p.date.toISOString().slice(0, 10)}`,
    frame.left,
    frame.y + 18,
    frame.width,
    { size: 8.5 },
  );
  frame.y += 34;
}

interface CustomsForm {
  readonly title: string;
  readonly heading: string;
  readonly subtitle: string;
  readonly parties: readonly [string, string];
  readonly notes: string | null;
  readonly declaration: string;
}

/** One customs form: heading, parties, references, the goods, optional notes, the signed declaration. */
function renderForm(p: CustomsPapers, f: CustomsForm): Promise<Buffer> {
  const { doc, ts, done } = openPdf({ title: f.title, size: A4, date: p.date });
  const frame = new PageFrame(doc, 0);
  frame.newPage();
  frame.y += ts.write(f.heading, frame.left, frame.y, frame.width, { size: 14, bold: true }) + 4;
  frame.y += ts.write(f.subtitle, frame.left, frame.y, frame.width, { size: 8.5, color: "#555555" }) + 10;
  parties(frame, ts, p, f.parties[0], f.parties[1]);
  references(frame, ts, p);
  lines(frame, ts, p);
  if (f.notes) frame.y += ts.write(f.notes, frame.left, frame.y, frame.width, { size: 8.5 }) + 12;
  signature(frame, ts, p, f.declaration);
  doc.end();
  return done;
}

export function renderCustomsInvoicePdf(
  p: CustomsPapers,
  notes: { dutyNote: string; reliefNote: string },
): Promise<Buffer> {
  return renderForm(p, {
    title: `Commercial invoice — returned goods ${p.rmaNumber}`,
    heading: "COMMERCIAL INVOICE — RETURNED GOODS",
    subtitle:
      "Goods returned by the consumer to the seller; no sale, no payment due (value for customs purposes only).",
    parties: ["Exporter (consumer returning the goods)", "Consignee / importer of record"],
    notes: `Duty: ${notes.dutyNote}\nReturned goods relief: ${notes.reliefNote}`,
    declaration:
      "I declare that the information on this invoice is true and correct, and that the goods are returned in the state in which they were exported.",
  });
}

export function renderCn23Pdf(p: CustomsPapers): Promise<Buffer> {
  return renderForm(p, {
    title: `CN 23 ${p.rmaNumber}`,
    heading: "CN 23 — DÉCLARATION EN DOUANE / CUSTOMS DECLARATION",
    subtitle: "Catégorie de l'envoi / Category of item: ☒ Marchandises retournées / Returned goods",
    parties: ["Expéditeur / Sender", "Destinataire / Addressee"],
    notes: null,
    declaration:
      "Je certifie que les renseignements donnés dans la présente déclaration sont exacts. / I certify that the particulars given in this customs declaration are correct and that this item does not contain any dangerous article prohibited by legislation or by postal or customs regulations.",
  });
}
