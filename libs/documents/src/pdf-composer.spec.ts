import { create as openFont } from 'fontkit';
import { flat, pdfOperators, pdfText } from '../test/pdf-text';
import { fontData } from './fonts';
import { PdfComposer } from './pdf-composer';
import { qrPng } from './qr';

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
      .table(
        [{ header: 'STT', fit: true }, { header: 'Nội dung' }],
        [
          ['1', tall],
          ['2', 'Hàng sau'],
        ],
      )
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

  it('places a PNG in the flow with its caption, on the next page when it does not fit', async () => {
    const png = await qrPng('https://ocop.example/x', { widthPx: 120 });
    const composer = PdfComposer.create({ title: 't', createdAt: '2026-12-01T02:00:00Z' });
    composer.image(png, { width: 100, caption: 'Mã QR kiểm tra' });
    while (composer.pdf.y < composer.bottom - 80) composer.paragraph('Đoạn văn lấp chỗ trống.');
    const bytes = await composer.image(png, { width: 100, align: 'right', caption: 'Ảnh thứ hai' }).finish();
    const { pageCount, pages } = await pdfText(bytes);
    expect(pageCount).toBe(2);
    expect(flat(pages[0] as string)).toMatch(/^Mã QR kiểm tra Đoạn văn/);
    expect(flat(pages[1] as string)).toBe('Ảnh thứ hai 2');
    expect((await pdfOperators(bytes)).map((ops) => ops.paintImageXObject)).toEqual([1, 1]);
    expect(bytes.toString('latin1').match(/\/Subtype \/Image/g)).toHaveLength(2);
  });

  it('refuses an image that is not a PNG or wider than the text', async () => {
    const composer = PdfComposer.create({ title: 't', createdAt: '2026-12-01T02:00:00Z' });
    expect(() => composer.image(Buffer.from('GIF89a not a png at all'), { width: 100 })).toThrow(RangeError);
    const png = await qrPng('x', { widthPx: 50 });
    expect(() => composer.image(png, { width: 1000 })).toThrow(RangeError);
    expect(() =>
      composer.signatures(
        [
          { titleLines: ['A'], name: null },
          { titleLines: ['B'], name: null },
        ],
        { recipientsVi: ['Lưu: VT.'] },
      ),
    ).toThrow(RangeError);
  });

  it('draws stars as paths, since Tinos has no ★, and opens an article with its bold number', async () => {
    for (const face of ['regular', 'bold'] as const) expect(openFont(fontData(face)).hasGlyphForCodePoint(0x2605)).toBe(false);
    const bytes = await PdfComposer.create({ title: 't', createdAt: '2026-12-01T02:00:00Z' })
      .stars(5)
      .paragraph('Công nhận sản phẩm đạt chuẩn OCOP.', { lead: 'Điều 1.', indent: 28 })
      .signatures([{ titleLines: ['CHỦ TỊCH'], noteVi: '', name: 'Lê Đức Giang' }], { recipientsVi: ['Như Điều 3;', 'Lưu: VT.'] })
      .finish();
    const [ops] = await pdfOperators(bytes);
    expect(ops?.['constructPath:fillStroke']).toBe(5);
    const { pages } = await pdfText(bytes);
    expect(flat(pages.join('\n'))).toBe(
      'Điều 1. Công nhận sản phẩm đạt chuẩn OCOP. CHỦ TỊCH Lê Đức Giang Nơi nhận: - Như Điều 3; - Lưu: VT.',
    );
  });
});
