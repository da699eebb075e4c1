import { PdfComposer } from '../pdf-composer';
import { qrPng } from '../qr';
import { vietnamNumericDate } from '../vietnam-time';
import type { TrainingCertificateDocument } from './training-certificate.document';

export const TRAINING_CERTIFICATE_TITLE = 'GIẤY CHỨNG NHẬN';

const day = (d: string): string => vietnamNumericDate(`${d}T00:00:00+07:00`);

/**
 * Renders a training completion certificate: one A4 page with the national heading, the person, the course and class,
 * the days attended, and a QR code of its public verification link beside the signature. The same input gives the same
 * bytes (the PDF dates come from issuedAt).
 */
export async function renderTrainingCertificatePdf(doc: TrainingCertificateDocument): Promise<Buffer> {
  const qr = await qrPng(doc.verifyUrl);
  const pdf = PdfComposer.create({
    title: `Giấy chứng nhận hoàn thành khóa đào tạo ${doc.number}`,
    subject: `${doc.fullName} - ${doc.courseTitle}`,
    author: doc.issuerVi,
    createdAt: doc.issuedAt,
  })
    .nationalHeading({ authorityVi: '', issuerVi: doc.issuerVi, placeVi: doc.placeVi, date: doc.issuedAt })
    .title([TRAINING_CERTIFICATE_TITLE, 'HOÀN THÀNH KHÓA ĐÀO TẠO'], undefined, 18)
    .paragraph(`Số: ${doc.number}`, { align: 'center', after: 20 })
    .labelled('Chứng nhận Ông/Bà', doc.fullName, { after: 6 });
  if (doc.birthYear) pdf.labelled('Năm sinh', String(doc.birthYear), { after: 6 });
  if (doc.fromVi) pdf.labelled('Đơn vị', doc.fromVi, { after: 6 });
  return pdf
    .space(8)
    .paragraph(`Đã hoàn thành khóa đào tạo “${doc.courseTitle}”, lớp “${doc.classTitle}”,`, { after: 6 })
    .paragraph(`từ ngày ${day(doc.startsOn)} đến ngày ${day(doc.endsOn)}, ${doc.whereVi}, do ${doc.issuerVi} tổ chức.`, { after: 6 })
    .paragraph(`Số ngày tham dự: ${doc.daysAttended}/${doc.days} ngày.`, { face: 'bold' })
    .space(12)
    .signatures([{ titleLines: ['TM. BAN TỔ CHỨC'], noteVi: '', name: null }], {
      image: qr,
      width: 110,
      caption: `Quét mã để kiểm tra: ${doc.verifyCode}`,
    })
    .finish();
}
