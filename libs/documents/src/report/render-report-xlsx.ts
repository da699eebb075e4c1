import ExcelJS from 'exceljs';
import { vietnamNumericDate } from '../vietnam-time';
import { type ReportDocument } from './report.document';

const day = (d: string): string => vietnamNumericDate(`${d}T00:00:00+07:00`);

/**
 * The same report as a workbook (exceljs): a sheet of the certificates and rewards ("Tổng hợp"), one of the targets
 * with what was achieved ("Chỉ tiêu"). Numbers are number cells, so the office sums and charts them in Excel; the
 * workbook's dates come from submittedAt, so the same report gives the same content.
 */
export async function renderReportXlsx(doc: ReportDocument): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = doc.issuerVi;
  book.title = doc.titleVi;
  book.created = new Date(doc.submittedAt);
  book.modified = new Date(doc.submittedAt);
  const c = doc.certificates;
  const r = doc.rewards;

  const summary = book.addWorksheet('Tổng hợp');
  summary.columns = [{ width: 48 }, { width: 18 }, { width: 22 }];
  summary.addRow([doc.titleVi]).font = { bold: true, size: 13 };
  summary.addRow([doc.issuerVi]);
  summary.addRow([`Từ ngày ${day(doc.periodFrom)} đến ngày ${day(doc.periodTo)}; số liệu tính đến ${vietnamNumericDate(doc.asOf)}`]);
  if (doc.reference) summary.addRow([`Số: ${doc.reference}`]);
  if (doc.recipientVi) summary.addRow([`Kính gửi: ${doc.recipientVi}`]);
  summary.addRow([]);
  summary.addRow(['Hạng', 'Cấp mới trong kỳ', 'Còn hiệu lực cuối kỳ']).font = { bold: true };
  summary.addRow(['3 sao', c.issued[0], c.valid[0]]);
  summary.addRow(['4 sao', c.issued[1], c.valid[1]]);
  summary.addRow(['5 sao', c.issued[2], c.valid[2]]);
  summary.addRow(['Tổng cộng', c.issued[0] + c.issued[1] + c.issued[2], c.valid[0] + c.valid[1] + c.valid[2]]).font = { bold: true };
  summary.addRow(['Sản phẩm được công nhận lần đầu', c.firstCertifications]);
  summary.addRow(['Giấy chứng nhận bị thu hồi trong kỳ', c.revoked]);
  summary.addRow([]);
  summary.addRow(['Kinh phí khen thưởng', 'Số lượng', 'Số tiền (đồng)']).font = { bold: true };
  summary.addRow(['Khen thưởng phát sinh trong kỳ', r.due, r.dueVnd]);
  summary.addRow(['Đã chi trả trong kỳ', r.paid, r.paidVnd]);
  summary.addRow(['Dừng chi trả (giấy chứng nhận bị thu hồi)', r.stopped]);
  summary.getColumn(3).numFmt = '#,##0';

  const targets = book.addWorksheet('Chỉ tiêu');
  targets.columns = [
    { header: 'Đơn vị', key: 'unit', width: 30 },
    { header: 'Chỉ tiêu', key: 'label', width: 30 },
    { header: 'Năm', key: 'year', width: 8 },
    { header: 'Kế hoạch', key: 'value', width: 10 },
    { header: 'Đạt', key: 'achieved', width: 10 },
    { header: 'Tỷ lệ (%)', key: 'percent', width: 10 },
    { header: 'Văn bản kế hoạch', key: 'plan', width: 32 },
  ];
  targets.getRow(1).font = { bold: true };
  for (const t of doc.targets)
    targets.addRow({
      unit: t.unitVi,
      label: t.labelVi,
      year: t.year,
      value: t.value,
      achieved: t.achieved,
      percent: t.percent,
      plan: t.planReference,
    });
  return Buffer.from(await book.xlsx.writeBuffer());
}
