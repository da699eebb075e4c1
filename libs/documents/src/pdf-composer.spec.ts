import { flat, pdfText } from '../test/pdf-text';
import { PdfComposer } from './pdf-composer';

// The base that certificates will reuse, exercised the way a certificate would use it.

describe('PdfComposer', () => {
  it('composes a certificate-like document: heading without number, one signer with a delegated capacity', async () => {
    const bytes = await PdfComposer.create({ title: 'Giấy chứng nhận', createdAt: '2026-12-01T02:00:00Z' })
      .nationalHeading({ authorityVi: 'Ủy ban nhân dân', issuerVi: 'Tỉnh Thanh Hóa', placeVi: 'Thanh Hóa', date: '2026-12-01T02:00:00Z' })
      .title(['GIẤY CHỨNG NHẬN', 'SẢN PHẨM OCOP ĐẠT 4 SAO'])
      .labelled('Tên sản phẩm', 'Mật ong hoa nhãn Thọ Xuân')
      .labelled('Chủ thể', 'Hợp tác xã Nông nghiệp Đông Sơn')
      .signatures([{ titleLines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], noteVi: '', name: 'Lê Đức Giang' }])
      .finish();
    const { pageCount, pages } = await pdfText(bytes);
    const text = flat(pages.join('\n'));
    expect(pageCount).toBe(1);
    expect(text).toContain('ỦY BAN NHÂN DÂN TỈNH THANH HÓA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).not.toContain('Số:');
    expect(text).toContain('Thanh Hóa, ngày 01 tháng 12 năm 2026 GIẤY CHỨNG NHẬN SẢN PHẨM OCOP ĐẠT 4 SAO');
    expect(text).toContain('Tên sản phẩm: Mật ong hoa nhãn Thọ Xuân Chủ thể: Hợp tác xã Nông nghiệp Đông Sơn');
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Đức Giang');
  });

  it('cuts a table row taller than a page instead of looping, and goes on with the next rows', async () => {
    const tall = Array.from({ length: 400 }, (_, i) => `dòng ${i + 1}`).join('\n');
    const bytes = await PdfComposer.create({ title: 't', createdAt: '2026-12-01T02:00:00Z' })
      .table([{ header: 'STT', fit: true }, { header: 'Nội dung' }], [['1', tall], ['2', 'Hàng sau']])
      .finish();
    const { pageCount, pages } = await pdfText(bytes);
    const text = flat(pages.join('\n'));
    expect(pageCount).toBe(2);
    expect(text).toContain('dòng 1 dòng 2');
    expect(text).not.toContain('dòng 400');
    expect(text).toContain('STT Nội dung 2 Hàng sau');
  });

  it('refuses columns that leave no room for the flexible ones, and an invalid date', () => {
    const composer = PdfComposer.create({ title: 't', createdAt: '2026-12-01T02:00:00Z' });
    expect(() => composer.table([{ header: 'A', width: 460 }, { header: 'B' }], [['a', 'b']])).toThrow(RangeError);
    expect(() => PdfComposer.create({ title: 't', createdAt: 'hôm qua' })).toThrow(RangeError);
  });
});
