/**
 * Renders a credit note as an A4 PDF in the shopper's locale, with embedded fonts chosen per script
 * (see fonts.ts and typesetter.ts). Output is deterministic: the PDF's dates come from the note's
 * issue date, never from the clock, so the same view and locale give the same bytes.
 */
import PDFDocument from "pdfkit";
import type { CreditNoteView, PostalAddressView } from "../../app/documents/credit-note-view.ts";
import { formatterFor } from "../../domain/policy/render/format.ts";
import { checkCreditNote } from "./credit-note-check.ts";
import { itemsSection, refundSection, type SectionContext, taxSection } from "./credit-note-tables.ts";
import { locateFont } from "./fonts.ts";
import { creditNoteLocale } from "./labels/index.ts";
import { A4, MARGIN, PageFrame } from "./page-frame.ts";
import { Typesetter } from "./typesetter.ts";

export interface RenderOptions {
  /** Directories searched for the font files instead of the defaults (see fonts.ts). */
  readonly fontDirs?: readonly string[];
}

const GREY = "#555555";
const FOOTER = { size: 7, color: GREY };
const PAGE_LABEL_WIDTH = 150;

function addressText(ctx: SectionContext, a: PostalAddressView): string {
  return [...a.lines, ctx.f.place(a.country, null)].join("\n");
}

function header(ctx: SectionContext, view: CreditNoteView): void {
  const { frame, ts, t, f } = ctx;
  const half = frame.width / 2 - 10;
  const title = ts.write(t.title, frame.left, frame.y, half + 60, { size: 20, bold: true });
  ts.write(view.number, frame.left + half + 20, frame.y + 6, half, { size: 11, bold: true }, "end");
  frame.y += title + 2;
  if (view.corrects)
    frame.y += ts.write(t.correctsNote(view.corrects), frame.left, frame.y, frame.width, {
      size: 9,
      bold: true,
      color: "#9b1c1c",
    });
  frame.y += 12;

  const s = view.seller;
  const ids = [
    s.vatNumber ? `${t.vatNumber} ${s.vatNumber}` : undefined,
    s.eori ? `${t.eori} ${s.eori}` : undefined,
    s.ioss ? `${t.ioss} ${s.ioss}` : undefined,
  ].filter((x): x is string => x !== undefined);
  let left = ts.write(t.seller, frame.left, frame.y, half, { size: 7.5, color: GREY });
  left += ts.write(s.legalName, frame.left, frame.y + left, half, { size: 9, bold: true });
  left += ts.write([addressText(ctx, s.address), ...ids].join("\n"), frame.left, frame.y + left, half, {
    size: 8.5,
  });

  const meta: [string, string | undefined][] = [
    [t.noteNumber, view.number],
    [t.issueDate, f.date(view.issueDate)],
    [t.orderNumber, view.orderNumber],
    [t.invoiceNumber, view.invoiceNumber],
    [t.returnCase, view.returnCaseNumber],
    [t.currency, view.currency],
  ];
  const x = frame.left + half + 20;
  const labelWidth = 124;
  let right = 0;
  for (const [label, value] of meta) {
    if (value === undefined) continue;
    const l = ts.layout(label, labelWidth - 6, { size: 8.5, color: GREY });
    const v = ts.layout(value, half - labelWidth, { size: 8.5, bold: true });
    ts.draw(l, x, frame.y + right, labelWidth - 6);
    ts.draw(v, x + labelWidth, frame.y + right, half - labelWidth, "end");
    right += Math.max(l.height, v.height);
  }
  frame.y += Math.max(left, right) + 14;

  const c = view.customer;
  const customer = [addressText(ctx, c.address), c.vatNumber ? `${t.vatNumber} ${c.vatNumber}` : undefined]
    .filter((x): x is string => x !== undefined)
    .join("\n");
  frame.y += ts.write(t.customer, frame.left, frame.y, half, { size: 7.5, color: GREY });
  frame.y += ts.write(c.name, frame.left, frame.y, half, { size: 10, bold: true });
  frame.y += ts.write(customer, frame.left, frame.y, half, { size: 8.5 });
  frame.y += 10;
  frame.y += ts.write(t.creditedNotice, frame.left, frame.y, frame.width, { size: 8, color: GREY });
}

function footers(doc: PDFKit.PDFDocument, ctx: SectionContext, view: CreditNoteView, text: string): void {
  const { ts, frame, t } = ctx;
  const range = doc.bufferedPageRange();
  const top = A4[1] - MARGIN - ts.layout(text, frame.width - PAGE_LABEL_WIDTH, FOOTER).height;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    frame.rule(top - 6, 0.5);
    ts.write(text, frame.left, top, frame.width - PAGE_LABEL_WIDTH, FOOTER);
    const label = `${view.number} · ${t.page(i - range.start + 1, range.count)}`;
    ts.write(label, frame.left + frame.width - PAGE_LABEL_WIDTH, top, PAGE_LABEL_WIDTH, FOOTER, "end");
  }
}

/** The credit note as PDF bytes. Throws when its figures do not add up (see credit-note-check.ts). */
export async function renderCreditNotePdf(
  view: CreditNoteView,
  locale: string,
  options: RenderOptions = {},
): Promise<Buffer> {
  checkCreditNote(view);
  const { locale: tag, labels: t, direction } = creditNoteLocale(locale);
  const issued = new Date(`${view.issueDate}T00:00:00Z`);
  const doc = new PDFDocument({
    size: [...A4],
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    // The default would load the built-in Helvetica, which cannot show most of these languages.
    font: locateFont("latin", "regular", options.fontDirs).path,
    lang: tag,
    displayTitle: true,
    info: {
      Title: `${t.title} ${view.number}`,
      Author: view.seller.legalName,
      Subject: `${t.orderNumber} ${view.orderNumber}`,
      Creator: "Crossback",
      Producer: "Crossback",
      CreationDate: issued,
      ModDate: issued,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const ts = new Typesetter(doc, { locale: tag, direction, fontDirs: options.fontDirs });
  const footerText = [...view.footer, t.immutableNotice].join("\n");
  const frame = new PageFrame(
    doc,
    ts.layout(footerText, A4[0] - 2 * MARGIN - PAGE_LABEL_WIDTH, FOOTER).height + 14,
  );
  const ctx: SectionContext = { frame, ts, t, f: formatterFor(tag), locale: tag };
  frame.newPage();
  header(ctx, view);
  itemsSection(ctx, view);
  taxSection(ctx, view);
  refundSection(ctx, view);
  footers(doc, ctx, view, footerText);
  doc.end();
  return done;
}
