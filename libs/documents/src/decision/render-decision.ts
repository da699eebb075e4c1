import { PdfComposer } from '../pdf-composer';
import type { TableColumn } from '../table';
import { vietnamDate, vietnamNumericDate } from '../vietnam-time';
import type { DecisionDocument, DecisionItem, DecisionRevocation } from './decision.document';

export const DECISION_SUMMARY: Record<DecisionDocument['kind'], string> = {
  ISSUE: 'Về việc công nhận sản phẩm đạt chuẩn OCOP',
  REVOKE: 'Về việc thu hồi Giấy chứng nhận sản phẩm OCOP',
};

/** Validity of a certificate, as Điều 2 of an ISSUE decision states it. */
const VALIDITY_MONTHS = 36;

/** Recipients (nơi nhận) beside the signer. */
const RECIPIENTS = ['Như Điều 3;', 'Lưu: VT.'];

/**
 * Renders a decision of the OCOP programme as an A4 PDF in Vietnamese administrative style.
 * ISSUE recognises the products of a council session, listed in a table attached after the
 * signature (it runs over as many pages as needed); REVOKE withdraws one certificate. The same
 * input always gives the same bytes (the PDF dates come from the decision date). Throws
 * RangeError when the items or the revocation do not match the kind.
 */
export function renderDecisionPdf(doc: DecisionDocument): Promise<Buffer> {
  check(doc);
  const summary = DECISION_SUMMARY[doc.kind];
  const pdf = PdfComposer.create({
    title: `Quyết định ${doc.reference}`,
    subject: `Quyết định ${summary.charAt(0).toLowerCase()}${summary.slice(1)}`,
    author: doc.issuerVi,
    createdAt: doc.date,
  });

  pdf
    .nationalHeading({
      authorityVi: doc.authorityVi,
      issuerVi: doc.issuerVi,
      reference: doc.reference,
      placeVi: doc.placeVi,
      date: doc.date,
    })
    .title(['QUYẾT ĐỊNH', summary])
    .paragraph(doc.issuerVi.toUpperCase(), { face: 'bold', align: 'center', after: 8 });
  doc.legalBasisVi.forEach((basis, i) => {
    const line = /^(căn cứ|theo đề nghị)/iu.test(basis.trim()) ? bare(basis) : `Căn cứ ${bare(basis)}`;
    pdf.paragraph(`${line}${i === doc.legalBasisVi.length - 1 ? '.' : ';'}`, { face: 'italic', indent: 28 });
  });
  pdf.space().paragraph('QUYẾT ĐỊNH:', { face: 'bold', align: 'center', after: 8, keepWithNext: 60 });

  if (doc.kind === 'ISSUE') issue(pdf, doc);
  else revoke(pdf, doc.items[0] as DecisionItem, doc.revocation as DecisionRevocation);
  pdf.signatures([{ titleLines: doc.signerTitleLines, noteVi: '', name: doc.signerName }], { recipientsVi: RECIPIENTS });

  if (doc.kind === 'ISSUE') attachedList(pdf, doc);
  return pdf.finish();
}

function check(doc: DecisionDocument): void {
  if (doc.kind === 'ISSUE') {
    if (doc.items.length === 0) throw new RangeError('An ISSUE decision recognises at least one product');
    if (doc.revocation !== undefined) throw new RangeError('An ISSUE decision has no revocation');
  } else {
    if (doc.items.length !== 1) throw new RangeError(`A REVOKE decision withdraws exactly one certificate, not ${doc.items.length}`);
    if (doc.revocation === undefined) throw new RangeError('A REVOKE decision needs its revocation');
  }
}

const ARTICLE = { indent: 28, after: 5 } as const;

function issue(pdf: PdfComposer, doc: DecisionDocument): void {
  pdf
    .paragraph(`Công nhận ${doc.items.length} sản phẩm đạt chuẩn OCOP (có danh sách kèm theo).`, { ...ARTICLE, lead: 'Điều 1.' })
    .paragraph(`Giấy chứng nhận có giá trị ${VALIDITY_MONTHS} tháng kể từ ngày ký.`, { ...ARTICLE, lead: 'Điều 2.' });
  if (doc.provisionalNoteVi) pdf.paragraph(`Các sản phẩm đánh dấu (*) trong danh sách: ${doc.provisionalNoteVi}`, ARTICLE);
  pdf.paragraph(
    'Quyết định này có hiệu lực kể từ ngày ký. Thủ trưởng các cơ quan, đơn vị có liên quan và các chủ thể có sản phẩm ' +
      'nêu tại Điều 1 chịu trách nhiệm thi hành Quyết định này.',
    { ...ARTICLE, lead: 'Điều 3.' },
  );
}

function revoke(pdf: PdfComposer, item: DecisionItem, revocation: DecisionRevocation): void {
  pdf
    .paragraph(
      `Thu hồi Giấy chứng nhận sản phẩm OCOP số ${item.certificateNumber} của sản phẩm ${item.productName} ` +
        `(bộ sản phẩm ${item.productSetCode}, hạng ${item.stars} sao), chủ thể ${item.producerName}, đã được công nhận tại ` +
        `Quyết định số ${revocation.originalDecisionReference} ngày ${vietnamNumericDate(revocation.originalDecisionDate)}. ` +
        'Giấy chứng nhận hết hiệu lực kể từ ngày Quyết định này có hiệu lực.',
      { ...ARTICLE, lead: 'Điều 1.' },
    )
    .paragraph(`Lý do thu hồi: ${bare(revocation.reasonVi)} (${revocation.reasonCode}).`, ARTICLE)
    .paragraph(
      `Chủ thể ${item.producerName} có trách nhiệm nộp lại bản chính Giấy chứng nhận và chấm dứt việc sử dụng biểu trưng ` +
        `OCOP, hình ảnh số sao trên bao bì, nhãn sản phẩm trước ${vietnamDate(revocation.returnDeadline)}.`,
      { ...ARTICLE, lead: 'Điều 2.' },
    )
    .paragraph(
      'Quyết định này có hiệu lực kể từ ngày ký. Thủ trưởng các cơ quan, đơn vị có liên quan và chủ thể có tên tại ' +
        'Điều 1 chịu trách nhiệm thi hành Quyết định này.',
      { ...ARTICLE, lead: 'Điều 3.' },
    );
}

/** The list 'kèm theo' the decision, on its own pages after the signature. */
function attachedList(pdf: PdfComposer, doc: DecisionDocument): void {
  const columns: TableColumn[] = [
    { header: 'STT', fit: true, align: 'center' },
    { header: 'Số giấy chứng nhận', fit: true },
    { header: 'Tên sản phẩm', flex: 1.2 },
    { header: 'Chủ thể', flex: 1 },
    { header: 'Hạng sao', width: 38, align: 'center' },
    { header: 'Hiệu lực đến', fit: true, align: 'center' },
  ];
  pdf
    .pageBreak()
    .title(['DANH SÁCH SẢN PHẨM ĐẠT CHUẨN OCOP'], `(Kèm theo Quyết định số ${doc.reference} ngày ${vietnamNumericDate(doc.date)})`)
    .table(
      columns,
      doc.items.map((item, i) => [
        String(i + 1),
        item.certificateNumber,
        `${item.productName}${item.provisionalCriteria ? ' (*)' : ''}\nBộ sản phẩm: ${item.productSetCode}`,
        item.producerName,
        `${item.stars} sao`,
        vietnamNumericDate(item.validTo),
      ]),
      { fontSize: 10 },
    );
}

/** Text without surrounding blanks or closing punctuation, to end it as the sentence requires. */
function bare(text: string): string {
  return text.trim().replace(/[.;,]+$/, '');
}
