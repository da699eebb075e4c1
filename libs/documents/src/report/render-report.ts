import { PdfComposer } from '../pdf-composer';
import { vietnamNumericDate } from '../vietnam-time';
import { progressByUnit, vietnameseNumber as n, type ReportDocument } from './report.document';

const day = (d: string): string => vietnamNumericDate(`${d}T00:00:00+07:00`);

/**
 * Renders a programme report: the national heading, the period, the certificates of the period by star level, the
 * targets with what was achieved and a chart of progress per unit, the rewards, and the recipients. The same input gives
 * the same bytes (the PDF dates come from submittedAt).
 */
export function renderReportPdf(doc: ReportDocument): Promise<Buffer> {
  const c = doc.certificates;
  const pdf = PdfComposer.create({
    title: doc.titleVi,
    subject: `${doc.issuerVi}: ${day(doc.periodFrom)} – ${day(doc.periodTo)}`,
    author: doc.issuerVi,
    createdAt: doc.submittedAt,
  })
    .nationalHeading({
      authorityVi: doc.authorityVi,
      issuerVi: doc.issuerVi,
      ...(doc.reference ? { reference: doc.reference } : {}),
      placeVi: doc.placeVi,
      date: doc.submittedAt,
    })
    .title([doc.titleVi], `Từ ngày ${day(doc.periodFrom)} đến ngày ${day(doc.periodTo)}`)
    .section('I. SẢN PHẨM ĐƯỢC CÔNG NHẬN')
    .table(
      [{ header: 'Hạng' }, { header: 'Cấp mới trong kỳ', align: 'right' }, { header: 'Còn hiệu lực cuối kỳ', align: 'right' }],
      [
        ['3 sao', n(c.issued[0]), n(c.valid[0])],
        ['4 sao', n(c.issued[1]), n(c.valid[1])],
        ['5 sao', n(c.issued[2]), n(c.valid[2])],
        ['Tổng cộng', n(c.issued[0] + c.issued[1] + c.issued[2]), n(c.valid[0] + c.valid[1] + c.valid[2])],
      ],
    )
    .paragraph(
      `Trong đó sản phẩm được công nhận lần đầu: ${n(c.firstCertifications)}. Giấy chứng nhận bị thu hồi trong kỳ: ${n(c.revoked)}.`,
    )
    .section('II. KẾT QUẢ THỰC HIỆN CHỈ TIÊU');
  if (doc.targets.length === 0) pdf.paragraph('Không có chỉ tiêu nào của kế hoạch cho kỳ báo cáo.');
  else {
    pdf.table(
      [
        { header: 'Đơn vị', flex: 2 },
        { header: 'Chỉ tiêu', flex: 1.5 },
        { header: 'Năm', fit: true },
        { header: 'Kế hoạch', align: 'right', fit: true },
        { header: 'Đạt', align: 'right', fit: true },
        { header: 'Tỷ lệ (%)', align: 'right', fit: true },
      ],
      doc.targets.map((t) => [t.unitVi, t.labelVi, String(t.year), n(t.value), n(t.achieved), t.percent === null ? '—' : n(t.percent)]),
    );
    pdf.barChart(
      progressByUnit(doc.targets).map((u) => ({ label: u.unitVi, target: u.value, achieved: u.achieved })),
      { title: 'Biểu đồ: số sản phẩm đạt so với chỉ tiêu', targetLegend: 'Chỉ tiêu', achievedLegend: 'Đạt' },
    );
  }
  const r = doc.rewards;
  return pdf
    .section('III. KINH PHÍ KHEN THƯỞNG')
    .table(
      [
        { header: 'Nội dung', flex: 2 },
        { header: 'Số lượng', align: 'right', fit: true },
        { header: 'Số tiền (đồng)', align: 'right', fit: true },
      ],
      [
        ['Khen thưởng phát sinh trong kỳ', n(r.due), n(r.dueVnd)],
        ['Đã chi trả trong kỳ', n(r.paid), n(r.paidVnd)],
        ['Dừng chi trả (giấy chứng nhận bị thu hồi)', n(r.stopped), ''],
      ],
    )
    .paragraph(`Số liệu tính đến ${vietnamNumericDate(doc.asOf)}.`, { face: 'italic', size: 11 })
    .signatures([{ titleLines: [doc.issuerVi.toUpperCase()], name: null }], {
      recipientsVi: doc.recipientVi ? [doc.recipientVi, 'Lưu: VT.'] : ['Lưu: VT.'],
    })
    .finish();
}
