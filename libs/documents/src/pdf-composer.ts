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
/** Image captions and the 'Nơi nhận' list beside a signature. */
const SMALL_SIZE = 10;

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
  /** Bold words opening the paragraph, e.g. 'Điều 1.'; a space separates them from the text. */
  lead?: string;
}

export interface ImageOptions {
  /** Printed width in points; the height follows the image's aspect ratio. */
  width: number;
  /** Within the content width (default 'center'). */
  align?: 'left' | 'center' | 'right';
  /** Small italic text under the image, aligned like it across the content width. */
  caption?: string;
}

/**
 * What sits in the left half beside a single signature block, top-aligned with it: the
 * 'Nơi nhận' (recipients) list of an administrative document, or an image such as a QR code.
 */
export type SignatureAside = { recipientsVi: string[] } | ({ image: Buffer } & Omit<ImageOptions, 'align'>);

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

  /** Pages so far, to check that a one-page document stayed on one page before finish(). */
  get pageCount(): number {
    return this.pdf.bufferedPageRange().count;
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

  /** Goes on at the top of a new page (e.g. for a list attached to a decision). */
  pageBreak(): this {
    this.pdf.addPage();
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
  title(lines: string[], subtitle?: string, size = 14): this {
    const { pdf } = this;
    pdf.font(FONT.bold).fontSize(size);
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
    const lead = style.lead === undefined || style.lead === '' ? '' : `${nfc(style.lead)} `;
    pdf.font(FONT[style.face ?? 'regular']).fontSize(style.size ?? BODY_SIZE);
    if (style.keepWithNext !== undefined) this.ensureSpace(pdf.heightOfString(lead + nfc(text), options) + style.keepWithNext);
    if (lead !== '') {
      pdf.font(FONT.bold).text(lead, this.left, pdf.y, { ...options, continued: true });
      pdf.font(FONT[style.face ?? 'regular']).text(nfc(text), { lineGap: LINE_GAP });
    } else {
      pdf.text(nfc(text), this.left, pdf.y, options);
    }
    pdf.y += style.after ?? 3;
    pdf.font(FONT.regular).fontSize(BODY_SIZE);
    return this;
  }

  /**
   * A centred row of `count` five-pointed stars, `size` points high. They are drawn as paths:
   * Tinos has no glyph for ★ (U+2605), which would print as an empty box.
   */
  stars(count: number, o: { size?: number; fill?: string; stroke?: string } = {}): this {
    const { pdf } = this;
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`Not a star count: ${count}`);
    const size = o.size ?? 22;
    const gap = size * 0.4;
    // A regular star of outer radius R is R·(1 + cos 36°) high; its inner radius is R·sin 18°/sin 54°.
    const outer = size / (1 + Math.cos(Math.PI / 5));
    const inner = (outer * Math.sin(Math.PI / 10)) / Math.sin((3 * Math.PI) / 10);
    this.ensureSpace(size);
    const centreY = pdf.y + outer;
    let centreX = this.left + (this.contentWidth - (count * 2 * outer + (count - 1) * gap)) / 2 + outer;
    for (let n = 0; n < count; n++) {
      const points: Array<[number, number]> = [];
      for (let k = 0; k < 10; k++) {
        const angle = -Math.PI / 2 + (k * Math.PI) / 5;
        const radius = k % 2 === 0 ? outer : inner;
        points.push([centreX + radius * Math.cos(angle), centreY + radius * Math.sin(angle)]);
      }
      pdf
        .save()
        .lineWidth(0.6)
        .lineJoin('miter')
        .polygon(...points)
        .fillAndStroke(o.fill ?? '#d4a017', o.stroke ?? '#8c6a00')
        .restore();
      centreX += 2 * outer + gap;
    }
    pdf.x = this.left;
    pdf.y += size + 4;
    return this;
  }

  /**
   * A horizontal bar chart of progress against targets: per row, its label, an outlined bar of the target and a filled
   * bar of what was achieved on one scale, and the two numbers; a legend under the title. Rows that do not fit continue
   * on the next page.
   */
  barChart(
    rows: { label: string; target: number; achieved: number }[],
    o: { title: string; targetLegend: string; achievedLegend: string },
  ): this {
    const { pdf } = this;
    const size = 9;
    const rowHeight = 14;
    const labelWidth = Math.min(150, this.contentWidth * 0.32);
    const numbersWidth = 60;
    const barLeft = this.left + labelWidth + 6;
    const barWidth = this.contentWidth - labelWidth - numbersWidth - 12;
    const most = Math.max(1, ...rows.map((r) => Math.max(r.target, r.achieved)));
    const fill = '#2e7d32';
    const stroke = '#555555';
    this.paragraph(o.title, { face: 'bold', size: 11, after: 2, keepWithNext: rowHeight * 3 });
    const legendY = pdf.y + 2;
    pdf
      .save()
      .lineWidth(0.6)
      .rect(this.left, legendY, 14, 7)
      .stroke(stroke)
      .rect(this.left + 100, legendY, 14, 7)
      .fill(fill)
      .restore();
    pdf.font(FONT.regular).fontSize(size).fillColor('black');
    pdf.text(nfc(o.targetLegend), this.left + 18, legendY - 1, { lineBreak: false });
    pdf.text(nfc(o.achievedLegend), this.left + 118, legendY - 1, { lineBreak: false });
    pdf.y = legendY + 12;
    for (const r of rows) {
      if (pdf.y + rowHeight > this.bottom) pdf.addPage();
      const y = pdf.y;
      pdf.font(FONT.regular).fontSize(size).fillColor('black');
      pdf.text(nfc(r.label), this.left, y + 2, { width: labelWidth, height: rowHeight, ellipsis: true, lineBreak: false });
      const target = (r.target / most) * barWidth;
      const achieved = (r.achieved / most) * barWidth;
      pdf.save().lineWidth(0.6);
      if (achieved > 0) pdf.rect(barLeft, y + 2, achieved, rowHeight - 5).fill(fill);
      if (target > 0) pdf.rect(barLeft, y + 2, target, rowHeight - 5).stroke(stroke);
      pdf.restore();
      pdf
        .fillColor('black')
        .text(`${r.achieved}/${r.target}`, barLeft + barWidth + 6, y + 2, { width: numbersWidth, align: 'right', lineBreak: false });
      pdf.y = y + rowHeight;
    }
    pdf.x = this.left;
    pdf.y += 6;
    pdf.font(FONT.regular).fontSize(BODY_SIZE);
    return this;
  }

  /** A PNG image in the flow (on a new page if it and its caption do not fit), with an optional caption. */
  image(png: Buffer, o: ImageOptions): this {
    const { pdf } = this;
    this.checkImageWidth(o.width);
    const align = o.align ?? 'center';
    const band = { x: this.left, width: this.contentWidth, align };
    this.ensureSpace(this.imageHeight(png, o, band.width));
    const x =
      align === 'left'
        ? this.left
        : align === 'right'
          ? this.left + this.contentWidth - o.width
          : this.left + (this.contentWidth - o.width) / 2;
    const end = this.drawImage(png, x, pdf.y, o, band);
    pdf.x = this.left;
    pdf.y = end + 6;
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
    drawTable(
      this,
      columns.map((c) => ({ ...c, header: nfc(c.header) })),
      rows.map((r) => r.map(nfc)),
      options,
    );
    this.pdf.x = this.left;
    this.pdf.y += 6;
    this.pdf.font(FONT.regular).fontSize(BODY_SIZE);
    return this;
  }

  /**
   * Signature blocks side by side, kept together on one page. One block sits in the right half
   * (the usual place of the signer), with `aside` in the left half if given; several share the
   * width equally, left to right.
   */
  signatures(blocks: SignatureBlock[], aside?: SignatureAside): this {
    const { pdf } = this;
    if (blocks.length === 0) return this;
    if (aside !== undefined && blocks.length !== 1) throw new RangeError('Only a single signature block has something beside it');
    const signingSpace = 70;
    const lines = Math.max(...blocks.map((b) => b.titleLines.length)) + 1;
    const asideWidth = this.contentWidth / 2 - 10;
    const asideHeight =
      aside === undefined
        ? 0
        : 'image' in aside
          ? this.imageHeight(aside.image, aside, asideWidth)
          : this.recipientsHeight(aside.recipientsVi, asideWidth);
    this.ensureSpace(Math.max(lines * BODY_SIZE * 1.3 + signingSpace, asideHeight) + BODY_SIZE * 2);
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
    if (aside !== undefined && 'image' in aside) {
      this.checkImageWidth(aside.width);
      const band = { x: this.left, width: asideWidth, align: 'center' } as const;
      end = Math.max(end, this.drawImage(aside.image, this.left + (asideWidth - aside.width) / 2, top, aside, band));
    } else if (aside !== undefined) {
      end = Math.max(end, this.drawRecipients(aside.recipientsVi, top, asideWidth));
    }
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

  private checkImageWidth(width: number): void {
    if (!(width > 0 && width <= this.contentWidth))
      throw new RangeError(`Image width ${width} pt is outside (0, ${this.contentWidth.toFixed(0)}]`);
  }

  /** Height of an image printed `o.width` wide, with its caption wrapped to `captionWidth`. */
  private imageHeight(png: Buffer, o: Omit<ImageOptions, 'align'>, captionWidth: number): number {
    const size = pngSize(png);
    let height = (o.width * size.height) / size.width;
    if (o.caption !== undefined && o.caption !== '') {
      this.pdf.font(FONT.italic).fontSize(SMALL_SIZE);
      height += 3 + this.pdf.heightOfString(nfc(o.caption), { width: captionWidth });
      this.pdf.font(FONT.regular).fontSize(BODY_SIZE);
    }
    return height;
  }

  /** Draws an image from (x, y) and its caption across `band`; returns the y under them. */
  private drawImage(
    png: Buffer,
    x: number,
    y: number,
    o: Omit<ImageOptions, 'align'>,
    band: { x: number; width: number; align: 'left' | 'center' | 'right' },
  ): number {
    const { pdf } = this;
    const size = pngSize(png);
    const height = (o.width * size.height) / size.width;
    pdf.image(png, x, y, { width: o.width, height });
    let end = y + height;
    if (o.caption !== undefined && o.caption !== '') {
      pdf.font(FONT.italic).fontSize(SMALL_SIZE);
      pdf.text(nfc(o.caption), band.x, end + 3, { width: band.width, align: band.align });
      end = pdf.y;
    }
    pdf.font(FONT.regular).fontSize(BODY_SIZE);
    return end;
  }

  private recipientsHeight(recipients: string[], width: number): number {
    const { pdf } = this;
    pdf.font(FONT.boldItalic).fontSize(SMALL_SIZE + 2);
    let height = pdf.heightOfString('Nơi nhận:', { width });
    pdf.font(FONT.regular).fontSize(SMALL_SIZE);
    for (const line of recipients) height += pdf.heightOfString(`- ${nfc(line)}`, { width });
    pdf.fontSize(BODY_SIZE);
    return height;
  }

  /** 'Nơi nhận:' and one '- …' line per recipient, as Nghị định 30 sets them under the text, left. */
  private drawRecipients(recipients: string[], y: number, width: number): number {
    const { pdf } = this;
    pdf
      .font(FONT.boldItalic)
      .fontSize(SMALL_SIZE + 2)
      .text('Nơi nhận:', this.left, y, { width });
    pdf.font(FONT.regular).fontSize(SMALL_SIZE);
    for (const line of recipients) pdf.text(`- ${nfc(line)}`, this.left, pdf.y, { width });
    const end = pdf.y;
    pdf.fontSize(BODY_SIZE);
    return end;
  }

  /** A 0.75 pt horizontal line of `length` centred on x. */
  private rule(centreX: number, y: number, length: number): void {
    this.pdf
      .save()
      .lineWidth(0.75)
      .moveTo(centreX - length / 2, y)
      .lineTo(centreX + length / 2, y)
      .stroke()
      .restore();
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Pixel size of a PNG from its IHDR chunk, which must come first. Throws RangeError on anything else. */
function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new RangeError('Not a PNG image');
  }
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width === 0 || height === 0) throw new RangeError('PNG image without pixels');
  return { width, height };
}

/** The largest size up to `max` at which `text` fits on one line of `width` in the current font. */
function fitSize(pdf: PDFKit.PDFDocument, text: string, width: number, max: number): number {
  pdf.fontSize(max);
  const natural = pdf.widthOfString(text);
  return natural <= width ? max : Math.floor(((max * width) / natural) * 10) / 10;
}
