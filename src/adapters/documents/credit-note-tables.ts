/** The credit note's tables: returned items, other lines, the VAT summary and the refund methods. */

import type { CreditNoteView, RefundMethodView } from "../../app/documents/credit-note-view.ts";
import type { Formatter } from "../../domain/policy/render/format.ts";
import type { CreditNoteLabels } from "./labels/index.ts";
import { type Column, drawTable, type PageFrame, type TableRow } from "./page-frame.ts";
import type { Typesetter } from "./typesetter.ts";

export interface SectionContext {
  readonly frame: PageFrame;
  readonly ts: Typesetter;
  readonly t: CreditNoteLabels;
  readonly f: Formatter;
  readonly locale: string;
}

const NO_RATE = "—";

function heading(ctx: SectionContext, text: string): void {
  ctx.frame.ensure(60);
  ctx.frame.y += 10;
  ctx.frame.y += ctx.ts.write(text, ctx.frame.left, ctx.frame.y, ctx.frame.width, { size: 10, bold: true });
  ctx.frame.y += 2;
}

const rate = (ctx: SectionContext, bp: number | null) => (bp === null ? NO_RATE : ctx.f.percent(bp));

function lineColumns(t: CreditNoteLabels): Column[] {
  return [
    { header: t.description, width: 0 },
    { header: t.quantity, width: 38, align: "end" },
    { header: t.unitPrice, width: 62, align: "end" },
    { header: t.net, width: 64, align: "end" },
    { header: t.taxRate, width: 50, align: "end" },
    { header: t.tax, width: 58, align: "end" },
    { header: t.gross, width: 66, align: "end" },
  ];
}

export function itemsSection(ctx: SectionContext, view: CreditNoteView): void {
  const { t, f } = ctx;
  const count = new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 0 });
  heading(ctx, t.items);
  const rows: TableRow[] = view.lines.map((l) => ({
    cells: [
      l.description,
      count.format(l.quantity),
      f.money(l.unitPrice),
      f.money(l.net),
      rate(ctx, l.taxRateBp),
      f.money(l.tax),
      f.money(l.gross),
    ],
    sub: `${t.sku}: ${l.sku}`,
  }));
  drawTable(ctx.frame, ctx.ts, lineColumns(t), rows);
  if (view.adjustments.length === 0) return;
  heading(ctx, t.otherLines);
  const other: TableRow[] = view.adjustments.map((a) => ({
    cells: [
      a.detail ? `${t.adjustments[a.kind]} – ${a.detail}` : t.adjustments[a.kind],
      "",
      "",
      f.money(a.net),
      rate(ctx, a.taxRateBp),
      f.money(a.tax),
      f.money(a.gross),
    ],
  }));
  drawTable(ctx.frame, ctx.ts, lineColumns(t), other);
}

export function taxSection(ctx: SectionContext, view: CreditNoteView): void {
  const { t, f, frame, ts } = ctx;
  const sum = (pick: (r: (typeof view.taxTotals)[number]) => number) =>
    f.money({ amount: view.taxTotals.reduce((a, r) => a + pick(r), 0), currency: view.currency });
  if (view.taxTotals.length > 0) {
    heading(ctx, t.taxSummary);
    const columns: Column[] = [
      { header: t.taxRate, width: 0 },
      { header: t.net, width: 96, align: "end" },
      { header: t.tax, width: 96, align: "end" },
      { header: t.gross, width: 96, align: "end" },
    ];
    const rows: TableRow[] = view.taxTotals.map((r) => ({
      cells: [rate(ctx, r.taxRateBp), f.money(r.net), f.money(r.tax), f.money(r.gross)],
    }));
    rows.push({
      cells: [t.total, sum((r) => r.net.amount), sum((r) => r.tax.amount), f.money(view.total)],
      bold: true,
    });
    drawTable(frame, ts, columns, rows);
  }
  const style = { size: 12, bold: true };
  const amount = ts.layout(f.money(view.total), 160, style);
  frame.ensure(amount.height + 16);
  frame.y += 8;
  frame.rule(frame.y, 1);
  frame.y += 5;
  const label = ts.write(t.totalCredited, frame.left, frame.y, frame.width - 170, style);
  ts.draw(amount, frame.left + frame.width - 160, frame.y, 160, "end");
  frame.y += Math.max(label, amount.height) + 4;
}

/** "NL91ABNA0417164300" → "NL91 •••• 4300": enough to recognise the account, never the number. */
export function maskIban(iban: string): string {
  const s = iban.replace(/\s+/g, "").toUpperCase();
  return s.length < 8 ? "••••" : `${s.slice(0, 4)} •••• ${s.slice(-4)}`;
}

function refundRow(t: CreditNoteLabels, r: RefundMethodView): { text: string; sub?: string } {
  switch (r.kind) {
    case "original_payment": {
      const card = r.cardBrand && r.last4 ? t.cardEnding(r.cardBrand, r.last4) : undefined;
      const what = card ?? r.provider ?? r.cardBrand;
      const sub = r.providerReference ? `${t.paymentReference}: ${r.providerReference}` : undefined;
      return { text: what ? `${t.originalPayment}: ${what}` : t.originalPayment, sub };
    }
    case "store_credit":
      return { text: t.storeCredit, sub: r.reference ? `${t.paymentReference}: ${r.reference}` : undefined };
    case "bank_transfer":
      return {
        text: `${t.bankTransfer}: IBAN ${maskIban(r.iban)}`,
        sub: r.accountHolder ? `${t.accountHolder}: ${r.accountHolder}` : undefined,
      };
  }
}

export function refundSection(ctx: SectionContext, view: CreditNoteView): void {
  const { t, f } = ctx;
  if (view.refunds.length === 0) return;
  heading(ctx, t.refundedTo);
  const rows: TableRow[] = view.refunds.map((r) => {
    const { text, sub } = refundRow(t, r);
    return sub ? { cells: [text, f.money(r.amount)], sub } : { cells: [text, f.money(r.amount)] };
  });
  drawTable(
    ctx.frame,
    ctx.ts,
    [
      { header: "", width: 0 },
      { header: "", width: 110, align: "end" },
    ],
    rows,
  );
}
