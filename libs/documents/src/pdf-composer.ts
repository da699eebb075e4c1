import PDFDocument from 'pdfkit';
import { FONT, fontData, type FontFace } from './fonts';
import { drawTable, type TableColumn, type TableOptions } from './table';
import { placeDateLine } from './vietnam-time';

const MM = 72 / 25.4;

/** Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, margins top/bottom 20 mm, left 30 mm, right 15 mm. */
const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };

/** Body text size (13–14 pt in Nghị định 30); headings and tables derive from it. */
const BODY_SIZE = 13;
const LINE_GAP = 2;

export interface ComposerOptions {
  /** PDF metadata title, e.g. 'Biên bản BB-2026-0001'. */
  title: string;
  subject?: string;
  author?: string;
  /** Stamped as the PDF creation and modification dates, so the same input gives the same bytes. */
  createdAt: string | Date;
}

export interface NationalHeading {
  /** Governing body (cơ quan chủ quản), printed upper case: 'UBND TỈNH THANH HÓA'. */
  authorityVi: string;
  /** Issuing body (cơ quan ban hành), printed upper case and bold, may wrap. */
  issuerVi: string;
  /** Document number (số, ký hiệu), printed as 'Số: …' under the issuer; omitted when absent. */
  reference?: string;
  /** Place for the date line: 'Thanh Hóa'. */
  placeVi: string;
  /** Instant of the date line, printed in Vietnam time. */
  date: string | Date;
}

export interface SignatureBlock {
  /** Capacity lines, e.g. ['THƯ KÝ'] or ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']. */
  titleLines: string[];
  /** Italic hint under the capacity; defaults to '(Ký, ghi rõ họ tên)'. Empty string for none. */
  noteVi?: string;
  /** Printed under the space for the signature; null leaves the space for a handwritten name. */
  name: string | null;
}

export interface TextStyle {
  face?: FontFace;
  size?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent in points. */
  indent?: number;
  /** Space after the paragraph in points (default 3). */
  after?: number;
  /** Points of what follows to keep on the same page as this paragraph (e.g. a table's first rows). */
  keepWithNext?: number;
}

const nfc = (text: string): string => text.normalize('NFC');

/**
 * Builds a Vietnamese administrative document on A4 with an embedded, subsetted Unicode font:
 * national heading, titles, paragraphs, lists, tables that break across pages, signature blocks,
 * page numbers. Every string is NFC-normalised, so decomposed input (e.g. typed on macOS) prints
 * and extracts as precomposed letters. Call finish() once to get the bytes.
 */
export class PdfComposer {
  private readonly chunks: Buffer[] = [];
  private readonly ended: Promise<Buffer>;

  private constructor(readonly pdf: PDFKit.PDFDocument) {
    this.ended = new Promise<Buffer>((resolve, reject) => {
      pdf.on('data', (chunk: Buffer) => this.chunks.push(chunk));
      pdf.on('end', () => resolve(Buffer.concat(this.chunks)));
      pdf.on('error', reject);
    });
  }

  static create(options: ComposerOptions): PdfComposer {
    const createdAt = new Date(options.createdAt);
    if (Number.isNaN(createdAt.getTime())) throw new RangeError(`createdAt is not a valid instant: ${String(options.createdAt)}`);
    const pdf = new PDFDocument({
      size: 'A4',
      margins: MARGINS,
      bufferPages: true,
      lang: 'vi-VN',
      displayTitle: true,
      info: {
        Title: nfc(options.title),
        ...(options.subject === undefined ? {} : { Subject: nfc(options.subject) }),
        ...(options.author === undefined ? {} : { Author: nfc(options.author) }),
        Creator: 'OCOP platform',
        CreationDate: createdAt,
        ModDate: createdAt,
      },
    });
    for (const face of Object.keys(FONT) as FontFace[]) pdf.registerFont(FONT[face], fontData(face));
    pdf.font(FONT.regular).fontSize(BODY_SIZE);
    return new PdfComposer(pdf);
  }

  get left(): number {
    return this.pdf.page.margins.left;
  }

  get contentWidth(): number {
    return this.pdf.page.width - this.pdf.page.margins.left - this.pdf.page.margins.right;
  }

  /** Lowest y that content may reach on the current page. */
  get bottom(): number {
    return this.pdf.page.height - this.pdf.page.margins.bottom;
  }

  /** Starts a new page unless `height` points still fit on the current one. */
  ensureSpace(height: number): this {
    if (this.pdf.y + height > this.bottom) this.pdf.addPage();
    return this;
  }

  space(points = BODY_SIZE * 0.6): this {
    this.pdf.y += points;
    return this;
  }

  /**
   * The two-column national heading: governing and issuing body with the document number on the
   * left; the national name, the motto (underlined) and the place-and-date line on the right.
   */
  nationalHeading(heading: NationalHeading): this {
    const { pdf } = this;
    const top = pdf.page.margins.top;
    // The right column is as wide as the national name at 12 pt; the bodies' names wrap on the left.
    const nation = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
    pdf.font(FONT.bold).fontSize(12);
    const rightWidth = Math.min(pdf.widthOfString(nation) + 10, this.contentWidth * 0.6);
    const leftWidth = this.contentWidth - rightWidth;
    const rightX = this.left + leftWidth;

    // Left column.
    const issuer = nfc(heading.issuerVi).toUpperCase();
    pdf.font(FONT.regular).fontSize(12);
    pdf.text(nfc(heading.authorityVi).toUpperCase(), this.left, top, { width: leftWidth, align: 'center' });
    pdf.font(FONT.bold).fontSize(12);
    pdf.text(issuer, this.left, pdf.y, { width: leftWidth, align: 'center' });
    this.rule(this.left + leftWidth / 2, pdf.y + 2, Math.min(pdf.widthOfString(issuer), leftWidth) / 3);
    if (heading.reference !== undefined) {
      pdf.font(FONT.regular).fontSize(BODY_SIZE);
      pdf.text(`Số: ${nfc(heading.reference)}`, this.left, pdf.y + 8, { width: leftWidth, align: 'center' });
    }
    const leftEnd = pdf.y;

    // Right column.
    pdf.font(FONT.bold);
    pdf.fontSize(fitSize(pdf, nation, rightWidth, 12));
    pdf.text(nation, rightX, top, { width: rightWidth, align: 'center' });
    const motto = 'Độc lập - Tự do - Hạnh phúc';
    pdf.fontSize(BODY_SIZE).text(motto, rightX, pdf.y, { width: rightWidth, align: 'center' });
    this.rule(rightX + rightWidth / 2, pdf.y + 2, pdf.widthOfString(motto));
    pdf.font(FONT.italic).fontSize(BODY_SIZE);
    pdf.text(placeDateLine(nfc(heading.placeVi), heading.date), rightX, pdf.y + 8, { width: rightWidth, align: 'center' });

    pdf.x = this.left;
    pdf.y = Math.max(leftEnd, pdf.y) + BODY_SIZE * 1.5;
    pdf.font(FONT.regular).fontSize(BODY_SIZE);
    return this;
  }

  /** Centred bold title lines (the document kind and its summary), then an optional italic line. */
  title(lines: string[], subtitle?: string): this {
    const { pdf } = this;
    pdf.font(FONT.bold).fontSize(14);
    for (const line of lines) pdf.text(nfc(line), this.left, pdf.y, { width: this.contentWidth, align: 'center' });
    if (subtitle !== undefined && subtitle !== '') {
      pdf.font(FONT.italic).fontSize(BODY_SIZE);
      pdf.text(nfc(subtitle), this.left, pdf.y + 2, { width: this.contentWidth, align: 'center' });
    }
    pdf.font(FONT.regular).fontSize(BODY_SIZE);
    pdf.y += BODY_SIZE;
    return this;
  }

  /**
   * A bold section heading ('I. THỜI GIAN, ĐỊA ĐIỂM'), kept on one page with `keepWithNext`
   * points of what follows (three lines by default).
   */
  section(text: string, keepWithNext = BODY_SIZE * 4): this {
    this.pdf.y += 4;
    return this.paragraph(text, { face: 'bold', after: 4, keepWithNext });
  }

  paragraph(text: string, style: TextStyle = {}): this {
    const { pdf } = this;
    const options: PDFKit.Mixins.TextOptions = {
      width: this.contentWidth,
      align: style.align ?? 'justify',
      indent: style.indent ?? 0,
      lineGap: LINE_GAP,
    };
    pdf.font(FONT[style.face ?? 'regular']).fontSize(style.size ?? BODY_SIZE);
    if (style.keepWithNext !== undefined) this.ensureSpace(pdf.heightOfString(nfc(text), options) + style.keepWithNext);
    pdf.text(nfc(text), this.left, pdf.y, options);
    pdf.y += style.after ?? 3;
    pdf.font(FONT.regular).fontSize(BODY_SIZE);
    return this;
  }

  /** 'Label: text' with a bold label, wrapping as one paragraph. */
  labelled(label: string, text: string, style: Pick<TextStyle, 'size' | 'after'> = {}): this {
    const { pdf } = this;
    const size = style.size ?? BODY_SIZE;
    pdf.font(FONT.bold).fontSize(size);
    pdf.text(`${nfc(label)}: `, this.left, pdf.y, { width: this.contentWidth, align: 'justify', lineGap: LINE_GAP, continued: true });
    pdf.font(FONT.regular).text(nfc(text), { lineGap: LINE_GAP });
    pdf.y += style.after ?? 3;
    return this;
  }

  /** One paragraph per item, each led by `marker` ('-' by default, or numbered with '1.' markers). */
  list(items: string[], marker: (index: number) => string = () => '-', style: Pick<TextStyle, 'face' | 'size'> = {}): this {
    const { pdf } = this;
    const size = style.size ?? BODY_SIZE;
    const indent = size * 1.5;
    items.forEach((item, index) => {
      pdf.font(FONT[style.face ?? 'regular']).fontSize(size);
      this.ensureSpace(pdf.currentLineHeight(true));
      const y = pdf.y;
      pdf.text(marker(index), this.left, y, { width: indent, lineBreak: false });
      pdf.text(nfc(item), this.left + indent, y, { width: this.contentWidth - indent, align: 'justify', lineGap: LINE_GAP });
      pdf.y += 1;
    });
    pdf.x = this.left;
    pdf.y += 2;
    pdf.font(FONT.regular).fontSize(BODY_SIZE);
    return this;
  }

  /** A bordered table; rows that do not fit go to the next page under a repeated header. */
  table(columns: TableColumn[], rows: string[][], options: TableOptions = {}): this {
    drawTable(this, columns.map((c) => ({ ...c, header: nfc(c.header) })), rows.map((r) => r.map(nfc)), options);
    this.pdf.x = this.left;
    this.pdf.y += 6;
    this.pdf.font(FONT.regular).fontSize(BODY_SIZE);
    return this;
  }

  /**
   * Signature blocks side by side, kept together on one page. One block sits in the right half
   * (the usual place of the signer); several share the width equally, left to right.
   */
  signatures(blocks: SignatureBlock[]): this {
    const { pdf } = this;
    if (blocks.length === 0) return this;
    const signingSpace = 70;
    const lines = Math.max(...blocks.map((b) => b.titleLines.length)) + 1;
    this.ensureSpace(lines * BODY_SIZE * 1.3 + signingSpace + BODY_SIZE * 2);
    const top = pdf.y + BODY_SIZE;
    const width = blocks.length === 1 ? this.contentWidth / 2 : this.contentWidth / blocks.length;
    const firstX = blocks.length === 1 ? this.left + this.contentWidth / 2 : this.left;
    let end = top;
    blocks.forEach((block, index) => {
      const x = firstX + index * width;
      pdf.font(FONT.bold).fontSize(BODY_SIZE);
      pdf.text(block.titleLines.map(nfc).join('\n'), x, top, { width, align: 'center' });
      const note = block.noteVi ?? '(Ký, ghi rõ họ tên)';
      if (note !== '') pdf.font(FONT.italic).text(nfc(note), x, pdf.y, { width, align: 'center' });
      const nameY = pdf.y + signingSpace;
      if (block.name !== null) pdf.font(FONT.bold).text(nfc(block.name), x, nameY, { width, align: 'center' });
      end = Math.max(end, block.name === null ? nameY : pdf.y);
    });
    pdf.x = this.left;
    pdf.y = end + BODY_SIZE;
    pdf.font(FONT.regular).fontSize(BODY_SIZE);
    return this;
  }

  /**
   * Numbers the pages (Nghị định 30: top centre, from the second page on), ends the document and
   * resolves with its bytes. Call it once, last.
   */
  finish(): Promise<Buffer> {
    const { pdf } = this;
    const range = pdf.bufferedPageRange();
    for (let i = range.start + 1; i < range.start + range.count; i++) {
      pdf.switchToPage(i);
      const { margins } = pdf.page;
      pdf.font(FONT.regular).fontSize(12);
      pdf.text(String(i + 1), margins.left, margins.top / 2 - 6, { width: this.contentWidth, align: 'center', lineBreak: false });
    }
    pdf.end();
    return this.ended;
  }

  /** A 0.75 pt horizontal line of `length` centred on x. */
  private rule(centreX: number, y: number, length: number): void {
    this.pdf.save().lineWidth(0.75).moveTo(centreX - length / 2, y).lineTo(centreX + length / 2, y).stroke().restore();
  }
}

/** The largest size up to `max` at which `text` fits on one line of `width` in the current font. */
function fitSize(pdf: PDFKit.PDFDocument, text: string, width: number, max: number): number {
  pdf.fontSize(max);
  const natural = pdf.widthOfString(text);
  return natural <= width ? max : Math.floor(((max * width) / natural) * 10) / 10;
}
