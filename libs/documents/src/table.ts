import { FONT } from './fonts';

export interface TableColumn {
  header: string;
  /** Fixed width in points. */
  width?: number;
  /** As wide as the widest cell (and header word) on one line: for codes that must not wrap. */
  fit?: boolean;
  /** Share of the width left after fixed and fitted columns (default 1). */
  flex?: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableOptions {
  /** Cell text size (default 10). */
  fontSize?: number;
}

/** What the table needs from the page it is drawn on. */
export interface TableSurface {
  readonly pdf: PDFKit.PDFDocument;
  readonly left: number;
  readonly contentWidth: number;
  readonly bottom: number;
}

const PAD_X = 3;
const PAD_Y = 2.5;
const BORDER = 0.5;

/**
 * Draws a bordered table from the current y. Each row is measured before it is drawn; a row that
 * does not fit under the current page's bottom margin starts a new page, which repeats the header.
 * A single row taller than a whole page (pathological input) is cut with an ellipsis.
 */
export function drawTable(surface: TableSurface, columns: TableColumn[], rows: string[][], options: TableOptions = {}): void {
  const { pdf } = surface;
  const size = options.fontSize ?? 10;
  const widths = columnWidths(surface, columns, rows, size);
  const headers = columns.map((c) => c.header);

  const rowHeight = (cells: string[], font: string): number => {
    pdf.font(font).fontSize(size);
    return Math.max(...cells.map((cell, i) => pdf.heightOfString(cell, { width: widths[i] - 2 * PAD_X }))) + 2 * PAD_Y;
  };
  const drawRow = (cells: string[], font: string, y: number, height: number, header: boolean): void => {
    pdf.font(font).fontSize(size);
    let x = surface.left;
    cells.forEach((cell, i) => {
      const width = widths[i];
      pdf.text(cell, x + PAD_X, y + PAD_Y, {
        width: width - 2 * PAD_X,
        height: height - 2 * PAD_Y,
        align: header ? 'center' : (columns[i].align ?? 'left'),
        ellipsis: true,
      });
      pdf.save().lineWidth(BORDER).rect(x, y, width, height).stroke().restore();
      x += width;
    });
  };

  const headerHeight = rowHeight(headers, FONT.bold);
  const startPage = (y: number): number => {
    drawRow(headers, FONT.bold, y, headerHeight, true);
    return y + headerHeight;
  };
  // At most what fits under the header on an empty page.
  const pageRoom = surface.bottom - pdf.page.margins.top - headerHeight;
  const heightOf = (row: string[]): number => Math.min(rowHeight(row, FONT.regular), pageRoom);

  // Keep the header with at least one row.
  const firstRow = rows.length > 0 ? heightOf(rows[0]) : 0;
  if (pdf.y + headerHeight + firstRow > surface.bottom) pdf.addPage();
  let y = startPage(pdf.y);

  for (const row of rows) {
    const height = heightOf(row);
    if (y + height > surface.bottom) {
      pdf.addPage();
      y = startPage(pdf.page.margins.top);
    }
    drawRow(row, FONT.regular, y, height, false);
    y += height;
  }
  pdf.x = surface.left;
  pdf.y = y;
}

function columnWidths(surface: TableSurface, columns: TableColumn[], rows: string[][], size: number): number[] {
  const { pdf } = surface;
  const widths = columns.map((column, i) => {
    if (column.width !== undefined) return column.width;
    if (!column.fit) return undefined;
    pdf.font(FONT.regular).fontSize(size);
    const cells = Math.max(0, ...rows.map((r) => pdf.widthOfString(r[i] ?? '')));
    pdf.font(FONT.bold);
    const headerWords = Math.max(0, ...column.header.split(/\s+/).map((w) => pdf.widthOfString(w)));
    return Math.ceil(Math.max(cells, headerWords)) + 2 * PAD_X + 1;
  });
  const used = widths.reduce<number>((sum, w) => sum + (w ?? 0), 0);
  const flexTotal = columns.reduce((sum, c, i) => sum + (widths[i] === undefined ? (c.flex ?? 1) : 0), 0);
  const left = surface.contentWidth - used;
  if (flexTotal > 0 && left < 30 * flexTotal) {
    throw new RangeError(`Table columns leave ${left.toFixed(0)} pt for ${flexTotal} flexible share(s)`);
  }
  return columns.map((c, i) => widths[i] ?? (left * (c.flex ?? 1)) / flexTotal);
}
