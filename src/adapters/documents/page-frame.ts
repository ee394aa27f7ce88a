/**
 * A4 pages with a running cursor, and tables whose rows wrap inside their cells and continue on a
 * new page (with the header row repeated) when the page is full.
 */
import type { TextBlock, TextStyle, Typesetter } from "./typesetter.ts";

export const A4: readonly [number, number] = [595.28, 841.89];
export const MARGIN = 48;
const RULE = "#9a9a9a";
const CELL_PAD = 3;

export class PageFrame {
  y = MARGIN;
  readonly left = MARGIN;
  readonly width = A4[0] - 2 * MARGIN;

  /** `reserved`: height kept free at the bottom of every page for the footer. */
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly reserved: number,
  ) {}

  get bottom(): number {
    return A4[1] - MARGIN - this.reserved;
  }

  newPage(): void {
    this.doc.addPage({ size: [...A4], margin: 0 });
    this.y = MARGIN;
  }

  /** Starts a new page unless `height` still fits; true when it started one. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom || this.y === MARGIN) return false;
    this.newPage();
    return true;
  }

  rule(y: number, weight = 0.5): void {
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(weight)
      .strokeColor(RULE)
      .stroke();
  }
}

export interface Column {
  readonly header: string;
  /** Points; the first column takes whatever the others leave. */
  readonly width: number;
  readonly align?: "start" | "end";
}

export interface TableRow {
  readonly cells: readonly string[];
  /** A smaller grey line under the first cell (e.g. the SKU). */
  readonly sub?: string;
  readonly bold?: boolean;
}

const BODY: TextStyle = { size: 8 };
const SUB: TextStyle = { size: 7, color: "#555555" };

export function drawTable(
  frame: PageFrame,
  ts: Typesetter,
  columns: readonly Column[],
  rows: readonly TableRow[],
): void {
  const first = frame.width - columns.slice(1).reduce((w, c) => w + c.width, 0);
  const widths = columns.map((c, i) => (i === 0 ? first : c.width));
  const xs = widths.map((_, i) => frame.left + widths.slice(0, i).reduce((a, w) => a + w, 0));
  const inner = (i: number) => (widths[i] ?? 0) - 2 * CELL_PAD;

  const layoutRow = (cells: readonly string[], style: TextStyle, sub?: string) => {
    const blocks = cells.map((text, i) => ts.layout(text, inner(i), style));
    const subBlock = sub ? ts.layout(sub, inner(0), SUB) : undefined;
    const first = (blocks[0]?.height ?? 0) + (subBlock?.height ?? 0);
    const height = Math.max(first, ...blocks.map((b) => b.height)) + 2 * CELL_PAD;
    return { blocks, subBlock, height };
  };
  const drawRow = (row: { blocks: TextBlock[]; subBlock: TextBlock | undefined; height: number }) => {
    row.blocks.forEach((block, i) => {
      ts.draw(block, (xs[i] ?? 0) + CELL_PAD, frame.y + CELL_PAD, inner(i), columns[i]?.align);
    });
    if (row.subBlock)
      ts.draw(
        row.subBlock,
        (xs[0] ?? 0) + CELL_PAD,
        frame.y + CELL_PAD + (row.blocks[0]?.height ?? 0),
        inner(0),
      );
    frame.y += row.height;
  };
  const header = () => {
    if (columns.every((c) => c.header === "")) return;
    const h = layoutRow(
      columns.map((c) => c.header),
      { size: 7.5, bold: true, color: "#333333" },
    );
    drawRow(h);
    frame.rule(frame.y, 0.8);
  };

  const firstRow = rows[0]
    ? layoutRow(rows[0].cells, { ...BODY, bold: rows[0].bold }, rows[0].sub)
    : undefined;
  frame.ensure(30 + (firstRow?.height ?? 0));
  header();
  for (const row of rows) {
    const laid = layoutRow(row.cells, { ...BODY, bold: row.bold }, row.sub);
    if (frame.ensure(laid.height)) header();
    drawRow(laid);
    frame.rule(frame.y, 0.3);
  }
}
