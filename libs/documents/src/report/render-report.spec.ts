import ExcelJS from 'exceljs';
import { flat, pdfText } from '../../test/pdf-text';
import { renderReportPdf } from './render-report';
import { renderReportXlsx } from './render-report-xlsx';
import type { ReportDocument } from './report.document';

const doc: ReportDocument = {
  titleVi: 'BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH OCOP NĂM 2024',
  authorityVi: 'UBND TỈNH THANH HÓA',
  issuerVi: 'UBND huyện Thọ Xuân',
  placeVi: 'Thọ Xuân',
  reference: '215/BC-UBND',
  recipientVi: 'UBND tỉnh Thanh Hóa',
  periodFrom: '2024-01-01',
  periodTo: '2024-12-31',
  submittedAt: '2024-11-25T03:00:00.000Z',
  asOf: '2024-11-25T03:00:00.000Z',
  certificates: { issued: [5, 2, 1], firstCertifications: 7, valid: [20, 6, 1], revoked: 1 },
  targets: [
    { unitVi: 'Huyện Thọ Xuân', labelVi: '3 sao', year: 2024, value: 5, achieved: 5, percent: 100, planReference: '1366/KH-UBND' },
    { unitVi: 'Huyện Thọ Xuân', labelVi: '4 sao', year: 2024, value: 2, achieved: 2, percent: 100, planReference: '1366/KH-UBND' },
    { unitVi: 'Huyện Thọ Xuân', labelVi: '5 sao', year: 2024, value: 0, achieved: 1, percent: null, planReference: '1366/KH-UBND' },
  ],
  rewards: { due: 8, dueVnd: 120_000_000, paid: 3, paidVnd: 30_000_000, stopped: 1 },
};

describe('a programme report', () => {
  it('prints its figures, targets and chart in Vietnamese', async () => {
    const all = flat((await pdfText(await renderReportPdf(doc))).pages.join('\n'));
    for (const expected of [
      'UBND HUYỆN THỌ XUÂN',
      'Số: 215/BC-UBND',
      'BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH OCOP NĂM 2024',
      'Từ ngày 01/01/2024 đến ngày 31/12/2024',
      'Tổng cộng 8 27',
      'Trong đó sản phẩm được công nhận lần đầu: 7. Giấy chứng nhận bị thu hồi trong kỳ: 1.',
      'Huyện Thọ Xuân 5 sao 2024 0 1 —',
      'Biểu đồ: số sản phẩm đạt so với chỉ tiêu',
      '8/7',
      'Khen thưởng phát sinh trong kỳ 8 120.000.000',
      'Đã chi trả trong kỳ 3 30.000.000',
      'UBND tỉnh Thanh Hóa',
    ])
      expect(all).toContain(expected);
  });

  it('writes the same numbers into its workbook as number cells', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderReportXlsx(doc)) as never);
    const rows = (name: string) => (book.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows('Tổng hợp')).toEqual(
      expect.arrayContaining([
        ['3 sao', 5, 20],
        ['Tổng cộng', 8, 27],
        ['Sản phẩm được công nhận lần đầu', 7],
        ['Đã chi trả trong kỳ', 3, 30_000_000],
      ]),
    );
    expect(rows('Chỉ tiêu')).toEqual([
      ['Đơn vị', 'Chỉ tiêu', 'Năm', 'Kế hoạch', 'Đạt', 'Tỷ lệ (%)', 'Văn bản kế hoạch'],
      ['Huyện Thọ Xuân', '3 sao', 2024, 5, 5, 100, '1366/KH-UBND'],
      ['Huyện Thọ Xuân', '4 sao', 2024, 2, 2, 100, '1366/KH-UBND'],
      ['Huyện Thọ Xuân', '5 sao', 2024, 0, 1, undefined, '1366/KH-UBND'],
    ]);
  });
});
