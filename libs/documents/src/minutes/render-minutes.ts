import { PdfComposer } from '../pdf-composer';
import type { TableColumn } from '../table';
import { vietnamClock, vietnamDate, vietnamDateTime, vietnamTime } from '../vietnam-time';
import type { MinutesDocument, MinutesResult, WrittenConsultationMinutes } from './minutes.document';

export const MINUTES_TITLE = ['BIÊN BẢN', 'HỌP HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP'] as const;
export const WRITTEN_MINUTES_TITLE = ['BIÊN BẢN', 'LẤY Ý KIẾN BẰNG VĂN BẢN VỀ PHIẾU ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP'] as const;

/**
 * Renders the minutes of a scoring council session as an A4 PDF in Vietnamese administrative
 * style: a meeting's, or a written consultation's (how it was held and who sent sheets instead of
 * time, place and attendance). The same input always gives the same bytes (the PDF dates come from closedAt).
 */
export function renderMinutesPdf(doc: MinutesDocument): Promise<Buffer> {
  const title = doc.written ? WRITTEN_MINUTES_TITLE : MINUTES_TITLE;
  const pdf = PdfComposer.create({
    title: `Biên bản ${doc.reference}`,
    subject: `${title.join(' ')} - ${doc.sessionTitle}`,
    author: doc.councilNameVi,
    createdAt: doc.closedAt,
  });

  pdf
    .nationalHeading({
      authorityVi: doc.authorityVi,
      issuerVi: doc.councilNameVi,
      reference: doc.reference,
      placeVi: doc.placeVi,
      date: doc.closedAt,
    })
    .title([...title], doc.sessionTitle);

  if (doc.written) {
    pdf
      .section('I. HÌNH THỨC, THỜI GIAN')
      .paragraph(`${doc.written.formVi}.`, { indent: 28 })
      .labelled('Hạn gửi phiếu đánh giá', `${doc.written.sheetsDueAtVi} (giờ Việt Nam).`)
      .labelled('Thời gian lấy ý kiến', `từ ${vietnamDateTime(doc.openedAt)} đến ${vietnamDateTime(doc.closedAt)}.`);
  } else {
    pdf.section('I. THỜI GIAN, ĐỊA ĐIỂM').labelled('Thời gian', `${sessionSpan(doc.openedAt, doc.closedAt)}.`);
    if (doc.location !== null && doc.location.trim() !== '') pdf.labelled('Địa điểm', `${bare(doc.location)}.`);
  }

  pdf.section('II. CĂN CỨ');
  if (doc.legalBasisVi.length > 0) pdf.list(doc.legalBasisVi.map((basis) => `Căn cứ ${bare(basis)};`));
  pdf.labelled('Bộ tiêu chí đánh giá, phân hạng áp dụng', `${bare(doc.catalogueVi)}.`);

  if (doc.written) sheetsSent(pdf, doc, doc.written);
  else attendance(pdf, doc);
  results(pdf, doc.results, doc.written !== undefined);
  deferred(pdf, doc);

  pdf
    .space()
    .paragraph(
      doc.written
        ? `Việc lấy ý kiến kết thúc lúc ${vietnamDateTime(doc.closedAt)}. Thư ký Hội đồng tổng hợp các phiếu đánh giá nhận được ` +
            'và lập biên bản này.'
        : `Phiên họp kết thúc lúc ${vietnamDateTime(doc.closedAt)}. Biên bản đã được đọc lại cho các thành viên ` +
            'Hội đồng có mặt cùng nghe và thống nhất thông qua.',
      { indent: 28 },
    )
    .signatures([
      { titleLines: ['THƯ KÝ'], name: doc.secretaryName },
      { titleLines: ['CHỦ TỊCH HỘI ĐỒNG'], name: doc.chairName },
    ]);
  return pdf.finish();
}

/** 'Từ 08 giờ 00 phút đến 11 giờ 30 phút, ngày 24 tháng 11 năm 2026', naming both days when they differ. */
function sessionSpan(openedAt: string, closedAt: string): string {
  const open = vietnamClock(openedAt);
  const close = vietnamClock(closedAt);
  const sameDay = open.year === close.year && open.month === close.month && open.day === close.day;
  return sameDay
    ? `Từ ${vietnamTime(openedAt)} đến ${vietnamTime(closedAt)}, ${vietnamDate(closedAt)}`
    : `Từ ${vietnamDateTime(openedAt)} đến ${vietnamDateTime(closedAt)}`;
}

function attendance(pdf: PdfComposer, doc: MinutesDocument): void {
  const { required, present } = doc.quorum;
  pdf
    .section('III. THÀNH PHẦN THAM DỰ')
    .paragraph(
      `Số thành viên Hội đồng có mặt: ${present}/${doc.members.length}; số thành viên có mặt tối thiểu theo quy định: ${required}. ` +
        (present >= required
          ? 'Phiên họp bảo đảm số lượng thành viên theo quy định.'
          : 'Phiên họp không bảo đảm số lượng thành viên theo quy định.'),
      { indent: 28 },
    );
  membersTable(
    pdf,
    doc.members.map((m) => ({ ...m, last: m.present ? 'Có mặt' : 'Vắng mặt' })),
    { header: 'Tham dự', width: 58, align: 'center' },
  );
}

/** The council's members, one row each, with what the minutes say of each in the last column (present, sheets sent). */
function membersTable(
  pdf: PdfComposer,
  rows: { fullName: string; roleVi: string; agency: string; last: string }[],
  last: TableColumn,
  agencyFlex = 1.3,
): void {
  if (rows.length === 0) return;
  const columns: TableColumn[] = [
    { header: 'STT', fit: true, align: 'center' },
    { header: 'Họ và tên', flex: 1.1 },
    { header: 'Chức danh trong Hội đồng', flex: 0.9 },
    { header: 'Cơ quan, đơn vị', flex: agencyFlex },
    last,
  ];
  pdf.table(
    columns,
    rows.map((m, i) => [String(i + 1), m.fullName, m.roleVi, m.agency, m.last]),
    { fontSize: 11 },
  );
}

/** A written consultation's members: who sent their sheets, counted on the sheets received for each dossier. */
function sheetsSent(pdf: PdfComposer, doc: MinutesDocument, w: WrittenConsultationMinutes): void {
  pdf
    .section('III. THÀNH VIÊN GỬI PHIẾU ĐÁNH GIÁ')
    .paragraph(
      `Số thành viên Hội đồng đã gửi phiếu đánh giá: ${doc.quorum.present}/${w.scoring.length}; số thành viên tối thiểu theo quy định: ` +
        `${doc.quorum.required}. Số lượng thành viên được tính trên số phiếu đánh giá nhận được đối với từng hồ sơ.`,
      { indent: 28 },
    )
    .labelled('Thành viên đã gửi phiếu đánh giá', `${w.sentBy.length ? w.sentBy.join(', ') : 'không có'}.`);
  if (w.missingFrom.length) pdf.labelled('Thành viên chưa gửi đủ phiếu đánh giá', `${w.missingFrom.join(', ')}.`);
  membersTable(
    pdf,
    w.scoring.map((m) => ({ ...m, last: m.sheetsVi })),
    { header: 'Phiếu đánh giá', width: 70, align: 'center' },
    1.2,
  );
}

function results(pdf: PdfComposer, rows: MinutesResult[], written: boolean): void {
  // Heading, the sentence, the table header and a first row on one page.
  pdf.section('IV. KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM', 120);
  if (rows.length === 0) {
    pdf.paragraph(`Không có hồ sơ nào được đánh giá, phân hạng${written ? '' : ' tại phiên họp'}.`, { indent: 28 });
    return;
  }
  pdf.paragraph(
    `Hội đồng đã đánh giá, phân hạng ${rows.length} hồ sơ sản phẩm${written ? ' trên các phiếu đánh giá nhận được' : ''}; kết quả như sau:`,
    { indent: 28, keepWithNext: 80 },
  );

  // One numbered note per result that was capped below its band or scored without some members.
  const notes: string[] = [];
  const noteOf = new Map<MinutesResult, number>();
  for (const r of rows) {
    const parts: string[] = [];
    if (r.rank < r.band && r.capReasonsVi.length > 0) {
      parts.push(
        `điểm trung bình ${decimalComma(r.mean)} đạt mức ${r.band} sao nhưng sản phẩm được xếp hạng ${r.rank} sao do: ${r.capReasonsVi.join('; ')}`,
      );
    } else if (r.rank < r.band) {
      parts.push(`điểm trung bình ${decimalComma(r.mean)} đạt mức ${r.band} sao nhưng sản phẩm được xếp hạng ${r.rank} sao`);
    }
    if (r.excludedMembers.length > 0) {
      parts.push(`thành viên không tham gia chấm điểm do xung đột lợi ích: ${r.excludedMembers.join(', ')}`);
    }
    if (parts.length === 0) continue;
    notes.push(`Hồ sơ ${r.dossierCode} (${r.productName}): ${parts.join('; ')}.`);
    noteOf.set(r, notes.length);
  }

  const columns: TableColumn[] = [
    { header: 'STT', fit: true, align: 'center' },
    { header: 'Mã hồ sơ', fit: true },
    { header: 'Sản phẩm', flex: 1.2 },
    { header: 'Chủ thể', flex: 1 },
    { header: 'Số phiếu', width: 30, align: 'center' },
    { header: 'Điểm TB', width: 34, align: 'center' },
    { header: 'Hạng', width: 30, align: 'center' },
    { header: 'Kết luận', flex: 0.85 },
  ];
  pdf.table(
    columns,
    rows.map((r) => {
      const note = noteOf.get(r);
      return [
        String(r.order),
        r.dossierCode,
        `${r.productName}\nBộ sản phẩm: ${r.productSetCode}`,
        r.producerName,
        String(r.sheetCount),
        decimalComma(r.mean),
        `${r.rank} sao`,
        note === undefined ? r.decisionVi : `${r.decisionVi}\nXem ghi chú (${note})`,
      ];
    }),
    { fontSize: 9.5 },
  );

  if (notes.length > 0) {
    pdf.paragraph('Ghi chú:', { face: 'boldItalic', size: 12, after: 2 });
    pdf.list(notes, (i) => `(${i + 1})`, { size: 12 });
  }
}

function deferred(pdf: PdfComposer, doc: MinutesDocument): void {
  pdf.section('V. HỒ SƠ HOÃN ĐÁNH GIÁ', 100);
  if (doc.deferred.length === 0) {
    pdf.paragraph('Không có hồ sơ hoãn đánh giá.', { indent: 28 });
    return;
  }
  pdf.paragraph(`Hội đồng hoãn đánh giá ${doc.deferred.length} hồ sơ sau:`, { indent: 28, keepWithNext: 60 });
  const columns: TableColumn[] = [
    { header: 'STT', fit: true, align: 'center' },
    { header: 'Mã hồ sơ', fit: true },
    { header: 'Sản phẩm', flex: 1 },
    { header: 'Lý do hoãn', flex: 1.4 },
  ];
  pdf.table(
    columns,
    doc.deferred.map((d, i) => [String(i + 1), d.dossierCode, d.productName, d.reasonVi]),
    { fontSize: 11 },
  );
}

/** Text without surrounding blanks or closing punctuation, to end it as the sentence requires. */
function bare(text: string): string {
  return text.trim().replace(/[.;,]+$/, '');
}

/** Vietnamese writes decimals with a comma: '86.40' → '86,40'. Anything else is printed as given. */
function decimalComma(value: string): string {
  return /^\d+\.\d+$/.test(value) ? value.replace('.', ',') : value;
}
