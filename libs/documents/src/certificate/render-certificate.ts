import { PdfComposer } from '../pdf-composer';
import { qrPng } from '../qr';
import { vietnamDate, vietnamNumericDate } from '../vietnam-time';
import type { CertificateDocument } from './certificate.document';

export const CERTIFICATE_TITLE = 'GIẤY CHỨNG NHẬN';

/** Printed width of the QR code: 110 pt (39 mm), about 0.5 mm a module for a 400-character link. */
const QR_POINTS = 110;

/** Body sizes to try, largest first, until the certificate fits on one page (long names wrap). */
const BODY_SIZES = [13, 12, 11, 10];

/**
 * Renders an OCOP product certificate: one A4 page with the national heading, the star rank, the
 * product, the decision and validity, and a QR code of the verification link beside the signer.
 * The same input always gives the same bytes (the PDF dates come from issuedAt). Throws
 * RangeError for a rank other than 3 to 5 stars, or text too long for one page even at 10 pt.
 */
export async function renderCertificatePdf(doc: CertificateDocument): Promise<Buffer> {
  if (!Number.isInteger(doc.stars) || doc.stars < 3 || doc.stars > 5) {
    throw new RangeError(`An OCOP certificate is for 3 to 5 stars, not ${doc.stars}`);
  }
  const qr = await qrPng(doc.verifyUrl);
  for (const size of BODY_SIZES) {
    // A draft that ran onto a second page is dropped unfinished.
    const pdf = compose(doc, qr, size);
    if (pdf.pageCount === 1) return pdf.finish();
  }
  throw new RangeError(`Certificate ${doc.number} does not fit on one page`);
}

function compose(doc: CertificateDocument, qr: Buffer, size: number): PdfComposer {
  const pdf = PdfComposer.create({
    title: `Giấy chứng nhận sản phẩm OCOP ${doc.number}`,
    subject: `${doc.productName} - ${doc.stars} sao`,
    author: doc.issuerVi,
    createdAt: doc.issuedAt,
  });
  pdf
    .nationalHeading({ authorityVi: doc.authorityVi, issuerVi: doc.issuerVi, placeVi: doc.placeVi, date: doc.decisionDate })
    .title([CERTIFICATE_TITLE, `SẢN PHẨM OCOP ĐẠT ${doc.stars} SAO`], undefined, 18)
    .stars(doc.stars, { size: 26 })
    .paragraph(`Số: ${doc.number}`, { align: 'center', size, after: 2 * size })
    .labelled('Tên sản phẩm', doc.productName, { size, after: size / 2 })
    .labelled('Bộ sản phẩm', doc.productSetCode, { size, after: size / 2 })
    .labelled('Chủ thể', doc.producerName, { size, after: size / 2 })
    .space(size)
    .paragraph(`Đã được đánh giá, phân hạng đạt ${doc.stars} sao theo Bộ tiêu chí OCOP ở ${doc.tierVi}.`, { size, after: size / 2 })
    .paragraph(`Theo Quyết định số ${doc.decisionReference} ngày ${vietnamNumericDate(doc.decisionDate)}.`, { size, after: size / 2 })
    .paragraph(`Có giá trị từ ${vietnamDate(doc.validFrom)} đến ${vietnamDate(doc.validTo)}.`, {
      size,
      face: 'bold',
      ...(doc.provisionalNoteVi ? { after: size / 2 } : {}),
    });
  if (doc.provisionalNoteVi) pdf.paragraph(doc.provisionalNoteVi, { size: size - 2, face: 'italic' });
  return pdf.space(size).signatures([{ titleLines: doc.signerTitleLines, noteVi: '', name: doc.signerName }], {
    image: qr,
    width: QR_POINTS,
    caption: `Quét mã để kiểm tra hiệu lực: ${doc.verifyCode}`,
  });
}
